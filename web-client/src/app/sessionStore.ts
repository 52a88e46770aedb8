// Sessions kept on the device (localStorage), so that closing the tab or restarting the phone keeps a person signed in,
// and a hall-link request that waits for admission survives a reload. Pure functions over a Storage-like object: the
// unit tests drive them with a map.
//
// One stored session per conference and *slot*, the view the session lands on (chair, secretary, host, delegate,
// screen): a chair console and a hall screen opened in two tabs of one browser keep two different people. A tab
// adopts one of them (app/session.ts keeps the tab's own copy in sessionStorage), the one for the view it opens.

export interface KV {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
  removeItem(k: string): void;
  readonly length: number;
  key(i: number): string | null;
}

/** The fields of a session this module needs (app/session.ts's Session has them all). */
export interface StoredSession {
  kind: 'participant' | 'organizer';
  conferenceId: string;
  participantId: string | null;
  roles: string[];
  accessToken: string;
  refreshToken: string;
  /** The view it lands on: its storage slot. */
  slot: string;
  /** The invite or personal code it was obtained with (upper case), when it came from a join link. */
  joinCode?: string | null;
}

const PREFIX = 'hoinghi.session.';
const JOIN_PREFIX = 'hoinghi.join.';

export function sessionKey(conferenceId: string, slot: string): string {
  return `${PREFIX}${encodeURIComponent(conferenceId)}.${slot}`;
}

function read<T>(kv: KV, key: string): T | null {
  try {
    const raw = kv.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function storeSession<S extends StoredSession>(kv: KV, s: S): void {
  try {
    kv.setItem(sessionKey(s.conferenceId, s.slot), JSON.stringify(s));
  } catch {
    // storage full or unavailable: the tab keeps its own copy
  }
}

/** Every session stored on this device for a conference. */
export function storedSessions<S extends StoredSession>(kv: KV, conferenceId: string): S[] {
  const prefix = `${PREFIX}${encodeURIComponent(conferenceId)}.`;
  const out: S[] = [];
  for (let i = 0; i < kv.length; i++) {
    const k = kv.key(i);
    if (!k || !k.startsWith(prefix)) continue;
    const s = read<S>(kv, k);
    if (s && s.conferenceId === conferenceId && s.refreshToken) out.push(s);
  }
  return out;
}

/** The stored session a tab opening `view` of a conference adopts: the one of that slot, else any that may open it. */
export function pickForView<S extends StoredSession>(kv: KV, conferenceId: string, view: string | null,
  mayOpen: (s: S, view: string) => boolean): S | null {
  const all = storedSessions<S>(kv, conferenceId);
  if (view) return all.find((s) => s.slot === view) ?? all.find((s) => mayOpen(s, view)) ?? null;
  return all[0] ?? null;
}

/**
 * The stored session that opening the join link `code` again resumes: the one obtained with that same code. Another
 * code (a personal code of somebody else, another hall's link) is not resumed silently; `otherJoined` lets the join
 * page offer the session this device already has.
 */
export function pickForJoin<S extends StoredSession>(kv: KV, conferenceId: string, code: string): S | null {
  const c = normalizeCode(code);
  return storedSessions<S>(kv, conferenceId).find((s) => !!s.joinCode && normalizeCode(s.joinCode) === c) ?? null;
}

export function otherJoined<S extends StoredSession>(kv: KV, conferenceId: string, code: string): S | null {
  const c = normalizeCode(code);
  return storedSessions<S>(kv, conferenceId).find((s) => !!s.joinCode && normalizeCode(s.joinCode) !== c) ?? null;
}

export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

/** The session number a token was issued for (its `ses` claim; absent means 0), or -1 if it cannot be read. */
export function sessionNumber(token: string): number {
  try {
    const part = token.split('.')[1];
    if (!part) return -1;
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const claims = JSON.parse(atob(b64)) as { ses?: unknown };
    return typeof claims.ses === 'number' ? claims.ses : 0;
  } catch {
    return -1;
  }
}

/**
 * Forgets a session that ended (or was logged out): its stored copy goes, unless the slot meanwhile holds a newer
 * session of the same person (signed in again in another tab) or somebody else.
 */
export function forgetSession(kv: KV, ended: StoredSession): void {
  const key = sessionKey(ended.conferenceId, ended.slot);
  const stored = read<StoredSession>(kv, key);
  if (!stored) return;
  const same = stored.participantId === ended.participantId && stored.kind === ended.kind;
  if (!same) return;
  const newer = sessionNumber(stored.accessToken) > sessionNumber(ended.accessToken);
  if (newer) return;
  try {
    kv.removeItem(key);
  } catch {
    // ignore
  }
}

/** A hall-link request waiting for the host's decision (POST /api/join answered 202). */
export interface PendingJoin {
  conferenceId: string;
  code: string;
  requestId: string;
  requestKey: string;
  displayName: string;
  duplicate: boolean;
  at: number;
}

export function joinKey(conferenceId: string, code: string): string {
  return `${JOIN_PREFIX}${encodeURIComponent(conferenceId)}.${normalizeCode(code)}`;
}

export function savePendingJoin(kv: KV, p: PendingJoin): void {
  try {
    kv.setItem(joinKey(p.conferenceId, p.code), JSON.stringify(p));
  } catch {
    // ignore
  }
}

export function loadPendingJoin(kv: KV, conferenceId: string, code: string): PendingJoin | null {
  const p = read<PendingJoin>(kv, joinKey(conferenceId, code));
  return p && p.requestId && typeof p.requestKey === 'string' && p.requestKey.length === 64 ? p : null;
}

export function clearPendingJoin(kv: KV, conferenceId: string, code: string): void {
  try {
    kv.removeItem(joinKey(conferenceId, code));
  } catch {
    // ignore
  }
}
