// One WebSocket per tab to /ws (subprotocol hoinghi.v1), kept alive for as long as the view is open:
// hello with the last `upTo` (exact resume), reconnect with exponential backoff and jitter, a client-side heartbeat
// that notices dead links the browser does not, the offline command queue (same ids on resend), the clock offset
// from ping/pong and the access-token refresh before expiry. No DOM and no global state: everything it touches
// comes in through `ConnectionDeps`, so the unit tests drive it with a fake socket and a fake clock.
import type {
  AckMessage,
  Command,
  ErrorMessage,
  EventsMessage,
  PresenceMessage,
  ServerMessage,
  SnapshotMessage,
  TallyMessage,
  WelcomeMessage,
} from '../protocol.gen';
import { backoffDelay, type BackoffPolicy, DEFAULT_BACKOFF } from './backoff';
import { ServerClock } from './clock';
import { Outbox, RETRYABLE, type OutboxEntry } from './outbox';

export const SUBPROTOCOL = 'hoinghi.v1';

/** The part of the browser's WebSocket this module uses. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason?: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** `ended`: the server ended this session (close 4009, or a refresh answered SESSION_ENDED); never reconnects. */
export type ConnStatus = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'unauthorized' | 'ended' | 'closed';

export interface Timers {
  now(): number;
  setTimeout(f: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Auth {
  /** The current access token. */
  token(): string | null;
  /**
   * Gets fresh tokens with the refresh token; false when that is impossible (log in again), 'ended' when the server
   * said the session ended (the person signed in on another device, or their sessions were ended).
   */
  refresh(): Promise<boolean | 'ended'>;
}

export interface ConnectionListener {
  status?(status: ConnStatus, info: { retryInMs?: number; attempt: number }): void;
  welcome?(m: WelcomeMessage): void;
  snapshot?(m: SnapshotMessage): void;
  events?(m: EventsMessage): void;
  tally?(m: TallyMessage): void;
  presence?(m: PresenceMessage): void;
  /** A command of ours was applied (or had been, `duplicate`). */
  acked?(entry: OutboxEntry | undefined, m: AckMessage): void;
  /** A command of ours was refused; it stays in the outbox as failed. */
  refused?(entry: OutboxEntry | undefined, m: ErrorMessage): void;
  /** The outbox changed (queued, sent, failed, removed). */
  outbox?(entries: readonly OutboxEntry[]): void;
  /** The offset to the server clock changed. */
  clock?(offsetMs: number): void;
}

export interface ConnectionDeps {
  url: string;
  /** Named in the hello: required with an organizer token, checked against a participant token. */
  conferenceId?: string;
  createSocket(url: string, protocols: string[]): SocketLike;
  auth: Auth;
  outbox: Outbox;
  nextCommandId(): string;
  timers: Timers;
  random(): number;
  listener: ConnectionListener;
  backoff?: BackoffPolicy;
  /** Send a ping this often while live (ms). */
  pingEveryMs?: number;
  /** Consider the link dead after this long without any frame (ms). */
  silenceLimitMs?: number;
  /** Refresh the access token this long before it expires (ms). */
  refreshBeforeMs?: number;
}

const OPEN = 1;

/** Close codes after which reconnecting with the same token is pointless (docs/protocol.md). */
const AUTH_CLOSES = new Set([4001, 4003, 4401]);
/** This session ended (signed in on another device, or ended by a host or moderator): never reconnect with it. */
export const SESSION_ENDED_CLOSE = 4009;

export class Connection {
  private socket: SocketLike | null = null;
  private status: ConnStatus = 'closed';
  private attempt = 0;
  private retryTimer: unknown = null;
  private pingTimer: unknown = null;
  private refreshTimer: unknown = null;
  private lastFrameAt = 0;
  private stopped = true;
  private authenticated = false;
  private refreshedForClose = false;
  /** The browser said the network is gone; attempts continue (slowly) but the status says why they fail. */
  private networkOffline = false;
  private readonly pingsInFlight = new Map<number, number>();
  /** The `upTo` of the last events or snapshot frame: where a reconnect resumes. */
  upTo: number | null = null;
  readonly clock = new ServerClock();
  private welcome: WelcomeMessage | null = null;

  constructor(private readonly deps: ConnectionDeps) {}

  get currentStatus(): ConnStatus {
    return this.status;
  }

  get welcomed(): WelcomeMessage | null {
    return this.welcome;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  /** Closes for good (logout, leaving the view). The outbox stays in storage. */
  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.dropSocket(1000, 'bye');
    this.setStatus('closed');
  }

  /** The network is back (the browser's `online` event): try now instead of waiting out the backoff. */
  networkUp(): void {
    this.networkOffline = false;
    if (this.stopped || this.status === 'live' || this.status === 'unauthorized' || this.status === 'ended') return;
    this.attempt = 0;
    this.deps.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.open();
  }

  /** The network is gone (the browser's `offline` event): the socket is dead even if it has not noticed. */
  networkDown(): void {
    if (this.stopped || this.status === 'unauthorized' || this.status === 'ended') return;
    this.dropSocket(4000, 'offline');
    this.deps.outbox.requeueSent();
    this.notifyOutbox();
    this.networkOffline = true;
    this.setStatus('offline');
    this.scheduleReconnect();
  }

  /**
   * Queues a command and sends it at once when live. Returns its id; the listener hears of its ack or error.
   * Offline, it waits in the outbox (persisted) and goes out on the next welcome, with the same id.
   */
  send(command: Command): string {
    const id = this.deps.nextCommandId();
    this.deps.outbox.add(id, command, this.deps.timers.now());
    if (this.status === 'live') this.transmit(id);
    this.notifyOutbox();
    return id;
  }

  /** Sends a failed command again, with its original id. */
  retry(id: string): void {
    const e = this.deps.outbox.get(id);
    if (!e) return;
    this.deps.outbox.mark(id, 'queued');
    if (this.status === 'live') this.transmit(id);
    this.notifyOutbox();
  }

  dismiss(id: string): void {
    this.deps.outbox.remove(id);
    this.notifyOutbox();
  }

  // ------------------------------------------------------------------------------------------ socket lifecycle

  private open(): void {
    if (this.stopped) return;
    this.dropSocket(1000, 'reopen');
    this.authenticated = false;
    this.setStatus(this.networkOffline ? 'offline' : this.attempt === 0 && this.upTo === null ? 'connecting' : 'reconnecting');
    let ws: SocketLike;
    try {
      ws = this.deps.createSocket(this.deps.url, [SUBPROTOCOL]);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = ws;
    ws.onopen = () => {
      if (ws !== this.socket) return;
      this.lastFrameAt = this.deps.timers.now();
      const token = this.deps.auth.token();
      const hello: Record<string, unknown> = { type: 'hello', token: token ?? '', client: 'hoinghi-web' };
      if (this.deps.conferenceId) hello.conferenceId = this.deps.conferenceId;
      if (this.upTo !== null) hello.resumeAfter = this.upTo;
      ws.send(JSON.stringify(hello));
    };
    ws.onmessage = (ev) => {
      if (ws !== this.socket) return;
      this.lastFrameAt = this.deps.timers.now();
      let msg: ServerMessage;
      try {
        msg = JSON.parse(String(ev.data)) as ServerMessage;
      } catch {
        return;
      }
      this.onMessage(msg);
    };
    ws.onclose = (ev) => {
      if (ws !== this.socket) return;
      this.socket = null;
      this.onClosed(ev.code);
    };
    ws.onerror = () => {
      // onclose follows; nothing to do here
    };
  }

  private dropSocket(code: number, reason: string): void {
    const ws = this.socket;
    this.socket = null;
    this.stopPing();
    if (!ws) return;
    ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
    try {
      ws.close(code, reason);
    } catch {
      // already closing
    }
  }

  private onClosed(code: number): void {
    this.stopPing();
    this.deps.outbox.requeueSent();
    this.notifyOutbox();
    if (this.stopped) return;
    if (code === 4004) {
      this.setStatus('closed');
      return;
    }
    if (code === SESSION_ENDED_CLOSE) {
      this.end();
      return;
    }
    if (AUTH_CLOSES.has(code)) {
      // An expired or rejected token: refresh once, then resume; if that fails, the user must log in again.
      if (this.refreshedForClose) {
        this.setStatus('unauthorized');
        return;
      }
      this.refreshedForClose = true;
      this.deps.auth.refresh().then((ok) => {
        if (this.stopped) return;
        if (ok === 'ended') this.end();
        else if (ok) this.scheduleReconnect(0);
        else this.setStatus('unauthorized');
      });
      return;
    }
    this.scheduleReconnect(code === 4029 ? this.deps.backoff?.maxMs ?? DEFAULT_BACKOFF.maxMs : undefined);
  }

  private scheduleReconnect(fixedDelay?: number): void {
    if (this.stopped) return;
    const delay = fixedDelay ?? backoffDelay(this.attempt, this.deps.random, this.deps.backoff);
    this.attempt++;
    this.deps.timers.clearTimeout(this.retryTimer);
    this.retryTimer = this.deps.timers.setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, delay);
    this.setStatus(this.networkOffline ? 'offline' : 'reconnecting', delay);
  }

  // ------------------------------------------------------------------------------------------ inbound

  private onMessage(msg: ServerMessage): void {
    switch (msg.type) {
      case 'server':
        return;
      case 'welcome':
        this.welcome = msg;
        this.authenticated = true;
        this.networkOffline = false;
        this.refreshedForClose = false;
        this.attempt = 0;
        this.clock.observe(msg.serverTime, this.deps.timers.now());
        this.deps.listener.clock?.(this.clock.offsetMs);
        this.deps.listener.welcome?.(msg);
        this.setStatus('live');
        this.startPing();
        this.scheduleRefresh(msg.tokenExpiresAt);
        this.flush();
        return;
      case 'snapshot':
        this.upTo = msg.upTo;
        this.clock.observe(msg.serverTime, this.deps.timers.now());
        this.deps.listener.snapshot?.(msg);
        return;
      case 'events':
        this.upTo = msg.upTo;
        this.deps.listener.events?.(msg);
        return;
      case 'tally':
        this.deps.listener.tally?.(msg);
        return;
      case 'presence':
        this.deps.listener.presence?.(msg);
        return;
      case 'ack': {
        const e = this.deps.outbox.remove(msg.id);
        this.deps.listener.acked?.(e, msg);
        this.notifyOutbox();
        return;
      }
      case 'error':
        this.onError(msg);
        return;
      case 'pong': {
        const sent = typeof msg.t === 'number' ? this.pingsInFlight.get(msg.t) : undefined;
        if (sent !== undefined && typeof msg.t === 'number') {
          this.pingsInFlight.delete(msg.t);
          this.clock.pong(sent, msg.serverTime, this.deps.timers.now());
          this.deps.listener.clock?.(this.clock.offsetMs);
        }
        return;
      }
      case 'tokenAccepted':
        this.scheduleRefresh(msg.tokenExpiresAt);
        return;
    }
  }

  private onError(msg: ErrorMessage): void {
    if (!msg.id) return; // errors about the connection itself come with a close code
    const entry = this.deps.outbox.get(msg.id);
    if (!entry) return;
    if (RETRYABLE.has(msg.code)) {
      // Nothing was applied: the same id goes out again a little later.
      this.deps.outbox.mark(msg.id, 'queued');
      this.deps.timers.setTimeout(() => {
        if (this.status === 'live' && this.deps.outbox.get(msg.id!)?.status === 'queued') this.transmit(msg.id!);
      }, 1500 + this.deps.random() * 1000);
    } else {
      this.deps.outbox.mark(msg.id, 'failed', { code: msg.code, vi: msg.message.vi, en: msg.message.en });
      this.deps.listener.refused?.(this.deps.outbox.get(msg.id), msg);
    }
    this.notifyOutbox();
  }

  // ------------------------------------------------------------------------------------------ outbound

  private rawSend(o: unknown): boolean {
    const ws = this.socket;
    if (!ws || ws.readyState !== OPEN) return false;
    try {
      ws.send(JSON.stringify(o));
      return true;
    } catch {
      return false;
    }
  }

  private transmit(id: string): void {
    const e = this.deps.outbox.get(id);
    if (!e) return;
    if (this.rawSend({ type: 'command', id: e.id, command: e.command })) this.deps.outbox.mark(id, 'sent');
  }

  /** Sends what waits in the outbox, oldest first, within the server's burst allowance (30) — the rest paced. */
  private flush(): void {
    const pending = this.deps.outbox.toSend();
    const BURST = 20;
    pending.slice(0, BURST).forEach((e) => this.transmit(e.id));
    pending.slice(BURST).forEach((e, i) => {
      this.deps.timers.setTimeout(() => {
        if (this.status === 'live' && this.deps.outbox.get(e.id)?.status === 'queued') this.transmit(e.id);
      }, 150 * (i + 1));
    });
    this.notifyOutbox();
  }

  private startPing(): void {
    this.stopPing();
    const every = this.deps.pingEveryMs ?? 4_000;
    const limit = this.deps.silenceLimitMs ?? 10_000;
    const tick = () => {
      if (this.status !== 'live') return;
      const now = this.deps.timers.now();
      if (now - this.lastFrameAt > limit) {
        // No pong, no frame: the link is dead even if the socket has not said so.
        const ws = this.socket;
        this.dropSocket(4000, 'silent');
        if (ws) this.onClosed(4000);
        return;
      }
      this.pingsInFlight.set(now, now);
      if (this.pingsInFlight.size > 10) this.pingsInFlight.delete(this.pingsInFlight.keys().next().value!);
      this.rawSend({ type: 'ping', t: now });
      this.pingTimer = this.deps.timers.setTimeout(tick, every);
    };
    tick();
  }

  private stopPing(): void {
    this.deps.timers.clearTimeout(this.pingTimer);
    this.pingTimer = null;
  }

  /** Refreshes the access token ahead of its expiry and hands it to the live socket. */
  private scheduleRefresh(expiresAtIso: string): void {
    this.deps.timers.clearTimeout(this.refreshTimer);
    const expiresLocal = Date.parse(expiresAtIso) - this.clock.offsetMs;
    if (Number.isNaN(expiresLocal)) return;
    const before = this.deps.refreshBeforeMs ?? 60_000;
    const delay = Math.max(1_000, expiresLocal - before - this.deps.timers.now());
    this.refreshTimer = this.deps.timers.setTimeout(() => {
      this.deps.auth.refresh().then((ok) => {
        if (this.stopped) return;
        if (ok === 'ended') {
          this.dropSocket(1000, 'session ended');
          this.end();
          return;
        }
        const token = this.deps.auth.token();
        if (ok && token && this.status === 'live') this.rawSend({ type: 'token', token });
      });
    }, delay);
  }

  /** The session is over: no reconnect, no refresh; the view tells the person and offers to sign in again. */
  private end(): void {
    this.clearTimers();
    this.setStatus('ended');
  }

  private clearTimers(): void {
    this.deps.timers.clearTimeout(this.retryTimer);
    this.deps.timers.clearTimeout(this.refreshTimer);
    this.stopPing();
    this.retryTimer = this.refreshTimer = null;
  }

  private setStatus(s: ConnStatus, retryInMs?: number): void {
    this.status = s;
    this.deps.listener.status?.(s, { retryInMs, attempt: this.attempt });
  }

  private notifyOutbox(): void {
    this.deps.listener.outbox?.(this.deps.outbox.list());
  }

  /** For tests and the indicator: is a hello answered on the current socket? */
  get isAuthenticated(): boolean {
    return this.authenticated;
  }
}
