// The REST calls the client makes (docs/api.md). Errors come back in the WebSocket's error shape.
import type {
  ConferenceList,
  ConferenceState,
  IssuedInvite,
  JoinAdmitted,
  JoinCodeInfo,
  JoinPending,
  JoinRequestState,
  LoginChoice,
  OrganizerTokens,
  ParticipantInfo,
  ParticipantTokens,
  ServerInfoBody,
} from '../protocol.gen';

// The answers' bodies are generated from the server's records (wire/RestBody.java, docs/api.md).
export type {
  ConferenceSummary,
  JoinCodeInfo,
  JoinPending,
  OrganizerTokens,
  ParticipantTokens,
  ServerInfoBody,
} from '../protocol.gen';

export interface ApiError {
  status: number;
  code: string;
  message: { vi: string; en: string } | null;
  details?: string[];
  retryAfter?: number;
}

/** The fields of `T` that `U` lacks, read as absent: lets a union of bodies be read field by field. */
type Absent<T, U> = { [K in Exclude<keyof T, keyof U>]?: undefined };

/** Either kind of tokens (a participant's or an organizer's), readable field by field. */
export type TokenBody =
  | (ParticipantTokens & Absent<OrganizerTokens, ParticipantTokens>)
  | (OrganizerTokens & Absent<ParticipantTokens, OrganizerTokens>);

export type LoginResult = TokenBody | LoginChoice;

/** GET /api/join/requests/{id}: still waiting, refused (with the reason), or admitted with the participant's tokens. */
export type JoinRequestStatus = JoinRequestState | JoinAdmitted;

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
  conferences: () => call<ConferenceList>('GET', '/api/conferences'),
  info: () => call<ServerInfoBody>('GET', '/api/info'),
  state: (conferenceId: string, token: string) =>
    call<ConferenceState>('GET', `/api/conferences/${encodeURIComponent(conferenceId)}/state`, undefined, token),
  issueInvite: (conferenceId: string, token: string, role: string, endpointId: string, expiresAt: string, maxUses?: number) =>
    call<IssuedInvite>('POST', `/api/conferences/${encodeURIComponent(conferenceId)}/invites`,
      { role, endpointId, expiresAt, ...(maxUses ? { maxUses } : {}) }, token),
  participant: (conferenceId: string, token: string, participantId: string) =>
    call<ParticipantInfo>('GET',
      `/api/conferences/${encodeURIComponent(conferenceId)}/participants/${encodeURIComponent(participantId)}`, undefined, token),
  tally: (conferenceId: string, token: string, voteId: string) =>
    call<{ voteId: string; status: 'OPEN' | 'CLOSED'; asOf: number; articles: any[] }>('GET',
      `/api/conferences/${encodeURIComponent(conferenceId)}/votes/${encodeURIComponent(voteId)}/tally`, undefined, token),
};
