// Commands waiting for their ack, persisted in sessionStorage so that a reload or a lost link never loses an action.
// A command keeps its id for ever: resending it after a lost ack or from this queue is answered with the original
// ack ("duplicate": true), so nothing is applied twice.
import type { Command } from '../protocol.gen';

export type OutboxStatus = 'queued' | 'sent' | 'failed';

export interface OutboxEntry {
  id: string;
  command: Command;
  status: OutboxStatus;
  /** When it was first queued (local ms). */
  at: number;
  error?: { code: string; vi: string; en: string };
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * Errors after which the same command may succeed when sent again with the same id: the "retryable" column of
 * docs/protocol.md's error table. A domain refusal (`CONFLICT`, `WRONG_STATE`…) is not: it would be refused again.
 */
export const RETRYABLE = new Set([
  'STORE_UNAVAILABLE',
  'STORE_CONFLICT',
  'UNAVAILABLE',
  'WRITER_MOVED',
  'NO_WRITER',
  'RATE_LIMITED',
  'NOT_AUTHENTICATED',
  'INTERNAL',
]);

export class Outbox {
  private entries: OutboxEntry[];

  constructor(private readonly store: KeyValueStore | null, private readonly key: string) {
    this.entries = Outbox.load(store, key);
  }

  private static load(store: KeyValueStore | null, key: string): OutboxEntry[] {
    try {
      const raw = store?.getItem(key);
      const list = raw ? (JSON.parse(raw) as OutboxEntry[]) : [];
      return Array.isArray(list) ? list.filter((e) => e && typeof e.id === 'string' && e.command) : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    try {
      if (this.entries.length === 0) this.store?.removeItem(this.key);
      else this.store?.setItem(this.key, JSON.stringify(this.entries));
    } catch {
      // storage full or unavailable: the queue still works in memory
    }
  }

  list(): readonly OutboxEntry[] {
    return this.entries;
  }

  get(id: string): OutboxEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  add(id: string, command: Command, now: number): OutboxEntry {
    const e: OutboxEntry = { id, command, status: 'queued', at: now };
    this.entries = [...this.entries, e];
    this.save();
    return e;
  }

  /** Entries to (re)send on a live connection, oldest first: queued, and sent but never answered. */
  toSend(): OutboxEntry[] {
    return this.entries.filter((e) => e.status !== 'failed');
  }

  mark(id: string, status: OutboxStatus, error?: OutboxEntry['error']): void {
    this.entries = this.entries.map((e) => (e.id === id ? { ...e, status, error } : e));
    this.save();
  }

  /** Every sent-but-unanswered entry goes back to queued (the connection that carried it is gone). */
  requeueSent(): void {
    if (!this.entries.some((e) => e.status === 'sent')) return;
    this.entries = this.entries.map((e) => (e.status === 'sent' ? { ...e, status: 'queued' } : e));
    this.save();
  }

  remove(id: string): OutboxEntry | undefined {
    const e = this.get(id);
    if (!e) return undefined;
    this.entries = this.entries.filter((x) => x.id !== id);
    this.save();
    return e;
  }
}

/** Command ids: participant, a random tab prefix and a counter; 1–64 of A-Z a-z 0-9 . _ : - as the protocol asks. */
export function commandIdFactory(participantId: string, random: () => number = Math.random): () => string {
  const who = participantId.replace(/[^A-Za-z0-9._:-]/g, '').slice(0, 24) || 'x';
  const tab = Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0');
  let n = 0;
  return () => `${who}.${tab}.${(++n).toString(36)}`;
}
