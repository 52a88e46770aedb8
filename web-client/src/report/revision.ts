// Composing version N+1 on the client side of POST …/drafts/revise: which proposed wordings can be accepted into the
// current text, what a node reads once the chosen ones are in (the text a free edit starts from), and the request.
// The server composes again and is the authority; this is what lets the team see and edit the result before asking.
import type { Annotation, DraftNode } from '../protocol.gen';
import type { NodeEdit, ReviseRequest } from '../api/report';
import { rangeOf } from '../state/anchoring';
import type { ConferenceState } from '../state/conference';
import { articleOf, docIndex, threads, type DocIndex } from '../state/selectors';

/**
 * `ready`: its passage is in the current text and it can be accepted; `inText`: the current text already says
 * what it proposes (an earlier revision took it in); `orphaned`: its passage is no longer in the text; `missing`:
 * its node is not in the current version.
 */
export type CandidateStatus = 'ready' | 'inText' | 'orphaned' | 'missing';

export interface Candidate {
  annotation: Annotation;
  id: string;
  nodeId: string;
  articleId: string | null;
  /** Where the wording goes in the node's current text; [0, length] when it proposes the whole node. */
  range: [number, number] | null;
  replacement: string;
  status: CandidateStatus;
  /**
   * Made before the current version was imported: an earlier revision may already have taken it in (a whole-clause
   * wording then edited by hand still finds its clause), so it is never chosen by default.
   */
  earlier: boolean;
}

const wholeNode = (a: Annotation) => !a.anchor?.quote && !a.anchor?.position;

/** Every visible proposed wording (first of its thread) on the current version, in reading order of the draft. */
export function candidates(s: ConferenceState): Candidate[] {
  const idx = docIndex(s);
  const out: Candidate[] = [];
  const imported = (s.draft?.version ?? 1) > 1 && s.draft?.importedAt ? Date.parse(s.draft.importedAt) : null;
  for (const a of threads(s)) {
    if (a.kind !== 'PROPOSED_WORDING' || a.status !== 'VISIBLE' || !a.id || a.replacement == null) continue;
    const nodeId = a.anchor?.nodeId ?? '';
    const node = idx.nodes[nodeId];
    const replacement = a.replacement;
    let status: CandidateStatus;
    let range: [number, number] | null = null;
    if (!node) {
      status = 'missing';
    } else {
      const text = node.text ?? '';
      range = wholeNode(a) ? [0, text.length] : rangeOf(text, a);
      if (range && wholeNode(a) && text === replacement) status = 'inText';
      else if (range) status = 'ready';
      else status = replacement && text.includes(replacement) ? 'inText' : 'orphaned';
    }
    const earlier = imported !== null && !!a.createdAt && Date.parse(a.createdAt) < imported;
    out.push({ annotation: a, id: a.id, nodeId, articleId: articleOf(idx, nodeId), range, replacement, status, earlier });
  }
  const order = (c: Candidate) => (c.articleId ? idx.articleIndex[c.articleId] ?? 1e6 : 1e6);
  return out.map((c, i) => [c, i] as const).sort((x, y) => order(x[0]) - order(y[0]) || x[1] - y[1]).map(([c]) => c);
}

/**
 * The candidates a team would take in by default: those it already answered "tiếp thu", made on the current version,
 * and not in the text yet.
 */
export function preselected(cs: readonly Candidate[]): string[] {
  return cs.filter((c) => c.status === 'ready' && !c.earlier && c.annotation.response?.kind === 'ACCEPTED').map((c) => c.id);
}

export interface Change {
  id: string;
  start: number;
  end: number;
  replacement: string;
}

/** A node's text with the changes put in place; overlapping changes are reported (the server refuses them too). */
export function composeNodeText(text: string, changes: readonly Change[]): { text: string; overlaps: string[] } {
  const sorted = [...changes].sort((a, b) => a.start - b.start || a.end - b.end);
  const overlaps: string[] = [];
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].end) overlaps.push(sorted[i - 1].id, sorted[i].id);
  }
  let out = text;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const c = sorted[i];
    out = out.slice(0, c.start) + c.replacement + out.slice(c.end);
  }
  return { text: out, overlaps: [...new Set(overlaps)] };
}

/** The chosen changes that fall in one node. */
export function changesOn(nodeId: string, cs: readonly Candidate[], selected: ReadonlySet<string>): Change[] {
  return cs.filter((c) => c.nodeId === nodeId && selected.has(c.id) && c.status === 'ready' && c.range)
    .map((c) => ({ id: c.id, start: c.range![0], end: c.range![1], replacement: c.replacement }));
}

