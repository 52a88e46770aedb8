// Who is logged in, in this tab: tokens and identity from /api/login or /api/join. The tab keeps its own copy in
// sessionStorage (two tabs may hold two different people: a chair console and a hall screen), and every session is
// also kept on the device in localStorage, per conference and slot (sessionStore.ts), so that closing the tab or
// restarting the phone keeps the person signed in. A session the server ended (SESSION_ENDED) is forgotten and
// `endedSession` says so until the person signs in again.
import { signal } from '@preact/signals';
import { api, ApiFailure, type TokenBody } from '../api/rest';
import { forgetSession, pickForJoin, pickForView, storeSession, type KV } from './sessionStore';

export type Role = 'CHAIR' | 'SECRETARY' | 'HOST' | 'DELEGATE' | 'OBSERVER';
/** The role views (one per role, in the top bar) and the synthesis views (report, revised draft, differences, audit log). */
export type RoleViewName = 'delegate' | 'host' | 'chair' | 'secretary' | 'screen';
export type SynthesisViewName = 'report' | 'revise' | 'diff' | 'audit';
export type ViewName = RoleViewName | SynthesisViewName;

export interface Session {
  kind: 'participant' | 'organizer';
  conferenceId: string;
  participantId: string | null;
  name: string;
  roles: Role[];
  endpointId: string | null;
  accessToken: string;
  refreshToken: string;
  /** Local time (ms) the access token expires, from expiresIn. */
  expiresAt: number;
  /** Where it is kept on the device: the view it lands on. */
  slot: string;
  /** The code of the join link it came from (upper case), if any: opening that link again resumes it. */
  joinCode?: string | null;
}

/** A session the server ended, shown until the person signs in again. */
export interface EndedSession {
  conferenceId: string;
  name: string;
  joinCode: string | null;
}

const KEY = 'hoinghi.session';

