// Delegate lists and attendance (docs/api.md "Delegate lists and attendance"): REST reads with the session's token,
// and the list import (CSV or XLSX). The changes themselves are commands (MarkAttendance, EndSessions…).
import { authedFetch } from './report';

const base = (conferenceId: string) => `/api/conferences/${encodeURIComponent(conferenceId)}`;
const q = (endpointId?: string | null) => (endpointId ? `?endpointId=${encodeURIComponent(endpointId)}` : '');

export interface ListedDelegate {
  participantId: string;
  fullName: string;
  position?: string | null;
  unit?: string | null;
  endpointId: string;
  endpointCode?: string | null;
  endpointName?: string | null;
  phone?: string | null;
  email?: string | null;
  personalCode?: string | null;
  joinUrl?: string | null;
  signedIn?: boolean;
  markedPresent?: boolean;
  online?: boolean;
}

export interface AttendancePerson {
  participantId: string;
  name: string;
  listed: boolean;
  online: boolean;
  markedPresent: boolean;
  present: boolean;
}

export interface AttendanceHall {
  endpointId: string;
  code: string;
  name: string;
  registered: number;
  present: number;
  absent: number;
  people: AttendancePerson[];
}

export interface Attendance {
  registered: number;
  present: number;
  absent: number;
  endpoints: AttendanceHall[];
}

export async function delegates(conferenceId: string, endpointId?: string | null): Promise<ListedDelegate[]> {
  const r = await authedFetch(`${base(conferenceId)}/delegates${q(endpointId)}`);
  return ((await r.json()) as { delegates: ListedDelegate[] }).delegates ?? [];
}

export async function attendance(conferenceId: string, endpointId?: string | null): Promise<Attendance> {
  return (await (await authedFetch(`${base(conferenceId)}/attendance${q(endpointId)}`)).json()) as Attendance;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type the import route reads for a chosen file: XLSX by its name or type, else CSV. */
export function importContentType(file: { name: string; type: string }): string {
  return file.type === XLSX_TYPE || /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv';
}

/** Uploads a delegate list; a refusal is an ApiFailure whose `details` name every problem with its line. */
export async function importDelegates(conferenceId: string, file: File, idempotencyKey: string): Promise<{ added: number }> {
  const r = await authedFetch(`${base(conferenceId)}/delegates/import`, {
    method: 'POST',
    headers: { 'Content-Type': importContentType(file), 'Idempotency-Key': idempotencyKey },
    body: file,
  });
  return (await r.json()) as { added: number };
}
