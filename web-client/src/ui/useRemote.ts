// Data the synthesis views read over REST: loaded when the view opens or its inputs change, and — for live views —
// again when the conference's log moves on, at most once per `throttleMs`, so a busy session costs the server one
// report build every few seconds per open view, not one per event.
import { useEffect, useRef, useState } from 'preact/hooks';
import { conference } from '../state/store';

export interface Remote<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** When the data shown was read (local clock, ms). */
  loadedAt: number | null;
  reload(): void;
}

export function useRemote<T>(load: () => Promise<T>, deps: readonly unknown[], live?: { throttleMs: number; enabled?: boolean }): Remote<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const lastUpTo = useRef<number | null>(null);
  const lastLoad = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    lastUpTo.current = conference.peek()?.upTo ?? null;
    lastLoad.current = Date.now();
    load().then((d) => {
      if (mine !== seq.current) return;
      setData(d);
      setError(null);
      setLoadedAt(Date.now());
    }).catch((e) => {
      if (mine === seq.current) setError(e);
    }).finally(() => {
      if (mine === seq.current) setLoading(false);
    });
  }, [...deps, tick]);

  // Live: follow the log. The conference signal changes on every event; reload when it moved and enough time passed.
  const upTo = conference.value?.upTo ?? null;
  const enabled = !!live && live.enabled !== false;
  useEffect(() => {
    if (!enabled || upTo === null || lastUpTo.current === null || upTo <= lastUpTo.current) return;
    const wait = Math.max(0, lastLoad.current + live!.throttleMs - Date.now());
    const h = setTimeout(() => setTick((n) => n + 1), wait);
    return () => clearTimeout(h);
  }, [enabled, upTo]);

  return { data, error, loading, loadedAt, reload: () => setTick((n) => n + 1) };
}
