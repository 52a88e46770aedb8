// Delegate lists and attendance (docs/api.md "Delegate lists and attendance"): REST reads with the session's token,
// and the list import (CSV or XLSX). The changes themselves are commands (MarkAttendance, EndSessions…).
import type { Attendance, DelegateList, DelegateListing } from '../protocol.gen';
import { authedFetch } from './report';

const base = (conferenceId: string) => `/api/conferences/${encodeURIComponent(conferenceId)}`;
const q = (endpointId?: string | null) => (endpointId ? `?endpointId=${encodeURIComponent(endpointId)}` : '');

// The bodies are generated from the server's records (wire/RestBody.java).
export type {
  Attendance,
  AttendanceHall,
  AttendancePerson,
  DelegateListing as ListedDelegate,
} from '../protocol.gen';

export async function delegates(conferenceId: string, endpointId?: string | null): Promise<DelegateListing[]> {
  const r = await authedFetch(`${base(conferenceId)}/delegates${q(endpointId)}`);
  return ((await r.json()) as DelegateList).delegates;
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
