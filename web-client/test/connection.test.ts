import { describe, expect, it, vi } from 'vitest';
import { backoffDelay } from '../src/live/backoff';
import { ServerClock } from '../src/live/clock';
import { Connection, type ConnectionListener, type ConnStatus, type SocketLike } from '../src/live/connection';
import { commandIdFactory, Outbox } from '../src/live/outbox';

/** A socket the test drives: it records what the client sends and lets the test answer. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: any[] = [];
  closedWith: number | null = null;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number; reason?: string }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  constructor(readonly url: string, readonly protocols: string[]) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code?: number) {
    this.closedWith = code ?? 1000;
    this.readyState = 3;
  }
  // test side
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(msg: unknown) {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  sentOfType(type: string) {
    return this.sent.filter((m) => m.type === type);
  }
}

/** A clock and timer queue the test advances by hand. */
class FakeTimers {
  t = 1_000_000;
  private seq = 0;
  private queue = new Map<number, { at: number; f: () => void }>();
  now = () => this.t;
  setTimeout = (f: () => void, ms: number) => {
    const id = ++this.seq;
    this.queue.set(id, { at: this.t + ms, f });
    return id;
  };
  clearTimeout = (h: unknown) => {
    this.queue.delete(h as number);
  };
  advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      let next: [number, { at: number; f: () => void }] | null = null;
      for (const e of this.queue) if (e[1].at <= end && (!next || e[1].at < next[1].at)) next = e;
      if (!next) break;
      this.queue.delete(next[0]);
      this.t = next[1].at;
      next[1].f();
    }
    this.t = end;
  }
}

