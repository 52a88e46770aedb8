// The client's picture of one conference: a pure fold of the server's snapshot and events (plus the tally and
// presence projections). Every function here returns a new state and never mutates its input, so the views can
// compare by reference and the tests can replay frames. The rules mirror the domain core's `apply` (docs/domain.md);
// events name objects the client may not have (a resume can skip events it may not see), so unknown ids are ignored.
import type {
  AgendaItem,
  Annotation,
  Ballot,
  ConferenceInfo,
  ConferenceView,
  DelegateDetails,
  DraftDocument,
  DraftView,
  Endpoint,
  EventFrame,
  FloorRequest,
  HallResult,
  Invite,
  JoinRequest,
  Participant,
  PresenceMessage,
  ReportHeading,
  Speech,
  SpeechRecord,
  TallyMessage,
  Vote,
} from '../protocol.gen';

export type Counts = { agree: number; disagree: number; other: number; total: number };
/** Counts per alternative id when the target has alternative wordings (phương án); their sum is `agree`. */
export type AlternativeCounts = Record<string, number>;
export type ArticleTally = Counts & { alternatives?: AlternativeCounts;
  byEndpoint?: Record<string, Counts & { collective?: boolean; alternatives?: AlternativeCounts | null }> };
export type VoteTally = { asOf: number; status: 'OPEN' | 'CLOSED'; articles: Record<string, ArticleTally> };

/** A ballot this client has seen, with how many times it was cast (more than once = changed). */
export type SeenBallot = Ballot & { casts: number };

export interface QueueState {
  open: boolean;
  /** Ids of WAITING or APPROVED requests, in speaking order. */
  waiting: string[];
  requests: Record<string, FloorRequest>;
  current: Speech | null;
  history: SpeechRecord[];
}

export interface PresenceState {
  at: string;
  endpointsOnline: number;
  endpointsTotal: number;
  connections: number;
  /** Moderators only: per endpoint. */
  endpoints: Record<string, { online: boolean; connections: number; participants: number }> | null;
  participantsOnline: string[] | null;
  /** Endpoints seen online that went offline, with the presence time they were first seen offline. */
  lost: Record<string, string>;
}

export interface ConferenceState {
  conferenceId: string;
  /** The log sequence this state is caught up to: the `upTo` of the last snapshot or events frame. */
  upTo: number;
  info: ConferenceInfo | null;
  me: Participant | null;
  moderator: boolean;
  endpoints: Record<string, Endpoint>;
  endpointOrder: string[];
  participants: Record<string, Participant>;
  invites: Record<string, Invite>;
  agenda: AgendaItem[];
  draft: DraftView | null;
  votes: Record<string, Vote>;
  voteOrder: string[];
  tallies: Record<string, VoteTally>;
  hallResults: Record<string, HallResult>;
  ballots: Record<string, SeenBallot>;
  queue: QueueState;
  annotations: Record<string, Annotation>;
  annotationOrder: string[];
  presence: PresenceState | null;
  /** Hall-link join requests (moderators, and a host for their hall), by id, in arrival order. */
  joinRequests: Record<string, JoinRequest>;
  joinRequestOrder: string[];
  /** Listed delegates' details (position, unit, phone, e-mail), by participant id. */
  delegates: Record<string, DelegateDetails>;
  /** Participants a host or moderator marked present (true) or absent (false). */
  markedPresent: Record<string, boolean>;
  /** The report's heading block and signature as the drafting team set it (moderators only; null: not set). */
  reportHeading: ReportHeading | null;
  /** Sessions seen live: the last one started or ended per participant (not in a snapshot). */
  sessions: Record<string, { session: number; startedAt?: string | null; endedAt?: string | null }>;
}

export const hallKey = (voteId: string, articleId: string, endpointId: string) => `${voteId}|${articleId}|${endpointId}`;
export const ballotKey = (b: { voteId?: string | null; articleId?: string | null; voter?: string | null }) =>
  `${b.voteId}|${b.articleId}|${b.voter}`;

function byId<T extends { id: string }>(list: readonly T[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const x of list) out[x.id] = x;
  return out;
}

