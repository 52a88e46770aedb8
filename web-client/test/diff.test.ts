import { describe, expect, it } from 'vitest';
import type { ArticleChange, Segment } from '../src/api/report';
import { sideLines, sideText, statusCounts, titleChanged, wordCounts } from '../src/report/diff';

// The body of Điều 8 as the server diffed it when "mỗi quý" became "hai tháng", and Điều 3 when a clause was cut.
const d8: Segment[] = [
  { op: 'EQUAL', text: '1. Đảng đoàn, ban cán sự đảng họp thường kỳ ' },
  { op: 'DELETE', text: 'mỗi quý ' },
  { op: 'INSERT', text: 'hai tháng ' },
  { op: 'EQUAL', text: 'một lần.\n2. Cuộc họp chỉ được tiến hành khi có ít nhất hai phần ba thành viên.' },
];
const d3: Segment[] = [
  { op: 'EQUAL', text: '1. Bảo đảm sự lãnh đạo.\n2. Thực hiện nghiêm nguyên tắc tập trung dân chủ' },
  { op: 'DELETE', text: ', tập thể lãnh đạo.\n' },
  { op: 'INSERT', text: '.\n' },
  { op: 'EQUAL', text: '3. Không làm thay.' },
];

const plain = (lines: Segment[][]) => lines.map((l) => l.map((s) => s.text).join('')).join('\n');

describe('the differences as two sides', () => {
  it('give the older text from EQUAL and DELETE, the newer from EQUAL and INSERT', () => {
    expect(sideText(d8, 'old')).toBe('1. Đảng đoàn, ban cán sự đảng họp thường kỳ mỗi quý một lần.\n2. Cuộc họp chỉ được tiến hành khi có ít nhất hai phần ba thành viên.');
    expect(sideText(d8, 'new')).toContain('họp thường kỳ hai tháng một lần.');
  });

  it('keep each side\'s own line breaks, so a changed clause stays on its line', () => {
    const old = sideLines(d3, 'old');
    const neu = sideLines(d3, 'new');
    expect(plain(old)).toBe(sideText(d3, 'old'));
    expect(plain(neu)).toBe(sideText(d3, 'new'));
    expect(old).toHaveLength(3);
    expect(neu).toHaveLength(3);
    expect(neu[1]).toEqual([{ op: 'EQUAL', text: '2. Thực hiện nghiêm nguyên tắc tập trung dân chủ' }, { op: 'INSERT', text: '.' }]);
    expect(old[1][1]).toEqual({ op: 'DELETE', text: ', tập thể lãnh đạo.' });
  });

  it('mark only the changed words on each side', () => {
    const neu = sideLines(d8, 'new');
    expect(neu[0].filter((s) => s.op !== 'EQUAL')).toEqual([{ op: 'INSERT', text: 'hai tháng ' }]);
    const old = sideLines(d8, 'old');
    expect(old[0].filter((s) => s.op !== 'EQUAL')).toEqual([{ op: 'DELETE', text: 'mỗi quý ' }]);
  });

  it('show an added article as nothing on the older side', () => {
    const added: Segment[] = [{ op: 'INSERT', text: '1. Khoản mới.\n2. Khoản nữa.' }];
    expect(sideLines(added, 'old')).toEqual([]);
    expect(sideLines(added, 'new')).toHaveLength(2);
  });

  it('count words as the server does: diacritics never split a word', () => {
    expect(wordCounts(d8)).toEqual({ inserted: 2, deleted: 2 });
    expect(wordCounts([{ op: 'INSERT', text: 'ho\u0323p, 03 ngày' }])).toEqual({ inserted: 3, deleted: 0 });
  });

  it('count articles by status, and tell a renumbering from a changed title', () => {
    const a = (status: ArticleChange['status'], title: Segment[] = [{ op: 'EQUAL', text: 'Tên' }]): ArticleChange =>
      ({ articleId: 'x', status, title, body: [], proposals: [] });
    const counts = statusCounts([a('CHANGED'), a('CHANGED'), a('UNCHANGED'), a('RENUMBERED'), a('ADDED')]);
    expect(counts).toEqual({ CHANGED: 2, UNCHANGED: 1, RENUMBERED: 1, ADDED: 1, REMOVED: 0 });
    expect(titleChanged(a('RENUMBERED'))).toBe(false);
    expect(titleChanged(a('CHANGED', [{ op: 'DELETE', text: 'Tên' }, { op: 'INSERT', text: 'Tên mới' }]))).toBe(true);
  });
});
