// Derived reads of the conference state, shared by the views. Pure functions of the state.
import type { Annotation, DraftDocument, DraftNode, JoinRequest, OutlineNode, Participant, Vote } from '../protocol.gen';
import type { ConferenceState, SeenBallot } from './conference';

export type Role = 'CHAIR' | 'SECRETARY' | 'HOST' | 'DELEGATE' | 'OBSERVER';

export interface ArticleEntry {
  node: DraftNode;
  chapter: DraftNode | null;
  index: number;
}

export interface DocIndex {
  nodes: Record<string, DraftNode>;
  parent: Record<string, string | null>;
  articles: ArticleEntry[];
  articleIndex: Record<string, number>;
  chapters: DraftNode[];
}

const cache = new WeakMap<object, DocIndex>();

/**
 * Index of the current draft: every node by id, its parent, the articles in reading order with their chapter. Until
 * the version's text has arrived (state/draftText.ts) it is built from the outline the live feed carries: the same
 * ids, numbers and titles of parts, chapters, sections and articles, with no clause and no text, so a ballot or the
 * article picker can name "Điều 5" at once. `draftTextReady` says which one it is.
 */
export function docIndex(s: ConferenceState): DocIndex {
  const d = s.draft;
  if (d?.document || !d?.outline) return indexDocument(d?.document ?? null, s);
  const outline = d.outline;
  let doc = outlineDocs.get(outline);
  if (!doc) {
    const toNode = (o: OutlineNode): DraftNode => ({ id: o.id, kind: o.kind, number: o.number, title: o.title, text: '',
      children: (o.children ?? []).map(toNode) });
    doc = { title: '', preamble: '', nodes: outline.map(toNode), header: '', contents: '', closing: '' };
    outlineDocs.set(outline, doc);
  }
  return indexDocument(doc, s);
}

const outlineDocs = new WeakMap<object, DraftDocument>();

/** Whether the current version's text is here (not only its outline). */
export function draftTextReady(s: ConferenceState): boolean {
  return !s.draft || !!s.draft.document;
}

/** Index of any version's document (an earlier one read over REST); `key` caches a missing document's empty index. */
export function indexDocument(doc: DraftDocument | null, key: object = EMPTY): DocIndex {
  const k = doc ?? key;
  const hit = cache.get(k);
  if (hit) return hit;
  const out: DocIndex = { nodes: {}, parent: {}, articles: [], articleIndex: {}, chapters: [] };
  const walk = (list: readonly DraftNode[] | null | undefined, parent: DraftNode | null, chapter: DraftNode | null) => {
    for (const n of list ?? []) {
      if (!n.id) continue;
      out.nodes[n.id] = n;
      out.parent[n.id] = parent?.id ?? null;
      const ch = n.kind === 'CHAPTER' ? n : chapter;
      if (n.kind === 'CHAPTER') out.chapters.push(n);
      if (n.kind === 'ARTICLE') {
        out.articleIndex[n.id] = out.articles.length;
        out.articles.push({ node: n, chapter: ch, index: out.articles.length });
      }
      walk(n.children, n, ch);
    }
  };
  walk(doc?.nodes, null, null);
  cache.set(k, out);
  return out;
}

const EMPTY = {};

/** The article a node belongs to (itself when it is one). */
export function articleOf(idx: DocIndex, nodeId: string | null | undefined): string | null {
  let id = nodeId ?? null;
  while (id) {
    if (idx.nodes[id]?.kind === 'ARTICLE') return id;
    id = idx.parent[id] ?? null;
  }
  return null;
}

export function currentAgendaItem(s: ConferenceState) {
  return s.agenda.find((a) => a.status === 'CURRENT') ?? null;
}

export function votesInOrder(s: ConferenceState): Vote[] {
  return s.voteOrder.map((id) => s.votes[id]).filter(Boolean);
}

export function openVotes(s: ConferenceState): Vote[] {
  return votesInOrder(s).filter((v) => v.status === 'OPEN');
}

/** The vote a screen shows: the last opened vote that is open, else the last one. */
export function featuredVote(s: ConferenceState): Vote | null {
  const all = votesInOrder(s);
  const open = all.filter((v) => v.status === 'OPEN');
  return open[open.length - 1] ?? all[all.length - 1] ?? null;
}

/** This client's own ballot on an article: named ballots carry the voter's id, secret ones only reach their voter. */
export function myBallot(s: ConferenceState, voteId: string, articleId: string): SeenBallot | null {
  const me = s.me?.id;
  for (const b of Object.values(s.ballots)) {
    if (b.voteId !== voteId || b.articleId !== articleId) continue;
    if (b.secret || (me && b.voter === me)) return b;
  }
  return null;
}

