// The live store of the open conference: one Connection per tab feeding the pure fold (conference.ts) into
// signals the views read. Views send commands through `send`; nothing else writes the state.
import { computed, signal } from '@preact/signals';
import type { Command, ErrorMessage } from '../protocol.gen';
import { api } from '../api/rest';
import { markSessionEnded, refreshSession, session, type Session } from '../app/session';
import { Connection, type ConnStatus, type SocketLike } from '../live/connection';
import { commandIdFactory, Outbox, type OutboxEntry } from '../live/outbox';
import type { Participant } from '../protocol.gen';
import { applyEvents, applyPresence, applyTally, fromSnapshot, unknownPeople, withDraftDocument, withParticipant,
  withPresenceOf, type ConferenceState } from './conference';
import { DraftTexts, indexedDbStore } from './draftText';

export const conference = signal<ConferenceState | null>(null);
export const connection = signal<{ status: ConnStatus; retryInMs?: number; attempt: number }>({ status: 'closed', attempt: 0 });
export const outbox = signal<readonly OutboxEntry[]>([]);
export const clockOffset = signal(0);
/** Local clock, ticking four times a second while a conference is open; countdowns add the server offset. */
export const localNow = signal(Date.now());
export const serverNow = computed(() => localNow.value + clockOffset.value);

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: { vi: string; en: string };
}
export const notices = signal<Notice[]>([]);
let noticeSeq = 0;

export function notify(kind: Notice['kind'], text: { vi: string; en: string }, ttlMs = 6000): void {
  const n = { id: ++noticeSeq, kind, text };
  notices.value = [...notices.value, n].slice(-4);
  setTimeout(() => {
    notices.value = notices.value.filter((x) => x.id !== n.id);
  }, ttlMs);
}

let live: Connection | null = null;
let liveKey: string | null = null;
let ticker: ReturnType<typeof setInterval> | null = null;