class MemoryStore {
  data = new Map<string, string>();
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

const WELCOME = { type: 'welcome', conferenceId: 'demo', organizer: false, serverTime: new Date(1_000_000).toISOString(),
  tokenExpiresAt: new Date(1_000_000 + 900_000).toISOString(), participantId: 'p-5', roles: ['DELEGATE'] };

function setup(opts: { store?: MemoryStore; refresh?: () => Promise<boolean | 'ended'> } = {}) {
  const sockets: FakeSocket[] = [];
  const timers = new FakeTimers();
  const statuses: ConnStatus[] = [];
  const store = opts.store ?? new MemoryStore();
  const outbox = new Outbox(store, 'outbox');
  let token = 'tok-1';
  const listener: ConnectionListener = { status: (s) => statuses.push(s), snapshot: vi.fn(), events: vi.fn(), refused: vi.fn(), acked: vi.fn() };
  const conn = new Connection({
    url: 'ws://test/ws',
    createSocket: (url, protocols) => {
      const s = new FakeSocket(url, protocols);
      sockets.push(s);
      return s;
    },
    auth: { token: () => token, refresh: opts.refresh ?? (async () => { token = 'tok-2'; return true; }) },
    outbox,
    nextCommandId: commandIdFactory('p-5', () => 0.5),
    timers,
    random: () => 0.5,
    listener,
  });
  const last = () => sockets[sockets.length - 1];
  /** Opens the current socket and completes the handshake, with a snapshot at `upTo`. */
  const handshake = (upTo = 10) => {
    last().open();
    last().receive({ type: 'server', server: 'hoinghi', version: '1', store: 'embedded', protocol: 'hoinghi.v1' });
    last().receive({ ...WELCOME, serverTime: new Date(timers.t).toISOString() });
    last().receive({ type: 'events', upTo, events: [] });
  };
  return { conn, sockets, timers, statuses, outbox, store, listener, last, handshake };
}

describe('the connection', () => {
  it('says hello with the token and the subprotocol, without resumeAfter on a fresh start', () => {
    const { conn, last } = setup();
    conn.start();
    last().open();
    expect(last().protocols).toEqual(['hoinghi.v1']);
    expect(last().sent[0]).toMatchObject({ type: 'hello', token: 'tok-1' });
    expect(last().sent[0].resumeAfter).toBeUndefined();
  });

  it('reconnects after a drop with backoff and resumes from the last upTo', () => {
    const { conn, sockets, timers, last, handshake, statuses } = setup();
    conn.start();
    handshake(10);
    last().receive({ type: 'events', upTo: 57, events: [] });
    last().drop(1006);
    expect(statuses[statuses.length - 1]).toBe('reconnecting');
    expect(sockets).toHaveLength(1);
    timers.advance(backoffDelay(0, () => 0.5) - 1);
    expect(sockets).toHaveLength(1);
    timers.advance(1);
    expect(sockets).toHaveLength(2);
    last().open();
    expect(last().sent[0]).toMatchObject({ type: 'hello', resumeAfter: 57 });
  });

  it('waits longer after each failed attempt, with jitter, up to the maximum', () => {
    const lo = (n: number) => backoffDelay(n, () => 0);
    const hi = (n: number) => backoffDelay(n, () => 0.999999);
    expect(lo(0)).toBe(250);
    expect(hi(0)).toBe(500);
    expect(lo(3)).toBe(2000);
    expect(hi(3)).toBe(4000);
    expect(hi(30)).toBe(15000);
    for (let n = 0; n < 10; n++) expect(lo(n + 1)).toBeGreaterThanOrEqual(lo(n));
  });

  it('queues commands while offline and sends them on the next welcome with the same ids', () => {
    const { conn, last, handshake, outbox } = setup();
    conn.start();
    handshake();
    conn.networkDown();
    const id1 = conn.send({ type: 'CastBallot', voteId: 'v-1', articleId: 'd1', choice: 'AGREE' });
    const id2 = conn.send({ type: 'RequestFloor', kind: 'CONTRIBUTION', forHall: false });
    expect(outbox.list().map((e) => e.status)).toEqual(['queued', 'queued']);
    conn.networkUp();
    handshake(12);
    const cmds = last().sentOfType('command');
    expect(cmds.map((c) => c.id)).toEqual([id1, id2]);
    expect(cmds[0].command).toMatchObject({ type: 'CastBallot', choice: 'AGREE' });
  });

  it('resends a command whose ack was lost with the same id; the duplicate ack clears it', () => {
    const { conn, sockets, last, handshake, timers, outbox, listener } = setup();
    conn.start();
    handshake();
    const id = conn.send({ type: 'CastBallot', voteId: 'v-1', articleId: 'd1', choice: 'DISAGREE' });
    expect(last().sentOfType('command')[0].id).toBe(id);
    last().drop(1006);
    expect(outbox.get(id)?.status).toBe('queued');
    timers.advance(20_000);
    expect(sockets).toHaveLength(2);
    handshake(11);
    expect(last().sentOfType('command').map((c) => c.id)).toEqual([id]);
    last().receive({ type: 'ack', id, firstSeq: 11, lastSeq: 11, duplicate: true });
    expect(outbox.list()).toHaveLength(0);
    expect(listener.acked).toHaveBeenCalled();
  });

  it('keeps the queue in storage: a reload sends what was not acknowledged', () => {
    const store = new MemoryStore();
    const first = setup({ store });
    first.conn.start();
    first.conn.networkDown();
    const id = first.conn.send({ type: 'AddAnnotation', nodeId: 'd1', kind: 'COMMENT', body: 'x' });
    first.conn.stop();
    const second = setup({ store });
    expect(second.outbox.list().map((e) => e.id)).toEqual([id]);
    second.conn.start();
    second.handshake();
    expect(second.last().sentOfType('command').map((c) => c.id)).toEqual([id]);
  });

  it('marks a refused command failed (kept with the reason) and retries a retryable one with the same id', () => {
    const { conn, last, handshake, outbox, timers, listener } = setup();
    conn.start();
    handshake();
    const bad = conn.send({ type: 'GrantFloor', requestId: 'fr-1' });
    const busy = conn.send({ type: 'CastBallot', voteId: 'v-1', articleId: 'd1', choice: 'AGREE' });
    last().receive({ type: 'error', id: bad, code: 'FORBIDDEN', message: { vi: 'Không có quyền', en: 'Not allowed' } });
    last().receive({ type: 'error', id: busy, code: 'STORE_UNAVAILABLE', message: { vi: 'Lỗi kho', en: 'Store down' } });
    expect(outbox.get(bad)).toMatchObject({ status: 'failed', error: { code: 'FORBIDDEN' } });
    expect(listener.refused).toHaveBeenCalledTimes(1);
    timers.advance(3000);
    expect(last().sentOfType('command').filter((c) => c.id === busy)).toHaveLength(2);
    conn.retry(bad);
    expect(last().sentOfType('command').filter((c) => c.id === bad)).toHaveLength(2);
  });

  // docs/protocol.md's error table: the codes marked retryable.
  it.each(['STORE_CONFLICT', 'WRITER_MOVED', 'NO_WRITER', 'STORE_UNAVAILABLE', 'UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL'])(
    'resends a ballot answered %s with the same id after the retry delay, and drops it once acked',
    (code) => {
      const { conn, last, handshake, outbox, timers, listener } = setup();
      conn.start();
      handshake();
      const id = conn.send({ type: 'CastBallot', voteId: 'v-1', articleId: 'd1', choice: 'AGREE' });
      last().receive({ type: 'error', id, code, message: { vi: 'Gửi lại', en: 'Send again' } });
      expect(outbox.get(id)?.status).toBe('queued');
      expect(listener.refused).not.toHaveBeenCalled();
      timers.advance(1000);
      expect(last().sentOfType('command').filter((c) => c.id === id)).toHaveLength(1);
      timers.advance(2000);
      const sent = last().sentOfType('command').filter((c) => c.id === id);
      expect(sent).toHaveLength(2);
      expect(sent[1].command).toEqual(sent[0].command);
      last().receive({ type: 'ack', id, firstSeq: 9, lastSeq: 9, duplicate: false });
      expect(outbox.get(id)).toBeUndefined();
    },
  );

  it('does not resend a command the domain refused with CONFLICT: it is shown as failed', () => {
    const { conn, last, handshake, outbox, timers, listener } = setup();
    conn.start();
    handshake();
    const id = conn.send({ type: 'RequestFloor', kind: 'SPEAK' } as never);
    last().receive({ type: 'error', id, code: 'CONFLICT', message: { vi: 'Đã có', en: 'Already waiting' } });
    timers.advance(5000);
    expect(last().sentOfType('command').filter((c) => c.id === id)).toHaveLength(1);
    expect(outbox.get(id)).toMatchObject({ status: 'failed', error: { code: 'CONFLICT' } });
    expect(listener.refused).toHaveBeenCalledTimes(1);
  });

  it('declares a silent link dead and reconnects, though the socket never closed', () => {
    const { conn, sockets, timers, handshake, statuses } = setup();
    conn.start();
    handshake();
    timers.advance(13_000);
    expect(sockets[0].closedWith).not.toBeNull();
    expect(statuses).toContain('reconnecting');
    timers.advance(1_000);
    expect(sockets.length).toBe(2);
  });

  it('pings while live and takes the clock offset from the pong', () => {
    const { conn, last, handshake, timers } = setup();
    conn.start();
    handshake();
    const ping = last().sentOfType('ping')[0];
    timers.advance(100);
    // The server's clock is 5 s ahead: at the middle of the round trip it read t+50ms+5s.
    last().receive({ type: 'pong', t: ping.t, serverTime: new Date(ping.t + 50 + 5000).toISOString() });
    expect(conn.clock.offsetMs).toBe(5000);
  });

  it('refreshes the token before it expires and hands it to the live socket', async () => {
    const { conn, last, handshake, timers } = setup();
    conn.start();
    handshake();
    // Keep the link alive (a frame every few seconds) until a minute before expiry.
    for (let t = 0; t < 900_000 - 60_000; t += 3_000) {
      timers.advance(3_000);
      last().receive({ type: 'presence', at: '', endpointsOnline: 0, endpointsTotal: 0, connections: 1 });
    }
    await new Promise((r) => setTimeout(r, 0));
    expect(last().sentOfType('token')).toEqual([{ type: 'token', token: 'tok-2' }]);
  });

  it('after an expired-token close (4401) refreshes, then reconnects with the new token and resumes', async () => {
    const { conn, sockets, last, handshake, timers } = setup();
    conn.start();
    handshake(30);
    last().drop(4401);
    await Promise.resolve();
    await Promise.resolve();
    timers.advance(10);
    expect(sockets).toHaveLength(2);
    last().open();
    expect(last().sent[0]).toMatchObject({ type: 'hello', token: 'tok-2', resumeAfter: 30 });
  });

  it('asks to log in again when the token cannot be refreshed', async () => {
    const { conn, last, statuses } = setup({ refresh: async () => false });
    conn.start();
    last().open();
    last().drop(4001);
    await Promise.resolve();
    await Promise.resolve();
    expect(statuses[statuses.length - 1]).toBe('unauthorized');
  });
});

describe('a session that ended (signed in elsewhere, or ended by the host)', () => {
  it('a close with 4009 stops the connection: status ended, no reconnect, no refresh', async () => {
    const refresh = vi.fn(async () => true as const);
    const { conn, sockets, last, handshake, timers, statuses } = setup({ refresh });
    conn.start();
    handshake(20);
    last().receive({ type: 'error', code: 'SESSION_ENDED', message: { vi: 'x', en: 'x' } });
    last().drop(4009);
    await Promise.resolve();
    expect(statuses[statuses.length - 1]).toBe('ended');
    timers.advance(120_000);
    conn.networkUp();
    expect(sockets).toHaveLength(1);
    expect(refresh).not.toHaveBeenCalled();
    expect(statuses[statuses.length - 1]).toBe('ended');
  });

  it('a refresh answered SESSION_ENDED after an auth close ends it instead of asking to log in', async () => {
    const { conn, sockets, last, statuses, timers } = setup({ refresh: async () => 'ended' });
    conn.start();
    last().open();
    last().drop(4401);
    await Promise.resolve();
    await Promise.resolve();
    timers.advance(60_000);
    expect(statuses[statuses.length - 1]).toBe('ended');
    expect(sockets).toHaveLength(1);
  });

  it('a scheduled token refresh answered SESSION_ENDED closes the live socket and ends', async () => {
    const { conn, sockets, last, handshake, timers, statuses } = setup({ refresh: async () => 'ended' });
    conn.start();
    handshake();
    for (let t = 0; t < 900_000 - 60_000; t += 3_000) {
      timers.advance(3_000);
      last().receive({ type: 'presence', at: '', endpointsOnline: 0, endpointsTotal: 0, connections: 1 });
    }
    await new Promise((r) => setTimeout(r, 0));
    expect(statuses[statuses.length - 1]).toBe('ended');
    expect(sockets[0].closedWith).toBe(1000);
    timers.advance(120_000);
    expect(sockets).toHaveLength(1);
  });
});

describe('command ids', () => {
  it('are unique, stable in form and within the protocol alphabet', () => {
    const next = commandIdFactory('p-44');
    const ids = Array.from({ length: 50 }, next);
    expect(new Set(ids).size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9._:-]{1,64}$/);
  });
});

describe('the server clock', () => {
  it('prefers the sample with the shortest round trip', () => {
    const c = new ServerClock();
    c.observe(new Date(10_000).toISOString(), 9_000);
    expect(c.offsetMs).toBe(1000);
    c.pong(0, new Date(2_000 + 100).toISOString(), 200);
    expect(c.offsetMs).toBe(2000);
    c.pong(1000, new Date(9_999_999).toISOString(), 3000); // a slow sample is not trusted
    expect(c.offsetMs).toBe(2000);
  });
});