export type BallotState = 'none' | 'voted' | 'changed' | 'closed';

export function ballotState(s: ConferenceState, vote: Vote, articleId: string): BallotState {
  if (vote.status !== 'OPEN') return 'closed';
  const b = myBallot(s, vote.id, articleId);
  if (!b) return 'none';
  return b.casts > 1 ? 'changed' : 'voted';
}

export function hasRole(s: ConferenceState | null, role: Role): boolean {
  return !!s?.me?.roles?.includes(role);
}

export function participantName(s: ConferenceState, id: string | null | undefined): string {
  if (!id) return '';
  return s.participants[id]?.displayName ?? id;
}

export function endpointName(s: ConferenceState, id: string | null | undefined): string {
  if (!id) return '';
  return s.endpoints[id]?.name ?? id;
}

/** First annotations of threads (not replies), in creation order. */
export function threads(s: ConferenceState): Annotation[] {
  return s.annotationOrder.map((id) => s.annotations[id]).filter((a) => a && !a.replyTo);
}

export function repliesTo(s: ConferenceState, id: string): Annotation[] {
  return s.annotationOrder.map((x) => s.annotations[x]).filter((a) => a && a.replyTo === id);
}

/** Threads anchored in an article or any of its clauses and points. */
export function threadsOfArticle(s: ConferenceState, articleId: string): Annotation[] {
  const idx = docIndex(s);
  return threads(s).filter((a) => articleOf(idx, a.anchor?.nodeId) === articleId);
}

/**
 * The article the hall is on: the open vote's first article, else the current speaker's article, else the current
 * agenda item's first article (or first article of its first chapter).
 */
export function focusArticle(s: ConferenceState): string | null {
  const idx = docIndex(s);
  const open = openVotes(s);
  const v = open[open.length - 1];
  if (v?.articleIds?.length) return v.articleIds[0];
  const cur = s.queue.current?.requestId ? s.queue.requests[s.queue.current.requestId] : null;
  if (cur?.articleId) return cur.articleId;
  const item = currentAgendaItem(s);
  for (const id of item?.nodeIds ?? []) {
    const n = idx.nodes[id];
    if (n?.kind === 'ARTICLE') return id;
    const first = findFirstArticle(n);
    if (first) return first;
  }
  return null;
}

function findFirstArticle(n: DraftNode | undefined): string | null {
  if (!n) return null;
  for (const c of n.children) {
    if (c.kind === 'ARTICLE') return c.id;
    const deeper = findFirstArticle(c);
    if (deeper) return deeper;
  }
  return null;
}

/** The queue's waiting requests in order. */
export function waitingRequests(s: ConferenceState) {
  return s.queue.waiting.map((id) => s.queue.requests[id]).filter(Boolean);
}

/** A waiting request of this participant (a delegate's own, or a host's for the hall). */
export function myWaitingRequest(s: ConferenceState) {
  const me = s.me?.id;
  return waitingRequests(s).find((r) => r.participantId === me) ?? null;
}

export function articleLabel(node: DraftNode | undefined, articleWord: string): string {
  if (!node) return '';
  return `${articleWord} ${node.number}${node.title ? '. ' + node.title : ''}`;
}

/** Join requests still waiting, oldest first; of one hall, or of every hall when `endpointId` is null. */
export function pendingJoinRequests(s: ConferenceState, endpointId: string | null): JoinRequest[] {
  return s.joinRequestOrder.map((id) => s.joinRequests[id])
    .filter((r): r is JoinRequest => !!r && r.status === 'PENDING' && (endpointId === null || r.endpointId === endpointId));
}

/** A hall's people on its delegate list or admitted to it: active participants with the DELEGATE role. */
export function hallDelegates(s: ConferenceState, endpointId: string | null): Participant[] {
  return Object.values(s.participants).filter((p) => p.active && p.roles?.includes('DELEGATE')
    && (endpointId === null || p.endpointId === endpointId));
}

/**
 * Whether a person counts as present (docs/domain.md, attendance): connected now, or marked present by the host.
 * `online` is unknown (null) where presence frames do not name people (other halls).
 */
export function attendanceOf(s: ConferenceState, participantId: string): { online: boolean | null; marked: boolean | null; present: boolean } {
  const list = s.presence?.participantsOnline;
  const online = list ? list.includes(participantId) : null;
  const marked = participantId in s.markedPresent ? s.markedPresent[participantId] : null;
  return { online, marked, present: online === true || marked === true };
}
