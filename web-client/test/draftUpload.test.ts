import { describe, expect, it } from 'vitest';
import { counts, DOCX_TYPE, lineText, outline, uploadType } from '../src/report/draftUpload';

const doc = [
  { kind: 'CHAPTER', number: 'I', title: 'QUY ĐỊNH CHUNG', children: [
    { kind: 'ARTICLE', number: '1', title: 'Phạm vi', children: [
      { kind: 'CLAUSE', number: '1', children: [{ kind: 'POINT', number: 'a' }, { kind: 'POINT', number: 'b' }] },
      { kind: 'CLAUSE', number: '2' }] },
    { kind: 'ARTICLE', number: '2', title: 'Hiệu lực' }] },
  { kind: 'CHAPTER', number: 'II', title: 'TỔ CHỨC', children: [{ kind: 'ARTICLE', number: '3', title: 'Thi hành' }] },
];

describe('draft upload', () => {
  it('sends .docx, .md and .txt with their content types and refuses other files', () => {
    expect(uploadType('Du thao Luat.DOCX')).toBe(DOCX_TYPE);
    expect(uploadType('quy-che.md')).toBe('text/markdown; charset=utf-8');
    expect(uploadType('quy-che.txt')).toBe('text/plain; charset=utf-8');
    expect(uploadType('du-thao.pdf')).toBeNull();
    expect(uploadType('du-thao.doc')).toBeNull();
  });

  it('outlines parts, chapters, sections and articles with their depth, and counts every kind', () => {
    expect(outline(doc).map((r) => `${r.depth}${r.kind[0]}${r.number}`)).toEqual(['0CI', '1A1', '1A2', '0CII', '1A3']);
    expect(counts(doc)).toEqual({ PART: 0, CHAPTER: 2, SECTION: 0, ARTICLE: 3, CLAUSE: 2, POINT: 2 });
  });

  it('shows the line a problem refers to', () => {
    expect(lineText('NGHỊ ĐỊNH\nĐiều 1. A\nĐiều 3. B\n', 3)).toBe('Điều 3. B');
    expect(lineText('x'.repeat(200), 1, 10)).toBe('xxxxxxxxx…');
    expect(lineText(undefined, 1)).toBe('');
  });
});
