import { describe, expect, it } from 'vitest';
import { auditFileName, comparisonFileName, draftFileName, reportFileName, safeFileName, stamp } from '../src/report/fileNames';

const AT = new Date('2026-11-27T07:05:00Z'); // 14:05 in Hà Nội
const TITLE = 'Hội nghị trực tuyến góp ý dự thảo Quy chế làm việc mẫu của đảng đoàn, ban cán sự đảng cấp tỉnh';

describe('file names of downloads', () => {
  it('name the report in Vietnamese, with its diacritics in NFC, the conference, and Vietnam time', () => {
    const n = reportFileName({ title: TITLE, isFinal: true, at: AT }, 'docx');
    expect(n.startsWith('Báo cáo tổng hợp ý kiến góp ý - Hội nghị trực tuyến góp ý dự thảo Quy chế')).toBe(true);
    expect(n.endsWith(' - 27-11-2026 14h05.docx')).toBe(true);
    expect(n.normalize('NFC')).toBe(n);
    expect(n).not.toContain('tạm thời');
  });

  it('say when a report is provisional, limited to one endpoint or about an earlier version', () => {
    const n = reportFileName({ title: 'Hội nghị', endpointName: 'Tỉnh ủy Đồng Tháp', isFinal: false, olderVersion: 1, at: AT }, 'pdf');
    expect(n).toBe('Báo cáo tổng hợp ý kiến góp ý - Hội nghị - Tỉnh ủy Đồng Tháp - dự thảo lần 1 - tạm thời - 27-11-2026 14h05.pdf');
  });

  it('compose text typed with combining marks into NFC', () => {
    const decomposed = 'Ba\u0301o ca\u0301o'; // "Báo cáo" with combining acute accents
    expect(safeFileName(decomposed, 'md')).toBe('Báo cáo.md');
  });

  it('leave out characters a file system refuses, and trailing dots and spaces', () => {
    expect(safeFileName('Điều 8: "họp" <mỗi> quý/lần\\a*b?c|d\u0007 . ', 'csv')).toBe('Điều 8 họp mỗi quý lần a b c d.csv');
    expect(safeFileName(' ... ', 'csv')).toBe('tai-lieu.csv');
  });

  it('shorten a long name at a word boundary, never inside a surrogate pair', () => {
    const long = safeFileName('Báo cáo '.repeat(40), 'docx');
    expect(long.length).toBeLessThanOrEqual(140 + '.docx'.length);
    expect(long.endsWith('….docx')).toBe(true);
    expect(long).not.toMatch(/Bá…|B…/);
    const emoji = safeFileName('a'.repeat(138) + '😀😀', 'md', 140);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('name the audit log, a draft version and the comparison table', () => {
    expect(auditFileName('Hội nghị', AT, 'jsonl')).toBe('Nhật ký hội nghị - Hội nghị - 27-11-2026 14h05.jsonl');
    expect(draftFileName('Hội nghị', 2, 'docx')).toBe('Dự thảo lần 2 - Hội nghị.docx');
    expect(draftFileName('Hội nghị', 3, 'md', true)).toBe('Dự thảo lần 3 (xem trước) - Hội nghị.md');
    expect(comparisonFileName(TITLE, 1, 2, 'docx')).toMatch(/^Bảng so sánh dự thảo lần 1 và 2 - Hội nghị trực tuyến .*…\.docx$/);
  });

  it('write the time without a colon', () => {
    expect(stamp(new Date('2026-01-05T17:30:00Z'))).toBe('06-01-2026 00h30');
  });
});
