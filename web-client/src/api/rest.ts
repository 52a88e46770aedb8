// The REST calls the client makes (docs/api.md). Errors come back in the WebSocket's error shape.
import type { ConferenceView } from '../protocol.gen';

export interface ApiError {
  status: number;
  code: string;
  message: { vi: string; en: string } | null;
  details?: string[];
  retryAfter?: number;
}

export interface TokenBody {
  kind: 'participant' | 'organizer';
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  conferenceId?: string;
  participantId?: string;
  accountId?: string;
  name?: string;
  roles?: string[];
  endpointId?: string | null;
  conferences?: string[];
}

export type LoginResult = TokenBody | { kind: 'choose'; conferences: string[] };

export interface ConferenceSummary {
  conferenceId: string;
  title?: string;
  status?: string;
  startsAt?: string;
}

/** GET /api/info: what this server is; the demo's logins only when this start seeded the demo (docs/api.md). */
export interface ServerInfoBody {
  product: string;
  version: string;
  demo: boolean;
  demoConferenceId?: string;
  demoPassword?: string;
  demoLogins?: { username: string; displayName: string; role: string }[];
}

/** GET /api/join/code: what a code opens before joining (docs/api.md). */
export interface JoinCodeInfo {
  conferenceId: string;
  title: string;
  status: string;
  startsAt?: string | null;
  kind: 'PERSONAL' | 'HALL_LINK' | 'INVITE';
  role: string;
  endpointId?: string | null;
  endpointName?: string | null;
  endpointCode?: string | null;
  usable: boolean;
  name?: string;
  refusal?: { code: string; message: { vi: string; en: string } };
  delegates?: { participantId: string; fullName: string; position?: string | null }[];
}

/** POST /api/join answered 202: a hall's shared link, a request the host admits or refuses. */
export interface JoinPending {
  status: 'PENDING';
  requestId: string;
  requestKey: string;
  conferenceId: string;
  displayName: string;
  endpointId?: string | null;
  duplicate?: boolean;
}

/** GET /api/join/requests/{id}: still waiting, refused (with the reason), or admitted with the participant's tokens. */
export type JoinRequestStatus =
  | { status: 'PENDING'; requestId: string; conferenceId: string }
  | { status: 'REFUSED'; requestId: string; conferenceId: string; reason?: string | null }
  | ({ status: 'ADMITTED'; requestId: string } & TokenBody);

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.code);
  }
}

async function call<T>(method: string, path: string, body?: unknown, token?: string | null, extra?: Record<string, string>): Promise<T> {
  const headers: Record<string, string> = { ...(extra ?? {}) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiFailure({ status: 0, code: 'NETWORK', message: null });
  }
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const ra = res.headers.get('Retry-After');
    throw new ApiFailure({ status: res.status, code: json?.code ?? 'HTTP_' + res.status, message: json?.message ?? null,
      details: json?.details, retryAfter: ra ? Number(ra) : undefined });
  }
  return json as T;
}

export const api = {
  login: (username: string, password: string, conferenceId?: string) =>
    call<LoginResult>('POST', '/api/login', { username, password, ...(conferenceId ? { conferenceId } : {}) }),
  /** A personal code or an invite signs in (tokens); a hall's shared link answers a request to wait on (202). */
  join: (conferenceId: string, code: string, displayName: string, claimParticipantId?: string) =>
    call<TokenBody | JoinPending>('POST', '/api/join', claimParticipantId
      ? { conferenceId, code, claimParticipantId } : { conferenceId, code, displayName }),
  joinCode: (conferenceId: string, code: string) =>
    call<JoinCodeInfo>('GET', `/api/join/code?conferenceId=${encodeURIComponent(conferenceId)}&code=${encodeURIComponent(code)}`),
  joinStatus: (conferenceId: string, requestId: string, requestKey: string) =>
    call<JoinRequestStatus>('GET', `/api/join/requests/${encodeURIComponent(requestId)}?conferenceId=${encodeURIComponent(conferenceId)}`,
      undefined, null, { 'X-Join-Key': requestKey }),
  refresh: (refreshToken: string) => call<TokenBody>('POST', '/api/token/refresh', { refreshToken }),
  conferences: () => call<{ conferences: ConferenceSummary[] }>('GET', '/api/conferences'),
  info: () => call<ServerInfoBody>('GET', '/api/info'),
  state: (conferenceId: string, token: string) =>
    call<{ upTo: number; state: ConferenceView }>('GET', `/api/conferences/${encodeURIComponent(conferenceId)}/state`, undefined, token),
  issueInvite: (conferenceId: string, token: string, role: string, endpointId: string, expiresAt: string, maxUses?: number) =>
    call<{ code: string; joinUrl: string }>('POST', `/api/conferences/${encodeURIComponent(conferenceId)}/invites`,
      { role, endpointId, expiresAt, ...(maxUses ? { maxUses } : {}) }, token),
  participant: (conferenceId: string, token: string, participantId: string) =>
    call<{ participantId: string; displayName: string; endpointId: string | null; roles: string[]; active: boolean }>('GET',
      `/api/conferences/${encodeURIComponent(conferenceId)}/participants/${encodeURIComponent(participantId)}`, undefined, token),
  tally: (conferenceId: string, token: string, voteId: string) =>
    call<{ voteId: string; status: 'OPEN' | 'CLOSED'; asOf: number; articles: any[] }>('GET',
      `/api/conferences/${encodeURIComponent(conferenceId)}/votes/${encodeURIComponent(voteId)}/tally`, undefined, token),
};
