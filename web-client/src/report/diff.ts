// The server's word diff (GET …/drafts/diff) turned into what the differences view shows: the older and the newer
// text of an article side by side, each as lines of marked segments. Reading EQUAL+DELETE gives the older text and
// EQUAL+INSERT the newer one (docs/report.md), so each side keeps its own line breaks — a clause removed or added
// stays a line of its own instead of running into its neighbour.
import type { ArticleChange, ArticleStatus, Segment } from '../api/report';

export type Side = 'old' | 'new';
export type Line = Segment[];

const KEEP: Record<Side, Segment['op']> = { old: 'DELETE', new: 'INSERT' };

/** One side of a diff as lines; a segment that spans a line break is split, empty pieces are dropped. */
export function sideLines(segments: readonly Segment[], side: Side): Line[] {
  const lines: Line[] = [[]];
  for (const s of segments) {
    if (s.op !== 'EQUAL' && s.op !== KEEP[side]) continue;
    const parts = s.text.split('\n');
    parts.forEach((p, i) => {
      if (i > 0) lines.push([]);
      if (p) lines[lines.length - 1].push({ op: s.op, text: p });
    });
  }
  while (lines.length > 1 && lines[lines.length - 1].length === 0) lines.pop();
  return lines.length === 1 && lines[0].length === 0 ? [] : lines;
}

/** The plain text of one side. */
export function sideText(segments: readonly Segment[], side: Side): string {
  return segments.filter((s) => s.op === 'EQUAL' || s.op === KEEP[side]).map((s) => s.text).join('');
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Words inserted and deleted, counted as the server tokenizes them (letters, combining marks and digits). */
export function wordCounts(segments: readonly Segment[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const s of segments) {
    const n = s.text.normalize('NFC').match(WORD)?.length ?? 0;
    if (s.op === 'INSERT') inserted += n;
    else if (s.op === 'DELETE') deleted += n;
  }
  return { inserted, deleted };
}

export const STATUSES: readonly ArticleStatus[] = ['CHANGED', 'ADDED', 'REMOVED', 'RENUMBERED', 'UNCHANGED'];

export function statusCounts(articles: readonly ArticleChange[]): Record<ArticleStatus, number> {
  const out = { UNCHANGED: 0, RENUMBERED: 0, CHANGED: 0, ADDED: 0, REMOVED: 0 } as Record<ArticleStatus, number>;
  for (const a of articles) out[a.status] += 1;
  return out;
}

/** Whether the title itself changed (not only the article's number). */
export function titleChanged(a: ArticleChange): boolean {
  return a.title.some((s) => s.op !== 'EQUAL');
}
