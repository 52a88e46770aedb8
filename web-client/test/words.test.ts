import { describe, expect, it } from 'vitest';
import { snapToWords } from '../src/ui/words';

const text = 'Cơ quan có thẩm quyền quyết định việc thành lập.';

describe('snapToWords', () => {
  it('widens a selection that starts and ends inside words to the whole words', () => {
    const s = text.indexOf('ẩm'); // inside "thẩm"
    const e = text.indexOf('quyết') + 2; // inside "quyết"
    const [a, b] = snapToWords(text, s, e)!;
    expect(text.slice(a, b)).toBe('thẩm quyền quyết');
  });

  it('keeps a selection that already covers whole words and drops spaces at its ends', () => {
    const s = text.indexOf(' có ');
    const [a, b] = snapToWords(text, s, s + 4)!;
    expect(text.slice(a, b)).toBe('có');
  });

  it('does not swallow punctuation after the last word', () => {
    const s = text.indexOf('lập');
    const [a, b] = snapToWords(text, s + 1, text.length)!;
    expect(text.slice(a, b)).toBe('lập.');
  });

  it('gives null for a selection of spaces only', () => {
    expect(snapToWords('a   b', 1, 4)).toBeNull();
  });
});
