// Who is logged in, in this tab: tokens and identity from /api/login or /api/join, kept in sessionStorage so that a
// reload keeps the user in, while two tabs may hold two different people (a chair console and a hall screen).
import { signal } from '@preact/signals';
import { api, type TokenBody } from '../api/rest';

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
}

const KEY = 'hoinghi.session';

function load(): Session | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export const session = signal<Session | null>(load());

export function saveSession(s: Session | null): void {
  session.value = s;
  try {
    if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
    else sessionStorage.removeItem(KEY);
  } catch {
    // ignore
  }
}

export function sessionFrom(body: TokenBody, conferenceId: string): Session {
  return {
    kind: body.kind,
    conferenceId: body.conferenceId ?? conferenceId,
    participantId: body.participantId ?? null,
    name: body.name ?? '',
    roles: (body.roles ?? []).filter((r): r is Role => ['CHAIR', 'SECRETARY', 'HOST', 'DELEGATE', 'OBSERVER'].includes(r)),
    endpointId: body.endpointId ?? null,
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    expiresAt: Date.now() + body.expiresIn * 1000,
  };
}

/** Trades the refresh token for new tokens; roles and endpoint are read again from the roster. */
export async function refreshSession(): Promise<boolean> {
  const s = session.value;
  if (!s) return false;
  try {
    const body = await api.refresh(s.refreshToken);
    saveSession({ ...sessionFrom({ ...body, conferenceId: s.conferenceId, participantId: body.participantId ?? s.participantId ?? undefined,
      name: body.name ?? s.name, roles: body.roles ?? s.roles, endpointId: body.endpointId ?? s.endpointId } as TokenBody, s.conferenceId) });
    return true;
  } catch {
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
