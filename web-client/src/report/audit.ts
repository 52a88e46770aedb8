// Reading the audit log a page at a time. The log's sequence numbers are 1, 2, 3… per conference, so a page is the
// range after `after`; the newest page ends at the sequence the live feed has reached.

export type PageMove = 'first' | 'prev' | 'next' | 'newest';

/** The `after` cursor of the page a move leads to, from the page shown (`after`) and the end of the log (`upTo`). */
export function pageAfter(move: PageMove, after: number, limit: number, upTo: number): number {
  switch (move) {
    case 'first':
      return 0;
    case 'prev':
      return Math.max(0, after - limit);
    case 'next':
      return Math.min(after + limit, newestAfter(limit, upTo));
    case 'newest':
      return newestAfter(limit, upTo);
  }
}

export function newestAfter(limit: number, upTo: number): number {
  return Math.max(0, upTo - limit);
}

/** Rows whose time the server gives to the minute only (a secret ballot, docs/security.md): shown without seconds. */
export function timeToTheMinute(type: string): boolean {
  return type === 'SecretBallotCast';
}

const SKIP = new Set(['at']);

function scalar(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join(', ');
  return null;
}

/**
 * A one-line summary of an event's data for the table: its simple fields as "name: value", long values shortened.
 * Nested objects (a whole draft document, a tally) are left to the expandable full view.
 */
export function dataSummary(data: unknown, maxFields = 4, maxValue = 80): string {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return scalar(data) ?? '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    if (SKIP.has(k)) continue;
    const s = scalar(v);
    if (s === null || s === '') continue;
    const one = s.replace(/\s+/g, ' ');
    parts.push(`${k}: ${one.length > maxValue ? one.slice(0, maxValue - 1) + '…' : one}`);
    if (parts.length === maxFields) break;
  }
  return parts.join(' · ');
}
