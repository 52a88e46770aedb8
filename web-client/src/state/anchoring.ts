// Annotation anchors in a node's text: from a selection to W3C-style selectors, and from annotations to highlight
// segments. Offsets are UTF-16 code units of the node's `text`, as the server counts them (docs/domain.md).
import type { Annotation, TextPositionSelector, TextQuoteSelector } from '../protocol.gen';

export const CONTEXT = 32;

export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** Selectors for text[start, end): the exact text with up to 32 characters of context either side. */
export function selectorsFor(text: string, start: number, end: number): Selectors | null {
  const a = Math.max(0, Math.min(start, end));
  const b = Math.min(text.length, Math.max(start, end));
  if (b <= a) return null;
  return {
    quote: { exact: text.slice(a, b), prefix: text.slice(Math.max(0, a - CONTEXT), a), suffix: text.slice(b, b + CONTEXT) },
    position: { start: a, end: b },
  };
}

/** Where an annotation sits in the text it is anchored to, or null if its offsets no longer fit. */
export function rangeOf(text: string, a: Annotation): [number, number] | null {
  const p = a.anchor?.position;
  const exact = a.anchor?.quote?.exact;
  if (!p || a.orphaned) return null;
  if (p.start < 0 || p.end > text.length || p.end <= p.start) return null;
  if (exact != null && text.slice(p.start, p.end) !== exact) {
    // The text changed under the anchor without a re-anchoring event: fall back to the quote, if unique enough.
    const i = text.indexOf(exact);
    return i >= 0 ? [i, i + exact.length] : null;
  }
  return [p.start, p.end];
}

export interface Segment {
  text: string;
  start: number;
  end: number;
  /** Ids of the annotations covering this segment, in the order given. */
  ids: string[];
}

/** Splits a text at every annotation boundary; each piece knows which annotations cover it (overlaps allowed). */
export function segments(text: string, annotations: readonly Annotation[]): Segment[] {
  const ranges: { id: string; r: [number, number] }[] = [];
  for (const a of annotations) {
    const r = rangeOf(text, a);
    if (r && a.id) ranges.push({ id: a.id, r });
  }
  const cuts = new Set<number>([0, text.length]);
  for (const { r } of ranges) {
    cuts.add(r[0]);
    cuts.add(r[1]);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    out.push({ text: text.slice(start, end), start, end, ids: ranges.filter(({ r }) => r[0] <= start && r[1] >= end).map((x) => x.id) });
  }
  if (out.length === 0) out.push({ text, start: 0, end: text.length, ids: [] });
  return out;
}
