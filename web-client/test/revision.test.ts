import { describe, expect, it } from 'vitest';
import type { Annotation } from '../src/protocol.gen';
import { buildRevision, candidates, composeNodeText, isEmpty, lineRange, nodePath, preselected, seedText, structureLines, takenIn } from '../src/report/revision';
import { fromSnapshot } from '../src/state/conference';
import { docIndex } from '../src/state/selectors';
import { snapshotView } from './fixtures';

// d1.k1: "Quy chế này quy định về nguyên tắc, chế độ làm việc."
const K1 = 'Quy chế này quy định về nguyên tắc, chế độ làm việc.';
const at = (s: string) => K1.indexOf(s);

function wording(id: string, nodeId: string, exact: string | null, replacement: string, more: Partial<Annotation> = {}): Annotation {
  const start = exact ? at(exact) : 0;
  return {
    id, kind: 'PROPOSED_WORDING', authorId: 'p-5', endpointId: 'ep-3', body: 'Đề nghị sửa', replacement, orphaned: false,
    draftVersion: 1, status: 'VISIBLE', createdAt: '2026-11-27T08:00:00Z',
    anchor: exact ? { nodeId, quote: { exact, prefix: '', suffix: '' }, position: { start, end: start + exact.length } } : { nodeId },
    ...more,
  } as Annotation;
}

function state(annotations: Annotation[]) {
  return fromSnapshot(snapshotView({ annotations }), 20);
}

describe('composing the revised draft', () => {
  it('offers visible proposed wordings in the draft\'s order, and only those', () => {
    const s = state([
      wording('ann-3', 'd2', null, 'Đảng đoàn là tổ chức của Đảng ở cấp tỉnh.'),
      wording('ann-1', 'd1.k1', 'nguyên tắc', 'các nguyên tắc'),
      { ...wording('ann-2', 'd1.k1', 'chế độ', 'chế độ'), kind: 'COMMENT' },
      wording('ann-4', 'd1.k1', 'làm việc', 'công tác', { status: 'HIDDEN' }),
    ]);
    const cs = candidates(s);
    expect(cs.map((c) => c.id)).toEqual(['ann-1', 'ann-3']);
    expect(cs.map((c) => c.articleId)).toEqual(['d1', 'd2']);
    expect(cs.every((c) => c.status === 'ready')).toBe(true);
  });

  it('tells a wording already in the text from one whose passage is gone', () => {
    const s = state([
      wording('ann-1', 'd2', null, 'Đảng đoàn là tổ chức của Đảng.'),            // the whole node already reads so
      wording('ann-2', 'd1.k1', 'nguyên tắc', 'chế độ làm việc', { orphaned: true }),  // the text already has it
      wording('ann-3', 'd1.k1', 'nguyên tắc', 'điều gì khác', { orphaned: true }),
      wording('ann-4', 'd9', null, 'Không còn điều này'),
    ]);
    // Reading order: Điều 1's wordings, then Điều 2's, then those on no node of the current version.
    expect(candidates(s).map((c) => [c.id, c.status])).toEqual([
      ['ann-2', 'inText'], ['ann-3', 'orphaned'], ['ann-1', 'inText'], ['ann-4', 'missing'],
    ]);
  });

  it('puts several wordings into one node from the end, and reports overlaps', () => {
    const r = composeNodeText(K1, [
      { id: 'a', start: at('nguyên tắc'), end: at('nguyên tắc') + 10, replacement: 'các nguyên tắc' },
      { id: 'b', start: at('làm việc'), end: at('làm việc') + 8, replacement: 'công tác' },
    ]);
    expect(r.text).toBe('Quy chế này quy định về các nguyên tắc, chế độ công tác.');
    expect(r.overlaps).toEqual([]);
    const o = composeNodeText(K1, [
      { id: 'a', start: 10, end: 20, replacement: 'x' },
      { id: 'b', start: 15, end: 25, replacement: 'y' },
    ]);
    expect(o.overlaps).toEqual(['a', 'b']);
  });

  it('pre-selects the wordings the team already answered "tiếp thu"', () => {
    const s = state([
      wording('ann-1', 'd1.k1', 'nguyên tắc', 'các nguyên tắc', { response: { kind: 'ACCEPTED', by: 'p-9', at: '2026-11-27T09:30:00Z' } }),
      wording('ann-2', 'd2', null, 'Khác', { response: { kind: 'EXPLAINED', text: 'Giữ nguyên', by: 'p-9', at: '2026-11-27T09:30:00Z' } }),
    ]);
    expect(preselected(candidates(s))).toEqual(['ann-1']);
  });

  it('never pre-selects a wording made on an earlier version, which a revision may already have taken in', () => {
    const made = { response: { kind: 'ACCEPTED' as const, by: 'p-9', at: '2026-11-27T09:30:00Z' }, createdAt: '2026-11-27T08:00:00Z' };
    const s = fromSnapshot(snapshotView({
      annotations: [wording('ann-1', 'd1.k1', 'nguyên tắc', 'các nguyên tắc', made), wording('ann-2', 'd2', null, 'Khác', { ...made, createdAt: '2026-11-27T10:00:00Z' })],
      draft: { ...snapshotView().draft!, version: 2, versions: 2, importedAt: '2026-11-27T09:00:00Z' },
    }), 20);
    const cs = candidates(s);
    expect(cs.map((c) => [c.id, c.earlier])).toEqual([['ann-1', true], ['ann-2', false]]);
    expect(preselected(cs)).toEqual(['ann-2']);
  });

  it('asks to accept the chosen wordings, and leaves out edits that change nothing', () => {
    const s = state([wording('ann-1', 'd1.k1', 'nguyên tắc', 'các nguyên tắc')]);
    const cs = candidates(s);
    const nodes = docIndex(s).nodes;
    const seed = seedText(nodes['d1.k1'], cs, new Set(['ann-1']));
    expect(seed).toBe('Quy chế này quy định về các nguyên tắc, chế độ làm việc.');
    const r = buildRevision(1, nodes, cs, ['ann-1'], { 'd1.k1': { text: seed }, d1: { title: ' Phạm vi điều chỉnh ' } }, '  ');
    expect(r.request).toEqual({ baseVersion: 1, accept: ['ann-1'], edits: [], markAccepted: true });
    expect(r.folded).toEqual([]);
    expect(isEmpty(r.request)).toBe(false);
  });

  it('folds a chosen wording into a hand edit of the same node, which the server would refuse as both', () => {
    const s = state([wording('ann-1', 'd1.k1', 'nguyên tắc', 'các nguyên tắc')]);
    const cs = candidates(s);
    const nodes = docIndex(s).nodes;
    const text = 'Quy chế này quy định về các nguyên tắc, chế độ và lề lối làm việc.';
    const r = buildRevision(1, nodes, cs, ['ann-1'], { 'd1.k1': { text }, d1: { title: 'Phạm vi áp dụng' } }, 'Tiếp thu góp ý');
    expect(r.request.accept).toEqual([]);
    expect(r.request.edits).toEqual([{ nodeId: 'd1.k1', text }, { nodeId: 'd1', title: 'Phạm vi áp dụng' }]);
    expect(r.request.note).toBe('Tiếp thu góp ý');
    expect(r.folded).toEqual(['ann-1']);
  });

  it('never asks to accept a wording that cannot be applied, or an unknown id', () => {
    const s = state([wording('ann-1', 'd1.k1', 'nguyên tắc', 'x', { orphaned: true })]);
    const r = buildRevision(1, docIndex(s).nodes, candidates(s), ['ann-1', 'ann-99'], {}, '');
    expect(r.request.accept).toEqual([]);
    expect(isEmpty(r.request)).toBe(true);
  });
});