/**
 * The current version with its text, when the text (fetched separately, state/draftText.ts) is the one the state
 * names; otherwise the state unchanged.
 */
export function withDraftDocument(s: ConferenceState, version: number, etag: string | null | undefined,
  document: DraftDocument): ConferenceState {
  const d = s.draft;
  if (!d || d.version !== version || d.documentEtag !== etag || d.document === document) return s;
  return { ...s, draft: { ...d, document } };
}

/** The state described by a snapshot frame (or a REST state read). */
export function fromSnapshot(view: ConferenceView, upTo: number): ConferenceState {
  const votes: Record<string, Vote> = {};
  const voteOrder: string[] = [];
  const tallies: Record<string, VoteTally> = {};
  const hallResults: Record<string, HallResult> = {};
  const ballots: Record<string, SeenBallot> = {};
  for (const vv of view.votes) {
    const v = vv.vote;
    votes[v.id] = v;
    voteOrder.push(v.id);
    const articles: Record<string, ArticleTally> = {};
    for (const [articleId, t] of Object.entries(vv.tallies)) {
      articles[articleId] = {
        agree: t.agree, disagree: t.disagree, other: t.other, total: t.total,
        ...(t.alternatives ? { alternatives: t.alternatives } : {}),
        byEndpoint: Object.fromEntries(Object.entries(t.byEndpoint).map(([e, c]) =>
          [e, { agree: c.agree, disagree: c.disagree, other: c.other, total: c.total, collective: c.collective,
            ...(c.alternatives ? { alternatives: c.alternatives } : {}) }])),
      };
    }
    tallies[v.id] = { asOf: upTo, status: v.status, articles };
    for (const h of vv.hallResults) hallResults[hallKey(h.voteId, h.articleId, h.endpointId)] = h;
    for (const b of vv.ballots) ballots[ballotKey(b)] = { ...b, casts: 1 };
  }
  const q = view.speakerQueue;
  const waitingList = q.waiting;
  const requests: Record<string, FloorRequest> = byId(waitingList);
  return {
    conferenceId: view.conferenceId,
    upTo,
    info: view.info ?? null,
    me: view.me ?? null,
    moderator: view.moderator,
    endpoints: byId(view.endpoints),
    endpointOrder: view.endpoints.map((e) => e.id),
    participants: byId(view.participants),
    invites: Object.fromEntries(view.invites.map((i) => [i.code, i])),
    agenda: view.agenda.map((a) => a.item),
    draft: view.draft ?? null,
    votes,
    voteOrder,
    tallies,
    hallResults,
    ballots,
    queue: {
      open: q.open,
      waiting: waitingList.map((r) => r.id),
      requests,
      current: q.current ?? null,
      history: q.history,
    },
    annotations: byId(view.annotations),
    annotationOrder: view.annotations.map((a) => a.id),
    presence: null,
    joinRequests: byId(view.joinRequests),
    joinRequestOrder: view.joinRequests.map((r) => r.id),
    delegates: Object.fromEntries(view.delegates.map((d) => [d.participantId, d])),
    markedPresent: Object.fromEntries(view.markedPresent.map((id) => [id, true])),
    reportHeading: view.reportHeading ?? null,
    sessions: {},
  };
}

/** Applies an `events` frame: every event in order, then the frame's `upTo`. */
export function applyEvents(s: ConferenceState, events: readonly EventFrame[], upTo: number): ConferenceState {
  let out = s;
  for (const e of events) out = applyEvent(out, e);
  return out.upTo === upTo ? out : { ...out, upTo: Math.max(out.upTo, upTo) };
}

const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : 0);

function patch<T>(map: Record<string, T>, id: string | null | undefined, f: (x: T) => T): Record<string, T> {
  if (!id || !(id in map)) return map;
  return { ...map, [id]: f(map[id]) };
}

function replaceItem(agenda: AgendaItem[], id: string | null | undefined, f: (x: AgendaItem) => AgendaItem): AgendaItem[] {
  const i = agenda.findIndex((a) => a.id === id);
  if (i < 0) return agenda;
  const copy = agenda.slice();
  copy[i] = f(agenda[i]);
  return copy;
}