/** What the node reads with the chosen wordings in: where a free edit of it starts. */
export function seedText(node: DraftNode, cs: readonly Candidate[], selected: ReadonlySet<string>): string {
  return composeNodeText(node.text ?? '', changesOn(node.id ?? '', cs, selected)).text;
}

/** A free edit as the team typed it: a node's new title and/or text; undefined leaves that part alone. */
export type EditDraft = Record<string, { title?: string; text?: string }>;

export interface Revision {
  request: ReviseRequest;
  /**
   * Chosen wordings on a node the team also edited by hand. The server refuses a node both edited and changed by a
   * wording, so these go in through the edit (which started from the text with them in) and are answered "tiếp thu"
   * by the client after the import.
   */
  folded: string[];
}

/**
 * The revise request for the choices: accepted wordings, then the free edits that differ from what the node would
 * read anyway. A text edit of a node with chosen wordings folds them into the edit.
 */
export function buildRevision(baseVersion: number, nodes: Record<string, DraftNode>, cs: readonly Candidate[],
  selectedIds: readonly string[], edits: EditDraft, note: string): Revision {
  const selected = new Set(selectedIds.filter((id) => cs.some((c) => c.id === id && c.status === 'ready')));
  const out: NodeEdit[] = [];
  const folded = new Set<string>();
  for (const [nodeId, e] of Object.entries(edits)) {
    const node = nodes[nodeId];
    if (!node) continue;
    const edit: NodeEdit = { nodeId };
    if (e.title !== undefined && e.title.trim() !== (node.title ?? '').trim()) edit.title = e.title.trim();
    if (e.text !== undefined && e.text !== seedText(node, cs, selected)) {
      edit.text = e.text;
      for (const c of changesOn(nodeId, cs, selected)) folded.add(c.id);
    }
    if (edit.title !== undefined || edit.text !== undefined) out.push(edit);
  }
  const accept = cs.filter((c) => selected.has(c.id) && !folded.has(c.id)).map((c) => c.id);
  const request: ReviseRequest = { baseVersion, accept, edits: out, markAccepted: true };
  if (note.trim()) request.note = note.trim();
  return { request, folded: [...folded] };
}

/** Whether a request changes anything at all (the server refuses an empty one). */
export function isEmpty(r: ReviseRequest): boolean {
  return r.accept.length === 0 && r.edits.length === 0 && Object.keys(r.alternatives ?? {}).length === 0;
}

/** The article, clause and point a node is, outermost first (chapters left out): what "Điều 8, khoản 1, điểm a" names. */
export function nodePath(idx: DocIndex, nodeId: string): DraftNode[] {
  const out: DraftNode[] = [];
  let id: string | null = nodeId;
  while (id) {
    const n: DraftNode | undefined = idx.nodes[id];
    if (!n) break;
    if (n.kind === 'ARTICLE' || n.kind === 'CLAUSE' || n.kind === 'POINT') out.unshift(n);
    if (n.kind === 'ARTICLE') break;
    id = idx.parent[id] ?? null;
  }
  return out;
}

/** Where line `line` (1-based) of a text starts and ends, to select it in a text area; null past the end. */
export function lineRange(text: string, line: number): [number, number] | null {
  if (line < 1) return null;
  let start = 0;
  for (let i = 1; i < line; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return null;
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return [start, end < 0 ? text.length : end];
}

/**
 * Lines of a free edit the importer would read as structure rather than text: a new clause ("2. …"), a point
 * ("b) …"), an article or chapter heading. Said while the team types, before the server refuses the result. A
 * clause's first line follows its number and is safe; an article's intro starts a line of its own (`ownFirstLine`).
 */
export function structureLines(text: string, ownFirstLine = false): number[] {
  const out: number[] = [];
  text.split('\n').forEach((l, i) => {
    if ((i > 0 || ownFirstLine) && /^\s*(#|\d+\.\s|[a-zđ]\)\s|Điều\s+\d|Chương\s+[IVXLC\d])/u.test(l)) out.push(i + 1);
  });
  return out;
}

/**
 * Whether an orphaned annotation is an accepted proposed wording the current text has taken in: its old passage is
 * gone because it was replaced by the wording. The server lists it among the orphans all the same (its quote is no
 * longer found); the views show it apart from the feedback that really lost its place.
 */
export function takenIn(o: { kind?: string | null; response?: string | null; replacement?: string | null; nodeId?: string | null },
  idx: DocIndex): boolean {
  if (o.kind !== 'PROPOSED_WORDING' || o.response !== 'ACCEPTED' || !o.replacement || !o.nodeId) return false;
  const text = idx.nodes[o.nodeId]?.text ?? '';
  return text.normalize('NFC').includes(o.replacement.normalize('NFC'));
}
