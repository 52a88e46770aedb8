// The draft's text, fetched once per version. The live feed names the current version (number, documentEtag) and
// gives its outline; the text comes from GET /api/conferences/{id}/drafts/{v}?format=json (docs/api.md) and is kept
// in IndexedDB under conference + version + etag, so a reload, a reconnect or a restart of the phone does not
// download it again. Where IndexedDB is missing or refuses (private windows, some WebViews, tests), the copy lives
// in memory for the tab's life and the browser's HTTP cache (the answer is `private, immutable`) is the second chance.
import type { DraftDocument } from '../protocol.gen';

/** Where versions are kept between page loads; `null` from get means "not there". */
export interface DraftStore {
  get(key: string): Promise<DraftDocument | null>;
  put(key: string, doc: DraftDocument): Promise<void>;
}

export type Fetcher = (url: string, init: { headers: Record<string, string> }) =>
  Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export const draftKey = (conferenceId: string, version: number, etag: string | null | undefined) =>
  `${conferenceId}|${version}|${etag ?? ''}`;

export const draftUrl = (conferenceId: string, version: number) =>
  `/api/conferences/${encodeURIComponent(conferenceId)}/drafts/${version}?format=json`;

/** Fetches each version at most once: memory first, then the store, then the network (one request at a time per key). */
export class DraftTexts {
  private readonly memory = new Map<string, DraftDocument>();
  private readonly inFlight = new Map<string, Promise<DraftDocument>>();

  constructor(private readonly store: DraftStore | null, private readonly fetcher: Fetcher) {}

  /** The text if this tab already has it, without waiting. */
  cached(conferenceId: string, version: number, etag: string | null | undefined): DraftDocument | null {
    return this.memory.get(draftKey(conferenceId, version, etag)) ?? null;
  }

  load(conferenceId: string, version: number, etag: string | null | undefined, token: string | null): Promise<DraftDocument> {
    const key = draftKey(conferenceId, version, etag);
    const hit = this.memory.get(key);
    if (hit) return Promise.resolve(hit);
    const running = this.inFlight.get(key);
    if (running) return running;
    const p = this.fromStore(key)
      .then((kept) => kept ?? this.download(conferenceId, version, token, key))
      .then((doc) => {
        this.memory.set(key, doc);
        return doc;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, p);
    return p;
  }

  private async fromStore(key: string): Promise<DraftDocument | null> {
    if (!this.store) return null;
    try {
      return await this.store.get(key);
    } catch {
      return null;
    }
  }

  private async download(conferenceId: string, version: number, token: string | null, key: string): Promise<DraftDocument> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    const r = await this.fetcher(draftUrl(conferenceId, version), { headers });
    if (!r.ok) throw new Error(`draft ${version}: HTTP ${r.status}`);
    const doc = (await r.json()) as DraftDocument;
    if (!doc || !Array.isArray(doc.nodes)) throw new Error(`draft ${version}: not a draft document`);
    if (this.store) await this.store.put(key, doc).catch(() => undefined);
    return doc;
  }
}

/** IndexedDB as a DraftStore, or null where it cannot be opened. */
export function indexedDbStore(idb: IDBFactory | undefined = globalThis.indexedDB): DraftStore | null {
  if (!idb) return null;
  let opened: Promise<IDBDatabase> | null = null;
  const open = () => (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    try {
      const req = idb.open('hoinghi-drafts', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('versions');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('blocked'));
    } catch (e) {
      reject(e);
    }
  }));
  const run = <T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest): Promise<T> =>
    open().then((db) => new Promise<T>((resolve, reject) => {
      const tx = db.transaction('versions', mode);
      const req = f(tx.objectStore('versions'));
      tx.oncomplete = () => resolve(req.result as T);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    }));
  return {
    get: (key) => run<DraftDocument | undefined>('readonly', (s) => s.get(key)).then((d) => d ?? null),
    put: (key, doc) => run<unknown>('readwrite', (s) => s.put(doc, key)).then(() => undefined),
  };
}