function insertAt<T>(list: readonly T[], index: number, x: T): T[] {
  const copy = list.slice();
  copy.splice(Math.max(0, Math.min(index, copy.length)), 0, x);
  return copy;
}

/** Whether this client may read hidden text: the moderators and the author. */
function mayReadHidden(s: ConferenceState, a: Annotation): boolean {
  return s.moderator || (!!s.me?.id && a.authorId === s.me.id);
}

/** One event, folded as the domain core folds it. */
export function applyEvent(s: ConferenceState, e: EventFrame): ConferenceState {
  switch (e.type) {
    // --- conference lifecycle
    case 'ConferenceCreated': {
      const d = e.data;
      return { ...s, info: { conferenceId: d.conferenceId, title: d.title, description: d.description, startsAt: d.startsAt,
        endsAt: d.endsAt, status: 'DRAFT', settings: { defaultVoteMode: d.defaultVoteMode, speakingLimitSeconds: d.speakingLimitSeconds } } };
    }
    case 'ConferenceDetailsUpdated':
      return s.info ? { ...s, info: { ...s.info, title: e.data.title, description: e.data.description, startsAt: e.data.startsAt, endsAt: e.data.endsAt } } : s;
    case 'SettingsUpdated':
      return s.info ? { ...s, info: { ...s.info, settings: { defaultVoteMode: e.data.defaultVoteMode, speakingLimitSeconds: e.data.speakingLimitSeconds } } } : s;
    case 'ConferenceScheduled':
      return s.info ? { ...s, info: { ...s.info, status: 'SCHEDULED' } } : s;
    case 'ConferenceStarted':
      return s.info ? { ...s, info: { ...s.info, status: 'LIVE', startedAt: e.data.at, feedbackDeadline: null, closedAt: null } } : s;
    case 'FeedbackOpened':
      return s.info ? { ...s, info: { ...s.info, status: 'FEEDBACK_OPEN', feedbackDeadline: e.data.deadline, closedAt: null } } : s;
    case 'FeedbackDeadlineChanged':
      return s.info ? { ...s, info: { ...s.info, feedbackDeadline: e.data.deadline, closedAt: null } } : s;
    case 'ConferenceClosed':
      return s.info ? { ...s, info: { ...s.info, status: 'CLOSED', closedAt: e.data.at } } : s;

    // --- endpoints, people, invites
    case 'EndpointAdded': {
      const d = e.data;
      if (!d.endpointId) return s;
      const ep: Endpoint = { id: d.endpointId, code: d.code, name: d.name, region: d.region, level: d.level, checkedIn: false, headCount: 0 };
      return { ...s, endpoints: { ...s.endpoints, [d.endpointId]: ep },
        endpointOrder: s.endpointOrder.includes(d.endpointId) ? s.endpointOrder : [...s.endpointOrder, d.endpointId] };
    }
    case 'EndpointsImported':
      return e.data.endpoints.reduce((acc, d) => applyEvent(acc, { ...e, type: 'EndpointAdded', data: d }), s);
    case 'EndpointUpdated':
      return { ...s, endpoints: patch(s.endpoints, e.data.endpointId, (x) => ({ ...x, name: e.data.name, region: e.data.region })) };
    case 'EndpointCheckedIn':
      return { ...s, endpoints: patch(s.endpoints, e.data.endpointId, (x) => ({ ...x, checkedIn: true, headCount: e.data.headCount, checkedInAt: e.data.at })) };
    case 'HeadCountUpdated':
      return { ...s, endpoints: patch(s.endpoints, e.data.endpointId, (x) => ({ ...x, headCount: e.data.headCount })) };
    case 'EndpointCheckedOut':
      return { ...s, endpoints: patch(s.endpoints, e.data.endpointId, (x) => ({ ...x, checkedIn: false })) };
    case 'ParticipantRegistered':
    case 'ParticipantUpdated': {
      const d = e.data;
      if (!d.participantId) return s;
      const p: Participant = { id: d.participantId, displayName: d.displayName, roles: d.roles, endpointId: d.endpointId, active: true };
      return { ...s, participants: { ...s.participants, [d.participantId]: p }, me: s.me?.id === d.participantId ? p : s.me };
    }
    case 'ParticipantRemoved': {
      const id = e.data.participantId;
      return { ...s, participants: patch(s.participants, id, (x) => ({ ...x, active: false })),
        me: s.me && s.me.id === id ? { ...s.me, active: false } : s.me };
    }
    case 'DelegatesListed': {
      // One hall's list at once: each becomes an active delegate of the hall, with what the list says of them.
      const d = e.data;
      if (!d.endpointId || !d.delegates) return s;
      const participants = { ...s.participants };
      const delegates = { ...s.delegates };
      for (const l of d.delegates) {
        if (!l.participantId) continue;
        participants[l.participantId] = { id: l.participantId, displayName: l.fullName, roles: ['DELEGATE'], endpointId: d.endpointId, active: true };
        delegates[l.participantId] = { participantId: l.participantId, position: l.position, unit: l.unit, phone: l.phone, email: l.email };
      }
      return { ...s, participants, delegates };
    }
    case 'DelegateDetailsRecorded': {
      const d = e.data;
      if (!d.participantId) return s;
      return { ...s, delegates: { ...s.delegates, [d.participantId]: { participantId: d.participantId, position: d.position, unit: d.unit,
        phone: d.phone, email: d.email } } };
    }
    case 'JoinRequested': {
      const d = e.data;
      if (!d.requestId) return s;
      const r: JoinRequest = { id: d.requestId, inviteCode: d.code, endpointId: d.endpointId, displayName: d.displayName,
        claimedParticipantId: d.claimedParticipantId, duplicateOf: d.duplicateOf, keyHash: d.keyHash, at: d.at, status: 'PENDING' };
      return { ...s, joinRequests: { ...s.joinRequests, [d.requestId]: r },
        joinRequestOrder: s.joinRequestOrder.includes(d.requestId) ? s.joinRequestOrder : [...s.joinRequestOrder, d.requestId] };
    }
    // A decided request leaves the state, as it leaves the server's view (only pending requests are listed).
    case 'JoinRequestAdmitted':
    case 'JoinRequestRefused':
      return withoutJoinRequest(s, e.data.requestId);
    case 'SessionStarted': {
      const id = e.data.participantId;
      if (!id) return s;
      return { ...s, sessions: { ...s.sessions, [id]: { session: e.data.session, startedAt: e.data.at, endedAt: null } } };
    }
    case 'SessionsEnded': {
      const id = e.data.participantId;
      if (!id) return s;
      return { ...s, sessions: { ...s.sessions, [id]: { session: e.data.session, startedAt: s.sessions[id]?.startedAt ?? null, endedAt: e.at } } };
    }
    case 'AttendanceMarked': {
      const id = e.data.participantId;
      if (!id) return s;
      return { ...s, markedPresent: { ...s.markedPresent, [id]: e.data.present } };
    }
    case 'BallotsWithdrawn': {
      // The participant was removed (a duplicate): their ballots in open votes no longer count.
      const id = e.data.participantId;
      const votes = new Set(e.data.voteIds);
      if (!id || votes.size === 0) return s;
      const keep = Object.entries(s.ballots).filter(([, b]) => !(b.voter === id && b.voteId && votes.has(b.voteId)));
      return keep.length === Object.keys(s.ballots).length ? s : { ...s, ballots: Object.fromEntries(keep) };
    }
    case 'InviteIssued': {
      const d = e.data;
      if (!d.code) return s;
      return { ...s, invites: { ...s.invites, [d.code]: { code: d.code, role: d.role, endpointId: d.endpointId, maxUses: d.maxUses,
        uses: 0, expiresAt: d.expiresAt, revoked: false, issuedBy: d.issuedBy } } };
    }
    case 'InviteRevoked':
      return { ...s, invites: patch(s.invites, e.data.code, (x) => ({ ...x, revoked: true })) };
    case 'InviteUsed':
      return { ...s, invites: patch(s.invites, e.data.code, (x) => ({ ...x, uses: x.uses + 1 })) };

    // --- agenda
    case 'AgendaItemAdded': {
      const d = e.data;
      const item: AgendaItem = { id: d.itemId, title: d.title, kind: d.kind, plannedMinutes: d.plannedMinutes, nodeIds: d.nodeIds,
        status: 'PENDING', spentMillis: 0 };
      return { ...s, agenda: insertAt(s.agenda, d.position, item) };
    }
    case 'AgendaItemUpdated':
      return { ...s, agenda: replaceItem(s.agenda, e.data.itemId, (x) => ({ ...x, title: e.data.title, kind: e.data.kind,
        plannedMinutes: e.data.plannedMinutes, nodeIds: e.data.nodeIds })) };
    case 'AgendaItemMoved': {
      const i = s.agenda.findIndex((a) => a.id === e.data.itemId);
      if (i < 0) return s;
      const rest = s.agenda.filter((_, j) => j !== i);
      return { ...s, agenda: insertAt(rest, e.data.position, s.agenda[i]) };
    }
    case 'AgendaItemRemoved':
      return { ...s, agenda: s.agenda.filter((a) => a.id !== e.data.itemId) };
    case 'AgendaItemStarted':
      return { ...s, agenda: replaceItem(s.agenda, e.data.itemId, (x) => ({ ...x, status: 'CURRENT', startedAt: e.data.at })) };
    case 'AgendaItemCompleted':
      return { ...s, agenda: replaceItem(s.agenda, e.data.itemId, (x) => ({ ...x, status: 'DONE',
        spentMillis: x.spentMillis + Math.max(0, ms(e.data.at) - ms(x.startedAt)) })) };

    // --- draft
    case 'DraftVersionImported':
      // The frame names the version and gives its outline; the text is fetched once by version (state/draftText.ts).
      return { ...s, draft: { version: e.data.version, versions: Math.max(e.data.version, s.draft?.versions ?? 0),
        note: e.data.note, importedAt: e.data.at, documentEtag: e.data.documentEtag, outline: e.data.outline } };

    // --- voting
    case 'VoteOpened': {
      const d = e.data;
      if (!d.voteId) return s;
      const v: Vote = { id: d.voteId, title: d.title, articleIds: d.articleIds, mode: d.mode, draftVersion: d.draftVersion,
        status: 'OPEN', openedAt: d.at, reopenCount: 0, alternatives: d.alternatives ?? {} };
      const zero = (a: string) => {
        const alts = d.alternatives?.[a];
        return { agree: 0, disagree: 0, other: 0, total: 0,
          ...(alts ? { alternatives: Object.fromEntries(alts.map((x) => [x.id, 0])) } : {}) };
      };
      const tally: VoteTally = s.tallies[d.voteId] ?? { asOf: e.seq, status: 'OPEN',
        articles: Object.fromEntries(d.articleIds.map((a) => [a, zero(a)])) };
      return { ...s, votes: { ...s.votes, [d.voteId]: v }, voteOrder: s.voteOrder.includes(d.voteId) ? s.voteOrder : [...s.voteOrder, d.voteId],
        tallies: { ...s.tallies, [d.voteId]: tally } };
    }
    case 'BallotCast':
    case 'SecretBallotCast': {
      const d = e.data;
      const voter = e.type === 'BallotCast' ? e.data.participantId : e.data.voterKey;
      const b: Ballot = { voteId: d.voteId, articleId: d.articleId, voter, secret: e.type === 'SecretBallotCast', endpointId: d.endpointId,
        choice: d.choice, text: d.text, alternativeId: d.alternativeId ?? null };
      const k = ballotKey(b);
      const before = s.ballots[k];
      return { ...s, ballots: { ...s.ballots, [k]: { ...b, casts: (before?.casts ?? 0) + 1 } } };
    }
    case 'HallResultRecorded': {
      const d = e.data;
      const h: HallResult = { voteId: d.voteId, articleId: d.articleId, endpointId: d.endpointId, agree: d.agree, disagree: d.disagree,
        other: d.other, recordedBy: d.recordedBy };
      return { ...s, hallResults: { ...s.hallResults, [hallKey(d.voteId, d.articleId, d.endpointId)]: h } };
    }
    case 'HallResultCleared': {
      const k = hallKey(e.data.voteId, e.data.articleId, e.data.endpointId);
      if (!(k in s.hallResults)) return s;
      const { [k]: _gone, ...rest } = s.hallResults;
      return { ...s, hallResults: rest };
    }
    case 'VoteClosed':
      return { ...s, votes: patch(s.votes, e.data.voteId, (v) => ({ ...v, status: 'CLOSED', closedAt: e.data.at })),
        tallies: patch(s.tallies, e.data.voteId, (t) => ({ ...t, status: 'CLOSED' })) };
    case 'VoteReopened':
      return { ...s, votes: patch(s.votes, e.data.voteId, (v) => ({ ...v, status: 'OPEN', closedAt: null, reopenCount: v.reopenCount + 1 })),
        tallies: patch(s.tallies, e.data.voteId, (t) => ({ ...t, status: 'OPEN' })) };

    // --- speaker queue
    case 'SpeakerQueueOpened':
      return { ...s, queue: { ...s.queue, open: true } };
    case 'SpeakerQueueClosed':
      return { ...s, queue: { ...s.queue, open: false } };
    case 'FloorRequested': {
      const d = e.data;
      if (!d.requestId) return s;
      const r: FloorRequest = { id: d.requestId, participantId: d.participantId, endpointId: d.endpointId, kind: d.kind,
        articleId: d.articleId, forHall: d.forHall, status: 'WAITING', requestedAt: d.at };
      const q = s.queue;
      const requests = { ...q.requests, [d.requestId]: r };
      let slot = q.waiting.length;
      if (d.kind === 'POINT_OF_ORDER') {
        slot = 0;
        while (slot < q.waiting.length && q.requests[q.waiting[slot]]?.kind === 'POINT_OF_ORDER') slot++;
      }
      return { ...s, queue: { ...q, requests, waiting: insertAt(q.waiting, slot, d.requestId) } };
    }
    case 'FloorRequestWithdrawn':
      return leaveQueue(s, e.data.requestId, false);
    case 'FloorRequestApproved':
      return { ...s, queue: { ...s.queue, requests: patch(s.queue.requests, e.data.requestId, (r) => ({ ...r, status: 'APPROVED' })) } };
    case 'FloorRequestRejected':
      return leaveQueue(s, e.data.requestId, false);
    case 'FloorRequestMoved': {
      const id = e.data.requestId;
      if (!id || !s.queue.waiting.includes(id)) return s;
      const rest = s.queue.waiting.filter((x) => x !== id);
      return { ...s, queue: { ...s.queue, waiting: insertAt(rest, e.data.position, id) } };
    }
    case 'FloorGranted': {
      const left = leaveQueue(s, e.data.requestId, true);
      const current: Speech = { requestId: e.data.requestId, participantId: e.data.participantId, startedAt: e.data.at,
        limitSeconds: e.data.limitSeconds, spentMillis: 0, runningSince: e.data.at };
      return { ...left, queue: { ...left.queue, current } };
    }
    case 'SpeechPaused': {
      const c = s.queue.current;
      if (!c) return s;
      return { ...s, queue: { ...s.queue, current: { ...c, spentMillis: speechElapsed(c, ms(e.data.at)), runningSince: null } } };
    }
    case 'SpeechResumed': {
      const c = s.queue.current;
      if (!c) return s;
      return { ...s, queue: { ...s.queue, current: { ...c, runningSince: e.data.at } } };
    }
    case 'SpeechEnded': {
      const c = s.queue.current;
      const id = e.data.requestId;
      const r: FloorRequest | undefined = s.queue.requests[id];
      // A resumed client may have missed the request or the grant: the record then says what it knows.
      const record: SpeechRecord = { requestId: id, participantId: r?.participantId ?? c?.participantId ?? '',
        endpointId: r?.endpointId, kind: r?.kind ?? 'CONTRIBUTION', forHall: r?.forHall ?? false, articleId: r?.articleId,
        startedAt: c?.startedAt ?? e.data.at, endedAt: e.data.at,
        spokenSeconds: e.data.spokenSeconds };
      return { ...s, queue: { ...s.queue, current: null, history: [...s.queue.history, record], requests: without(s.queue.requests, id) } };
    }

    // --- annotations
    case 'AnnotationAdded': {
      const d = e.data;
      if (!d.annotationId) return s;
      const a: Annotation = { id: d.annotationId, authorId: d.authorId, endpointId: d.endpointId, kind: d.kind, body: d.body,
        replacement: d.replacement, anchor: { nodeId: d.nodeId, quote: d.quote, position: d.position }, orphaned: false,
        draftVersion: d.draftVersion, createdAt: d.at, status: 'VISIBLE' };
      return putAnnotation(s, a);
    }
    case 'ReplyAdded': {
      const d = e.data;
      if (!d.annotationId) return s;
      const a: Annotation = { id: d.annotationId, replyTo: d.replyTo, authorId: d.authorId, endpointId: d.endpointId, kind: 'COMMENT',
        body: d.body, orphaned: false, draftVersion: 0, createdAt: d.at, status: 'VISIBLE' };
      return putAnnotation(s, a);
    }
    case 'AnnotationEdited':
      return { ...s, annotations: patch(s.annotations, e.data.annotationId, (a) => ({ ...a, body: e.data.body, replacement: e.data.replacement, editedAt: e.data.at })) };
    case 'AnnotationDeleted':
      return { ...s, annotations: patch(s.annotations, e.data.annotationId, (a) => ({ ...a, body: null, replacement: null, editedAt: e.data.at,
        status: 'DELETED', hiddenReason: null, hiddenBy: null })) };
    case 'AnnotationHidden':
      return { ...s, annotations: patch(s.annotations, e.data.annotationId, (a) => {
        const keep = mayReadHidden(s, a);
        return { ...a, status: 'HIDDEN', hiddenReason: e.data.reason, hiddenBy: e.data.hiddenBy,
          body: keep ? a.body : null, replacement: keep ? a.replacement : null };
      }) };
    case 'AnnotationRestored':
      return { ...s, annotations: patch(s.annotations, e.data.annotationId, (a) => ({ ...a, status: 'VISIBLE', hiddenReason: null, hiddenBy: null,
        body: e.data.body ?? a.body, replacement: e.data.replacement ?? a.replacement })) };
    case 'AnnotationResponded':
      return { ...s, annotations: patch(s.annotations, e.data.annotationId, (a) => ({ ...a,
        response: { kind: e.data.response, text: e.data.text, by: e.data.respondedBy, at: e.data.at } })) };
    case 'AnnotationReanchored':
      return { ...s, annotations: patch(s.annotations, e.data.annotationId, (a) => ({ ...a,
        anchor: { nodeId: e.data.nodeId, quote: e.data.quote, position: e.data.position }, orphaned: e.data.orphaned, draftVersion: e.data.draftVersion })) };

    // --- the report's heading block and signature
    case 'ReportHeadingSet':
      return { ...s, reportHeading: e.data.heading };
  }
  return s;
}

