import { describe, expect, it } from 'vitest';
import type { Annotation } from '../src/protocol.gen';
import { rangeOf, segments, selectorsFor } from '../src/state/anchoring';

const TEXT = 'Quy chế này quy định về nguyên tắc, chế độ làm việc; nhiệm vụ, quyền hạn của đảng đoàn, ban cán sự đảng cấp tỉnh.';

function ann(id: string, start: number, end: number, exact = TEXT.slice(start, end)): Annotation {
  return { id, authorId: 'p-5', kind: 'COMMENT', createdAt: '2026-11-27T08:00:00Z', anchor: { nodeId: 'd1.k1', quote: { exact }, position: { start, end } }, orphaned: false, draftVersion: 1, status: 'VISIBLE' };
}

describe('selectors from a selection', () => {
  it('take the exact text with 32 characters of context either side, offsets in UTF-16 units', () => {
    const start = TEXT.indexOf('nguyên tắc');
    const s = selectorsFor(TEXT, start, start + 'nguyên tắc'.length)!;
    expect(s.quote.exact).toBe('nguyên tắc');
    expect(s.quote.prefix).toBe(TEXT.slice(Math.max(0, start - 32), start));
    expect(s.quote.suffix).toBe(TEXT.slice(start + 10, start + 42));
    expect(s.position).toEqual({ start, end: start + 10 });
    expect(TEXT.slice(s.position.start, s.position.end)).toBe(s.quote.exact);
  });

  it('clip the context at the text ends, accept a backwards selection, refuse an empty one', () => {
    expect(selectorsFor(TEXT, 3, 0)!.quote).toEqual({ exact: 'Quy', prefix: '', suffix: TEXT.slice(3, 35) });
    expect(selectorsFor(TEXT, 5, 5)).toBeNull();
  });
});

describe('highlight segments', () => {
  it('cut the text at every boundary and list the annotations covering each piece, overlaps included', () => {
    const segs = segments(TEXT, [ann('a', 4, 20), ann('b', 10, 30)]);
    expect(segs.map((s) => s.text).join('')).toBe(TEXT);
    expect(segs.map((s) => [s.start, s.end, s.ids])).toEqual([
      [0, 4, []], [4, 10, ['a']], [10, 20, ['a', 'b']], [20, 30, ['b']], [30, TEXT.length, []],
    ]);
  });

  it('skip orphaned annotations and fall back to the quote when the offsets no longer match', () => {
    expect(rangeOf(TEXT, { ...ann('o', 0, 3), orphaned: true })).toBeNull();
    const moved = ann('m', 0, 10, 'nguyên tắc');
    const i = TEXT.indexOf('nguyên tắc');
    expect(rangeOf(TEXT, moved)).toEqual([i, i + 10]);
    expect(segments(TEXT, [])).toEqual([{ text: TEXT, start: 0, end: TEXT.length, ids: [] }]);
  });
});