export function wsUrl(loc: { protocol: string; host: string }): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/ws`;
}

const onOnline = () => live?.networkUp();
const onOffline = () => live?.networkDown();

/** Opens (or keeps) the live connection for this session's conference. */
export function startLive(s: Session): void {
  const key = `${s.conferenceId}/${s.participantId ?? 'organizer'}`;
  if (live && liveKey === key) return;
  stopLive();
  liveKey = key;
  conference.value = null;
  const box = new Outbox(safeSessionStorage(), `hoinghi.outbox.${key}`);
  outbox.value = box.list();
  const refreshing = new Set<string>();
  live = new Connection({
    url: wsUrl(window.location),
    conferenceId: s.conferenceId,
    createSocket: (url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike,
    auth: { token: () => session.value?.accessToken ?? null, refresh: refreshSession },
    outbox: box,
    nextCommandId: commandIdFactory(s.participantId ?? 'org'),
    timers: { now: () => Date.now(), setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as number) },
    random: Math.random,
    listener: {
      status: (status, info) => {
        connection.value = { status, ...info };
        // Signed in on another device, or ended by the host: forget this session; the route shows why.
        if (status === 'ended') markSessionEnded();
      },
      snapshot: (m) => (conference.value = withDraftText(withPresenceOf(fromSnapshot(m.state, m.upTo), conference.value))),
      events: (m) => {
        const c = conference.value;
        if (!c) return;
        conference.value = withDraftText(applyEvents(c, m.events, m.upTo));
        lookUpNames(unknownPeople(conference.value, m.events));
        // A vote that closed while we were away had its last tally frames sent to others: read it once.
        for (const e of m.events) if (e.type === 'VoteClosed' && e.data.voteId) refreshTally(e.data.voteId, refreshing);
      },
      tally: (m) => {
        if (conference.value) conference.value = applyTally(conference.value, m);
      },
      presence: (m) => {
        if (conference.value) conference.value = applyPresence(conference.value, m);
      },
      outbox: (entries) => (outbox.value = entries),
      clock: (offset) => (clockOffset.value = offset),
      refused: (_e, m: ErrorMessage) => notify('error', m.message),
    },
  });
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  ticker = setInterval(() => (localNow.value = Date.now()), 250);
  live.start();
}

/** The draft's text, once per version (IndexedDB, else memory); see state/draftText.ts. */
let texts: DraftTexts | null = null;
/** Whether the current version's text is on its way ('loading') or could not be read ('failed', retried). */
export const draftText = signal<'ready' | 'loading' | 'failed'>('ready');
let draftRetry: ReturnType<typeof setTimeout> | null = null;

/** The state with the current version's text when this tab has it; otherwise starts fetching it (once). */
function withDraftText(s: ConferenceState): ConferenceState {
  const d = s.draft;
  if (!d || d.document) {
    draftText.value = 'ready';
    return s;
  }
  texts ??= new DraftTexts(safeIndexedDb(), (url, init) => fetch(url, init));
  const have = texts.cached(s.conferenceId, d.version, d.documentEtag);
  if (have) return withDraftDocument(s, d.version, d.documentEtag, have);
  if (draftText.peek() !== 'failed') draftText.value = 'loading';
  texts.load(s.conferenceId, d.version, d.documentEtag, session.peek()?.accessToken ?? null)
    .then((doc) => {
      const now = conference.peek();
      if (now && now.conferenceId === s.conferenceId) conference.value = withDraftDocument(now, d.version, d.documentEtag, doc);
      if (conference.peek()?.draft?.document) draftText.value = 'ready';
    })
    .catch(() => {
      draftText.value = 'failed';
      if (draftRetry) return;
      draftRetry = setTimeout(() => {
        draftRetry = null;
        const now = conference.peek();
        if (now) conference.value = withDraftText(now);
      }, 5000);
    });
  return s;
}

function safeIndexedDb() {
  try {
    return indexedDbStore();
  } catch {
    return null;
  }
}

const lookingUp = new Set<string>();

/** Names for ids the feed mentions but never introduced (delegates of other halls). */
function lookUpNames(ids: string[]): void {
  const s = session.value;
  if (!s) return;
  for (const id of ids) {
    if (lookingUp.has(id)) continue;
    lookingUp.add(id);
    api.participant(s.conferenceId, s.accessToken, id)
      .then((p) => {
        if (conference.value) {
          conference.value = withParticipant(conference.value, { id: p.participantId, displayName: p.displayName,
            endpointId: p.endpointId, roles: p.roles as Participant['roles'], active: p.active });
        }
      })
      .catch(() => undefined)
      .finally(() => lookingUp.delete(id));
  }
}

function refreshTally(voteId: string, inFlight: Set<string>): void {
  const s = session.value;
  if (!s || inFlight.has(voteId)) return;
  inFlight.add(voteId);
  setTimeout(() => {
    api.tally(s.conferenceId, s.accessToken, voteId)
      .then((t) => {
        if (conference.value) conference.value = applyTally(conference.value, { type: 'tally', ...t });
      })
      .catch(() => undefined)
      .finally(() => inFlight.delete(voteId));
  }, 400);
}

export function stopLive(): void {
  live?.stop();
  live = null;
  liveKey = null;
  if (ticker) clearInterval(ticker);
  ticker = null;
  window.removeEventListener('online', onOnline);
  window.removeEventListener('offline', onOffline);
  conference.value = null;
}

/** Sends a command (queued while offline); returns its id. */
export function send(command: Command): string | null {
  return live ? live.send(command) : null;
}

export function retryCommand(id: string): void {
  live?.retry(id);
}

export function dismissCommand(id: string): void {
  live?.dismiss(id);
}

/** Whether a command of this type matching `pred` waits in the outbox (for "sending…" states). */
export function pendingCommand<T extends Command['type']>(type: T, pred: (c: Extract<Command, { type: T }>) => boolean = () => true): OutboxEntry | undefined {
  return outbox.value.find((e) => e.status !== 'failed' && e.command.type === type && pred(e.command as Extract<Command, { type: T }>));
}

function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