function tabStore(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** The device's storage (localStorage), or null where the browser refuses it. */
export function deviceStore(): KV | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function load(): Session | null {
  try {
    const raw = tabStore()?.getItem(KEY);
    const s = raw ? (JSON.parse(raw) as Session) : null;
    return s && !s.slot ? { ...s, slot: homeView(s.roles, s.kind === 'organizer') } : s;
  } catch {
    return null;
  }
}

export const session = signal<Session | null>(load());
export const endedSession = signal<EndedSession | null>(null);

/** Makes `s` this tab's session and keeps it on the device; null signs this tab out (the device keeps its copy). */
export function saveSession(s: Session | null): void {
  session.value = s;
  if (s) endedSession.value = null;
  try {
    if (s) tabStore()?.setItem(KEY, JSON.stringify(s));
    else tabStore()?.removeItem(KEY);
  } catch {
    // ignore
  }
  const kv = deviceStore();
  if (s && kv) storeSession(kv, s);
}

/** Logging out: this tab and the device forget the session. */
export function signOut(): void {
  const s = session.value;
  const kv = deviceStore();
  if (s && kv) forgetSession(kv, s);
  saveSession(null);
}

/** The server ended the tab's session: forget it everywhere and say so (the view offers to sign in again). */
export function markSessionEnded(): void {
  const s = session.value;
  if (!s) return;
  const kv = deviceStore();
  if (kv) forgetSession(kv, s);
  endedSession.value = { conferenceId: s.conferenceId, name: s.name, joinCode: s.joinCode ?? null };
  session.value = null;
  try {
    tabStore()?.removeItem(KEY);
  } catch {
    // ignore
  }
}

/** A tab opening a conference's view without a session of its own takes the one the device keeps for it. */
export function adoptStoredSession(conferenceId: string, view: string | null): Session | null {
  const kv = deviceStore();
  if (!kv) return null;
  const s = pickForView<Session>(kv, conferenceId, view,
    (x, v) => openableViews(x.roles, x.kind === 'organizer').includes(v as ViewName));
  if (s) saveSession(s);
  return s;
}

/** The session the device got from this join link before, if any. */
export function storedJoinSession(conferenceId: string, code: string): Session | null {
  const kv = deviceStore();
  return kv ? pickForJoin<Session>(kv, conferenceId, code) : null;
}

export function sessionFrom(body: TokenBody, conferenceId: string, joinCode?: string | null): Session {
  const roles = (body.roles ?? []).filter((r): r is Role => ['CHAIR', 'SECRETARY', 'HOST', 'DELEGATE', 'OBSERVER'].includes(r));
  return {
    kind: body.kind,
    conferenceId: body.conferenceId ?? conferenceId,
    participantId: body.participantId ?? null,
    name: body.name ?? '',
    roles,
    endpointId: body.endpointId ?? null,
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    expiresAt: Date.now() + body.expiresIn * 1000,
    slot: homeView(roles, body.kind === 'organizer'),
    joinCode: joinCode ? joinCode.trim().toUpperCase() : null,
  };
}

/**
 * Trades the refresh token for new tokens; roles and endpoint are read again from the roster. 'ended' when the
 * server says the session ended (401 SESSION_ENDED): the session is then forgotten (markSessionEnded).
 */
export async function refreshSession(): Promise<boolean | 'ended'> {
  const s = session.value;
  if (!s) return false;
  try {
    const body = await api.refresh(s.refreshToken);
    const next = sessionFrom({ ...body, conferenceId: s.conferenceId, participantId: body.participantId ?? s.participantId ?? undefined,
      name: body.name ?? s.name, roles: body.roles ?? s.roles, endpointId: body.endpointId ?? s.endpointId } as TokenBody, s.conferenceId, s.joinCode);
    // Stays in the slot it was stored in, whatever the roles say now.
    saveSession({ ...next, slot: s.slot });
    return true;
  } catch (e) {
    if (e instanceof ApiFailure && e.error.code === 'SESSION_ENDED') {
      markSessionEnded();
      return 'ended';
    }
    return false;
  }
}

/** The view a role lands on after logging in or joining. */
export function homeView(roles: readonly string[], organizer = false): ViewName {
  if (roles.includes('CHAIR')) return 'chair';
  if (roles.includes('SECRETARY')) return 'secretary';
  if (roles.includes('HOST')) return 'host';
  if (roles.includes('DELEGATE')) return 'delegate';
  if (roles.includes('OBSERVER')) return 'screen';
  return organizer ? 'secretary' : 'screen';
}

/** Views a participant may open; the screen is read-only and open to everyone in the conference. */
export function allowedViews(roles: readonly string[], organizer = false): RoleViewName[] {
  const out: RoleViewName[] = [];
  if (roles.includes('CHAIR')) out.push('chair');
  if (roles.includes('SECRETARY') || roles.includes('CHAIR') || organizer) out.push('secretary');
  if (roles.includes('HOST')) out.push('host');
  if (roles.includes('DELEGATE')) out.push('delegate');
  out.push('screen');
  return out;
}

/**
 * The synthesis views a person may open, as the server's permissions stand (docs/report.md): the report to
 * moderators, organizers and hosts (a host reads their endpoint's part); revising the draft to those who may import
 * it (roles.md: ImportDraft — secretary, organizer); the differences to everyone in the conference; the audit log
 * to moderators and organizers.
 */
export function synthesisViews(roles: readonly string[], organizer = false): SynthesisViewName[] {
  const moderator = organizer || roles.includes('CHAIR') || roles.includes('SECRETARY');
  const out: SynthesisViewName[] = [];
  if (moderator || roles.includes('HOST')) out.push('report');
  if (organizer || roles.includes('SECRETARY')) out.push('revise');
  out.push('diff');
  if (moderator) out.push('audit');
  return out;
}

/** Every view this person may open by its route. */
export function openableViews(roles: readonly string[], organizer = false): ViewName[] {
  return [...allowedViews(roles, organizer), ...synthesisViews(roles, organizer)];
}