function putAnnotation(s: ConferenceState, a: Annotation): ConferenceState {
  const id = a.id;
  return { ...s, annotations: { ...s.annotations, [id]: a }, annotationOrder: s.annotationOrder.includes(id) ? s.annotationOrder : [...s.annotationOrder, id] };
}

/**
 * A request leaves the waiting list. The state keeps only the requests the server's view lists (the waiting ones) plus
 * the one being granted the floor, which the views read while its speech lasts (ScreenParts, Timers); a withdrawn or
 * rejected request is gone, as a granted one is when its speech ends.
 */
function leaveQueue(s: ConferenceState, id: string, granted: boolean): ConferenceState {
  return { ...s, queue: { ...s.queue, waiting: s.queue.waiting.filter((x) => x !== id),
    requests: granted ? patch(s.queue.requests, id, (r) => ({ ...r, status: 'SPEAKING', reason: null })) : without(s.queue.requests, id) } };
}

function without<T>(map: Record<string, T>, id: string): Record<string, T> {
  if (!(id in map)) return map;
  const { [id]: _gone, ...rest } = map;
  return rest;
}

function withoutJoinRequest(s: ConferenceState, id: string): ConferenceState {
  if (!(id in s.joinRequests)) return s;
  return { ...s, joinRequests: without(s.joinRequests, id), joinRequestOrder: s.joinRequestOrder.filter((x) => x !== id) };
}

