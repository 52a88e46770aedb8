import { describe, expect, it } from 'vitest';
import { idsOf, lineOf, localized } from '../src/report/serverText';

describe('details of a refusal, in the reader\'s language', () => {
  it('picks the Vietnamese or the English half of an importer problem, and its line', () => {
    const d = 'dòng 14: Điều 99 không có tên điều / line 14: Article 99 has no title';
    expect(localized(d, 'vi')).toBe('dòng 14: Điều 99 không có tên điều');
    expect(localized(d, 'en')).toBe('line 14: Article 99 has no title');
    expect(lineOf(d)).toBe(14);
    expect(lineOf(localized(d, 'en'))).toBe(14);
  });

  it('keeps the object a detail is about in both languages', () => {
    const d = 'ann-57, ann-60: hai đề xuất sửa cùng một đoạn / two wordings change overlapping passages';
    expect(localized(d, 'en')).toBe('ann-57, ann-60: two wordings change overlapping passages');
    expect(idsOf(d)).toEqual(['ann-57', 'ann-60']);
    expect(idsOf('dòng 3: thiếu tên')).toEqual([]);
    expect(lineOf(d)).toBeNull();
  });

  it('leaves a detail in one language as it is', () => {
    expect(localized('the draft is at version 2; compose against it (baseVersion 2)', 'vi'))
      .toBe('the draft is at version 2; compose against it (baseVersion 2)');
  });
});
