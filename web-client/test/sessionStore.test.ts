import { describe, expect, it } from 'vitest';
import {
  clearPendingJoin, forgetSession, loadPendingJoin, otherJoined, pickForJoin, pickForView, savePendingJoin, sessionKey,
  sessionNumber, storeSession, storedSessions, type KV, type StoredSession,
} from '../src/app/sessionStore';

/** localStorage as a map, with the key(i)/length the browser's has. */
class MemoryKV implements KV {
  data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

/** A JWT-shaped token with the given session number (the server's `ses` claim); only the payload is read. */
function token(ses: number | null, n = 1): string {
  const payload = btoa(JSON.stringify({ sub: 'p', ...(ses === null ? {} : { ses }), n })).replace(/=+$/, '');
  return `eyJhbGciOiJIUzI1NiJ9.${payload}.sig`;
}

function sess(over: Partial<StoredSession> = {}): StoredSession & { name: string } {
  return { kind: 'participant', conferenceId: 'demo', participantId: 'p-9', roles: ['DELEGATE'], accessToken: token(1),
    refreshToken: 'r-1', slot: 'delegate', joinCode: 'K7P2QX9MNA', name: 'Lê Văn Tâm', ...over };
}

const mayOpen = (s: StoredSession, v: string) => (v === 'screen' ? true : s.slot === v);

describe('sessions kept on the device', () => {
  it('keeps one session per conference and slot: a chair console and a hall screen in one browser stay two people', () => {
    const kv = new MemoryKV();
    storeSession(kv, sess({ participantId: 'p-4', slot: 'chair', joinCode: null, roles: ['CHAIR', 'DELEGATE'] }));
    storeSession(kv, sess({ participantId: 'p-20', slot: 'screen', joinCode: null, roles: ['OBSERVER'] }));
    storeSession(kv, sess({ conferenceId: 'other', participantId: 'p-1' }));
    expect(storedSessions(kv, 'demo').map((s) => s.participantId).sort()).toEqual(['p-20', 'p-4']);
    expect(pickForView(kv, 'demo', 'screen', mayOpen)?.participantId).toBe('p-20');
    expect(pickForView(kv, 'demo', 'chair', mayOpen)?.participantId).toBe('p-4');
    expect(pickForView(kv, 'demo', 'host', mayOpen)).toBeNull();
    expect(pickForView(kv, 'nowhere', 'chair', mayOpen)).toBeNull();
  });

  it('a view no slot is named after goes to a stored session that may open it', () => {
    const kv = new MemoryKV();
    storeSession(kv, sess({ participantId: 'p-4', slot: 'chair', joinCode: null }));
    expect(pickForView(kv, 'demo', 'diff', (s, v) => s.slot === 'chair' && v === 'diff')?.participantId).toBe('p-4');
  });

  it('a join link resumes the session got with the same code (any case, spaces), not one of another code', () => {
    const kv = new MemoryKV();
    storeSession(kv, sess());
    expect(pickForJoin(kv, 'demo', ' k7p2qx9mna ')?.participantId).toBe('p-9');
    expect(pickForJoin(kv, 'demo', 'ZZZZZZZZZZ')).toBeNull();
    expect(otherJoined(kv, 'demo', 'ZZZZZZZZZZ')?.participantId).toBe('p-9');
    expect(otherJoined(kv, 'demo', 'K7P2QX9MNA')).toBeNull();
    expect(pickForJoin(kv, 'other', 'K7P2QX9MNA')).toBeNull();
  });

  it('reads the session number of a token (absent means 0; unreadable is -1)', () => {
    expect(sessionNumber(token(4))).toBe(4);
    expect(sessionNumber(token(null))).toBe(0);
    expect(sessionNumber('garbage')).toBe(-1);
  });

  it('an ended session is forgotten on the device', () => {
    const kv = new MemoryKV();
    const s = sess();
    storeSession(kv, s);
    forgetSession(kv, s);
    expect(kv.getItem(sessionKey('demo', 'delegate'))).toBeNull();
    expect(pickForJoin(kv, 'demo', 'K7P2QX9MNA')).toBeNull();
  });

  it('but not when the slot meanwhile holds a newer session of that person, or somebody else', () => {
    const kv = new MemoryKV();
    const old = sess({ accessToken: token(1) });
    storeSession(kv, sess({ accessToken: token(2), refreshToken: 'r-2' }));
    forgetSession(kv, old);
    expect(pickForJoin(kv, 'demo', 'K7P2QX9MNA')?.refreshToken).toBe('r-2');
    storeSession(kv, sess({ participantId: 'p-10' }));
    forgetSession(kv, old);
    expect(pickForJoin(kv, 'demo', 'K7P2QX9MNA')?.participantId).toBe('p-10');
  });

  it('the same session refreshed in another tab (same session number) is forgotten with it', () => {
    const kv = new MemoryKV();
    storeSession(kv, sess({ accessToken: token(1, 2), refreshToken: 'r-other-tab' }));
    forgetSession(kv, sess({ accessToken: token(1, 1) }));
    expect(storedSessions(kv, 'demo')).toEqual([]);
  });

  it('keeps a waiting hall-link request per conference and code, and drops a malformed one', () => {
    const kv = new MemoryKV();
    const p = { conferenceId: 'demo', code: 'k7p2qx9mna', requestId: 'jr-3', requestKey: 'f'.repeat(64), displayName: 'Lê Văn Tâm',
      duplicate: false, at: 1 };
    savePendingJoin(kv, p);
    expect(loadPendingJoin(kv, 'demo', 'K7P2QX9MNA')).toEqual(p);
    expect(loadPendingJoin(kv, 'other', 'K7P2QX9MNA')).toBeNull();
    clearPendingJoin(kv, 'demo', 'K7P2QX9MNA');
    expect(loadPendingJoin(kv, 'demo', 'K7P2QX9MNA')).toBeNull();
    savePendingJoin(kv, { ...p, requestKey: 'short' });
    expect(loadPendingJoin(kv, 'demo', 'K7P2QX9MNA')).toBeNull();
  });
});