/** Milliseconds spoken in a turn at server time `nowMs`: pauses excluded, derived from event times only. */
export function speechElapsed(c: Speech, nowMs: number): number {
  return c.spentMillis + (c.runningSince ? Math.max(0, nowMs - ms(c.runningSince)) : 0);
}

/** Milliseconds an agenda item has run at server time `nowMs`: earlier runs plus the current one. */
export function agendaElapsed(item: AgendaItem, nowMs: number): number {
  return item.spentMillis + (item.status === 'CURRENT' && item.startedAt ? Math.max(0, nowMs - ms(item.startedAt)) : 0);
}

/** A tally frame replaces the vote's tallies unless it is older than what the state already shows. */
export function applyTally(s: ConferenceState, t: TallyMessage): ConferenceState {
  const before = s.tallies[t.voteId];
  if (before && before.asOf > t.asOf) return s;
  const articles: Record<string, ArticleTally> = {};
  for (const a of t.articles) {
    articles[a.articleId] = { agree: a.agree, disagree: a.disagree, other: a.other, total: a.total,
      ...(a.alternatives ? { alternatives: a.alternatives } : {}), ...(a.byEndpoint ? { byEndpoint: a.byEndpoint } : {}) };
  }
  return { ...s, tallies: { ...s.tallies, [t.voteId]: { asOf: t.asOf, status: t.status, articles } } };
}

