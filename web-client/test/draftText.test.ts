import { describe, expect, it } from 'vitest';
import type { DraftDocument } from '../src/protocol.gen';
import { applyEvents, fromSnapshot, withDraftDocument } from '../src/state/conference';
import { DraftTexts, draftKey, draftUrl, indexedDbStore, type DraftStore, type Fetcher } from '../src/state/draftText';
import { docIndex, draftTextReady } from '../src/state/selectors';
import { snapshotView } from './fixtures';

const doc: DraftDocument = { title: 'Dự thảo', preamble: '', header: '', contents: '', closing: '', nodes: [
  { id: 'c1', kind: 'CHAPTER', number: 'I', title: 'Chung', text: '', children: [
    { id: 'a1', kind: 'ARTICLE', number: '1', title: 'Phạm vi', text: 'Quy chế này quy định…', children: [] }] }] };

function fakeFetch(body: unknown = doc, status = 200) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const f: Fetcher = async (url, init) => {
    calls.push({ url, headers: init.headers });
    return { ok: status === 200, status, json: async () => body };
  };
  return { f, calls };
}

/** A store that outlives a DraftTexts, as IndexedDB outlives a page. */
function memoryStore(): DraftStore & { data: Map<string, DraftDocument> } {
  const data = new Map<string, DraftDocument>();
  return { data, get: async (k) => data.get(k) ?? null, put: async (k, d) => void data.set(k, d) };
}

describe('draft text cache', () => {
  it('fetches a version once, with the token, even when asked twice at the same time', async () => {
    const { f, calls } = fakeFetch();
    const texts = new DraftTexts(null, f);
    const [a, b] = await Promise.all([texts.load('demo', 2, '"d2-x"', 'tok'), texts.load('demo', 2, '"d2-x"', 'tok')]);
    expect(a).toEqual(doc);
    expect(b).toBe(a);
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('/api/conferences/demo/drafts/2?format=json');
    expect(calls[0].headers.Authorization).toBe('Bearer tok');
    await texts.load('demo', 2, '"d2-x"', 'tok');
    expect(calls).toHaveLength(1);
    expect(texts.cached('demo', 2, '"d2-x"')).toBe(a);
  });

  it('a new page with the same store does not download the version again', async () => {
    const store = memoryStore();
    const first = fakeFetch();
    await new DraftTexts(store, first.f).load('demo', 2, '"d2-x"', 'tok');
    expect(store.data.has(draftKey('demo', 2, '"d2-x"'))).toBe(true);
    const second = fakeFetch();
    const again = await new DraftTexts(store, second.f).load('demo', 2, '"d2-x"', 'tok');
    expect(again).toEqual(doc);
    expect(second.calls).toHaveLength(0);
  });

  it('another version or another tag is another download', async () => {
    const store = memoryStore();
    const { f, calls } = fakeFetch();
    const texts = new DraftTexts(store, f);
    await texts.load('demo', 2, '"d2-x"', 'tok');
    await texts.load('demo', 3, '"d3-y"', 'tok');
    await texts.load('demo', 2, '"d2-z"', 'tok');
    expect(calls.map((c) => c.url)).toEqual([draftUrl('demo', 2), draftUrl('demo', 3), draftUrl('demo', 2)]);
  });

  it('a failed answer is not kept: the next load asks again', async () => {
    const store = memoryStore();
    const bad = fakeFetch({ code: 'UNAUTHORIZED' }, 401);
    const texts = new DraftTexts(store, bad.f);
    await expect(texts.load('demo', 2, '"d2-x"', null)).rejects.toThrow('HTTP 401');
    expect(store.data.size).toBe(0);
    await expect(texts.load('demo', 2, '"d2-x"', null)).rejects.toThrow();
    expect(bad.calls).toHaveLength(2);
  });

  it('a store that fails falls back to memory and the network', async () => {
    const broken: DraftStore = { get: () => Promise.reject(new Error('no idb')), put: () => Promise.reject(new Error('no idb')) };
    const { f, calls } = fakeFetch();
    const texts = new DraftTexts(broken, f);
    expect(await texts.load('demo', 2, '"d2-x"', 'tok')).toEqual(doc);
    await texts.load('demo', 2, '"d2-x"', 'tok');
    expect(calls).toHaveLength(1);
  });

  it('without IndexedDB there is no store', () => {
    expect(indexedDbStore(undefined)).toBeNull();
  });
});

describe('the state before and after the text arrives', () => {
  // As the live feed sends it: the draft without its text, with its outline.
  const snapshot = snapshotView({
    draft: { version: 2, versions: 2, importedAt: '2026-11-27T08:00:00Z', documentEtag: '"d2-x"', outline: [
      { id: 'c1', kind: 'CHAPTER' as const, number: 'I', title: 'Chung', children: [
        { id: 'a1', kind: 'ARTICLE' as const, number: '1', title: 'Phạm vi' }] }] },
  });

  it('names the articles from the outline until the text comes, then reads the text', () => {
    const s = fromSnapshot(snapshot, 10);
    expect(draftTextReady(s)).toBe(false);
    expect(docIndex(s).nodes.a1.number).toBe('1');
    expect(docIndex(s).articles.map((a) => a.node.id)).toEqual(['a1']);
    const withText = withDraftDocument(s, 2, '"d2-x"', doc);
    expect(draftTextReady(withText)).toBe(true);
    expect(docIndex(withText).nodes.a1.text).toBe('Quy chế này quy định…');
    expect(withDraftDocument(s, 1, '"d1-y"', doc)).toBe(s);
  });

  it('a new version from the feed drops the old text and carries the new outline', () => {
    const s = withDraftDocument(fromSnapshot(snapshot, 10), 2, '"d2-x"', doc);
    const next = applyEvents(s, [{ seq: 11, type: 'DraftVersionImported', at: '2024-09-10T08:00:00Z',
      data: { version: 3, note: 'v3', at: '2024-09-10T08:00:00Z', documentEtag: '"d3-y"',
        outline: [{ id: 'a9', kind: 'ARTICLE', number: '9', title: 'Mới' }] } }] as any, 11);
    expect(next.draft?.version).toBe(3);
    expect(draftTextReady(next)).toBe(false);
    expect(docIndex(next).nodes.a9.title).toBe('Mới');
  });
});
