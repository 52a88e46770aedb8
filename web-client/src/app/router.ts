// Hash routes, so deep links and the QR join link work from the single index.html the server serves:
// #/login, #/join/<conferenceId>/<code>, #/c/<conferenceId>/<view>[?query] (the query carries a view's own
// parameters, e.g. #/c/demo/diff?from=1&to=2).
import { signal } from '@preact/signals';
import type { ViewName } from './session';

export type Route =
  | { name: 'login'; next?: string }
  | { name: 'join'; conferenceId: string; code: string }
  | { name: 'conference'; conferenceId: string; view: ViewName | null; params?: Record<string, string> }
  | { name: 'notFound' };

const VIEWS: readonly ViewName[] = ['delegate', 'host', 'chair', 'secretary', 'screen', 'report', 'revise', 'diff', 'audit'];

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/?/, '/');
  const [pathOnly, query] = path.split('?');
  const parts = pathOnly.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  if (parts.length === 0 || parts[0] === 'login') {
    const next = new URLSearchParams(query ?? '').get('next') ?? undefined;
    return { name: 'login', ...(next ? { next } : {}) };
  }
  if (parts[0] === 'join' && parts.length === 3) return { name: 'join', conferenceId: parts[1], code: parts[2] };
  if (parts[0] === 'c' && parts.length >= 2 && parts.length <= 3) {
    const view = parts[2] as ViewName | undefined;
    if (view !== undefined && !VIEWS.includes(view)) return { name: 'notFound' };
    const params = Object.fromEntries(new URLSearchParams(query ?? ''));
    return { name: 'conference', conferenceId: parts[1], view: view ?? null, ...(Object.keys(params).length ? { params } : {}) };
  }
  return { name: 'notFound' };
}

export function href(r: Route): string {
  switch (r.name) {
    case 'login':
      return r.next ? `#/login?next=${encodeURIComponent(r.next)}` : '#/login';
    case 'join':
      return `#/join/${encodeURIComponent(r.conferenceId)}/${encodeURIComponent(r.code)}`;
    case 'conference': {
      const q = r.params && Object.keys(r.params).length ? '?' + new URLSearchParams(r.params).toString() : '';
      return `#/c/${encodeURIComponent(r.conferenceId)}${r.view ? '/' + r.view : ''}${q}`;
    }
    default:
      return '#/login';
  }
}

export const route = signal<Route>(parseRoute(globalThis.location?.hash ?? ''));

export function navigate(r: Route): void {
  const h = href(r);
  if (globalThis.location.hash !== h) globalThis.location.hash = h;
  route.value = r;
}

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    route.value = parseRoute(window.location.hash);
  });
}
