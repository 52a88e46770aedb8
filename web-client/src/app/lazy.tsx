// Views loaded on first use (Vite splits each dynamic import() into its own chunk), so a delegate's phone downloads
// only the delegate's screen: the chair's, host's and secretary's consoles, the hall screen, the report, revision,
// comparison and audit views come when someone opens them. No preact/compat: a small loader with the same hooks on
// every render.
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>, fallback: () => JSX.Element | null) {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const start = () => (loading ??= load().then((c) => (loaded = c)).catch((e) => {
    loading = null; // a failed chunk (offline) is tried again on the next render
    throw e;
  }));
  function Lazy(props: P) {
    const [, setTick] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      start().then(() => live && setTick((n) => n + 1), () => live && setFailed(true));
      return () => {
        live = false;
      };
    }, [failed]);
    if (loaded) {
      const C = loaded;
      return <C {...props} />;
    }
    if (failed) setTimeout(() => setFailed(false), 3000);
    return fallback();
  }
  return Lazy;
}