describe('around the revised draft', () => {
  const idx = docIndex(state([]));

  it('tells an accepted wording the text has taken in from feedback that lost its place', () => {
    const o = { kind: 'PROPOSED_WORDING', response: 'ACCEPTED', nodeId: 'd1.k1', replacement: 'chế độ làm việc' };
    expect(takenIn(o, idx)).toBe(true);
    expect(takenIn({ ...o, response: 'EXPLAINED' }, idx)).toBe(false);
    expect(takenIn({ ...o, replacement: 'điều khác' }, idx)).toBe(false);
    expect(takenIn({ ...o, kind: 'COMMENT' }, idx)).toBe(false);
  });

  it('names the article, clause and point of a node', () => {
    expect(nodePath(idx, 'd1.k2.a').map((n) => n.id)).toEqual(['d1', 'd1.k2', 'd1.k2.a']);
    expect(nodePath(idx, 'c1')).toEqual([]);
  });

  it('finds a line of the text to select it', () => {
    const text = '# DỰ THẢO\n## Chương I\n### Điều 1. Tên';
    expect(lineRange(text, 2)).toEqual([10, 21]);
    expect(text.slice(...lineRange(text, 3)!)).toBe('### Điều 1. Tên');
    expect(lineRange(text, 4)).toBeNull();
  });

  it('warns of edited lines the importer would read as a clause, a point or a heading', () => {
    expect(structureLines('Khoản mới.\n2. Thêm khoản\nb) điểm\nvăn bản thường\n### Điều 9')).toEqual([2, 3, 5]);
    expect(structureLines('1. Mở đầu')).toEqual([]);
    expect(structureLines('1. Mở đầu', true)).toEqual([1]);
  });
});
