import { describe, expect, it } from 'vitest';
import { translate } from '../src/i18n';

describe('English singulars', () => {
  it('says "1 speech" and "2 speeches"', () => {
    expect(translate('en', 'report.sum.speeches', { n: 1 })).toBe('1 speech');
    expect(translate('en', 'report.sum.speeches', { n: 2 })).toBe('2 speeches');
  });

  it('leaves Vietnamese alone: its nouns do not inflect', () => {
    expect(translate('vi', 'report.sum.speeches', { n: 1 })).toBe('1 lượt phát biểu');
  });
});