/** Presence replaces the previous one; endpoints that were online and are not any more are flagged as lost. */
export function applyPresence(s: ConferenceState, p: PresenceMessage): ConferenceState {
  const prev = s.presence;
  let endpoints: PresenceState['endpoints'] = null;
  const lost: Record<string, string> = { ...(prev?.lost ?? {}) };
  if (p.endpoints) {
    endpoints = {};
    for (const e of p.endpoints) {
      endpoints[e.endpointId] = { online: e.online, connections: e.connections, participants: e.participants };
      const was = prev?.endpoints?.[e.endpointId]?.online;
      if (e.online) delete lost[e.endpointId];
      else if (was && !lost[e.endpointId]) lost[e.endpointId] = p.at;
    }
  }
  return { ...s, presence: { at: p.at, endpointsOnline: p.endpointsOnline, endpointsTotal: p.endpointsTotal, connections: p.connections,
    endpoints, participantsOnline: p.participantsOnline ?? null, lost } };
}

/** When a snapshot replaces the state (a fresh start, or a resume too far behind), the presence picture stays. */
export function withPresenceOf(next: ConferenceState, prev: ConferenceState | null): ConferenceState {
  return prev?.presence ? { ...next, presence: prev.presence } : next;
}

/**
 * Participant ids that events name but this state cannot put a name to. A plain delegate's arrival is announced only
 * to the moderators and the hall's hosts (docs/protocol.md), so the others look such names up once.
 */
export function unknownPeople(s: ConferenceState, events: readonly EventFrame[]): string[] {
  const ids = new Set<string>();
  for (const e of events) {
    const d = e.data as Record<string, unknown>;
    for (const key of ['participantId', 'authorId']) {
      const id = d[key];
      if (typeof id === 'string' && !s.participants[id]) ids.add(id);
    }
  }
  return [...ids];
}

/** Adds a participant learned by lookup, unless the feed has told us about them meanwhile. */
export function withParticipant(s: ConferenceState, p: Participant): ConferenceState {
  if (!p.id || s.participants[p.id]) return s;
  return { ...s, participants: { ...s.participants, [p.id]: p } };
}
