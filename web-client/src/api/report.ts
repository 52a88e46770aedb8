// The report, audit log and draft-version routes (docs/api.md, "Report, audit log and draft versions") and their
// shapes as the server encodes them: the synthesis report's records, the word diff, the audit rows. These routes are
// REST only; the bodies built from the server's RestBody records (the versions, the orphans, a draft's check) have
// generated types, re-exported here; the report's and the diff's records are declared here, the one module the views
// and tests import.
// Fields the server leaves null are absent from its JSON, hence the optional fields.
import type { DraftPreview, DraftVersionList, OrphanList } from '../protocol.gen';
import { ApiFailure } from './rest';
import { refreshSession, session } from '../app/session';

export type { ImportProblem, Orphan, VersionInfo } from '../protocol.gen';

// ------------------------------------------------------------------------------------------- the report

export interface Count { agree: number; disagree: number; other: number; total: number }

export interface EndpointCount { endpointId: string; name: string; counted: Count; collective: boolean; individual: Count }

export interface VoteResult {
  voteId: string; title?: string; mode: 'NAMED' | 'ANONYMOUS'; status: 'OPEN' | 'CLOSED'; openedAt?: string; closedAt?: string;
  draftVersion: number; overall: Count; byEndpoint: EndpointCount[];
  /** A vote between alternative wordings: what was voted on and how many chose each alternative. */
  targetId?: string; targetLabel?: string; alternatives?: AlternativeCount[];
}

export interface AlternativeCount { alternativeId: string; label: string; count: number; percent: number }

export type FeedbackKind = 'COMMENT' | 'QUESTION' | 'PROPOSED_WORDING' | 'REPLY' | 'VOTE_OPINION';

export interface Answer { kind: 'ACCEPTED' | 'EXPLAINED' | 'NOTED'; text?: string; byName?: string; at?: string }

export interface FeedbackItem {
  id: string; kind: FeedbackKind; articleId?: string; nodeId?: string; nodeLabel?: string; quote?: string; body?: string;
  replacement?: string; endpointId?: string; endpointName?: string; authorId?: string; authorName?: string; at?: string;
  draftVersion: number; orphaned: boolean; voteId?: string; answer?: Answer; replyTo?: string; replies: FeedbackItem[];
}

export interface SpeechItem {
  requestId?: string; participantId?: string; speakerName?: string; endpointId?: string; endpointName?: string;
  kind?: 'CONTRIBUTION' | 'POINT_OF_ORDER' | 'REPLY'; forHall: boolean; articleId?: string; startedAt?: string; endedAt?: string;
  spokenSeconds: number;
}

export interface ArticleSection {
  articleId: string; number: string; title?: string; chapterLabel?: string; chapterTitle?: string;
  votes: VoteResult[]; feedback: FeedbackItem[]; speeches: SpeechItem[];
}

export interface EndpointAttendance {
  endpointId: string; code: string; name: string; level: 'CENTRAL' | 'PROVINCIAL' | 'COMMUNE'; checkedIn: boolean;
  checkedInAt?: string; headCount: number; participants: number; ballots: number; hallResults: number;
  /** The hall's opinions in the table (annotations, ý kiến khác, summarized speeches; merged ones too). */
  feedbackItems: number; replies: number; speeches: number; spokenSeconds: number;
}

/**
 * The report's counts. The opinions are the table's: `opinions` is its number of rows (= tableTotals.rows); by kind
 * each opinion counts once, `merged` of them joined another row (kinds − merged = opinions); the answers count rows.
 * `replies` are replies in threads, not opinions of the table.
 */
export interface Totals {
  endpoints: number; endpointsCheckedIn: number; headCount: number; participants: number; votes: number; ballots: number;
  hallResults: number; opinions: number; comments: number; questions: number; proposedWordings: number; voteOpinions: number;
  speechSummaries: number; writtenOpinions: number; merged: number; replies: number;
  hidden: number; deleted: number; accepted: number; explained: number; noted: number; unanswered: number; orphaned: number;
  speeches: number; spokenSeconds: number;
}

export interface ReportHeading {
  conferenceId: string; title?: string; description?: string; status: 'DRAFT' | 'SCHEDULED' | 'LIVE' | 'FEEDBACK_OPEN' | 'CLOSED';
  isFinal: boolean; startsAt?: string; startedAt?: string; feedbackDeadline?: string; closedAt?: string; draftVersion: number;
  draftVersions: number; draftTitle?: string; generatedAt: string; asOfSeq: number;
}

export interface EndpointRef { endpointId: string; code: string; name: string }

export interface SynthesisReport {
  heading: ReportHeading; endpointScope?: string; attendance: EndpointAttendance[]; articles: ArticleSection[];
  generalFeedback: FeedbackItem[]; generalSpeeches: SpeechItem[]; orphanedFeedback: FeedbackItem[]; totals: Totals;
  endpointsWithoutFeedback: EndpointRef[]; table: TableRow[]; agreedWithoutRemarks: AgreedWithoutRemarks;
  tableTotals: TableTotals;
}

/** One row of the report's table of opinions; `opinionIds` are for answering, never shown. */
export interface TableRow {
  stt: number; placeAtOpinion: string; placeNow?: string; sources: string[]; content: string; answer: string;
  answerKind?: 'ACCEPTED' | 'EXPLAINED' | 'NOTED'; opinionIds: string[];
}

export interface TableTotals { rows: number; answered: number; accepted: number; explained: number; noted: number; unanswered: number }

export interface AgreedWithoutRemarks { articles: string[]; halls: string[] }

export type ReportFormat = 'docx' | 'pdf' | 'xlsx' | 'csv' | 'md';

// ------------------------------------------------------------------------------------------- draft versions


export type SegmentOp = 'EQUAL' | 'DELETE' | 'INSERT';
export interface Segment { op: SegmentOp; text: string }
export type ArticleStatus = 'UNCHANGED' | 'RENUMBERED' | 'CHANGED' | 'ADDED' | 'REMOVED';

export interface Proposal { annotationId: string; nodeId?: string; authorName?: string; endpointName?: string; quote?: string; replacement?: string }

export interface ArticleChange {
  articleId: string; status: ArticleStatus; fromNumber?: string; toNumber?: string; fromTitle?: string; toTitle?: string;
  title: Segment[]; body: Segment[]; proposals: { proposal: Proposal; applied: boolean }[];
}

export interface Comparison { fromVersion: number; toVersion: number; articles: ArticleChange[] }

export interface NodeEdit { nodeId: string; title?: string; text?: string }

export interface ReviseRequest {
  baseVersion: number; accept: string[]; edits: NodeEdit[]; note?: string; dryRun?: boolean; markAccepted?: boolean;
  /** The alternative wording kept per group (group node id → alternative node id), where the reviser chose it. */
  alternatives?: Record<string, string>;
}

export interface Applied { annotationId: string; nodeId: string; before: string; after: string }

export interface RevisePreview { baseVersion: number; applied: Applied[]; edited: string[]; changedArticles: number; text: string; diff: Comparison }

export interface ReviseDone {
  type: 'ack'; version: number; firstSeq: number; lastSeq: number; baseVersion: number; applied: Applied[]; edited: string[];
  changedArticles: number; responses: { type: string; annotationId: string; code?: string }[];
}

/** A draft's check by the importer (POST …/draft/preview): the same body for a text and for an uploaded file. */
export type DraftCheck = DraftPreview;
export type DraftFileCheck = DraftPreview;

// ------------------------------------------------------------------------------------------- the audit log

export interface AuditRow { seq: number; at?: string; type: string; actor?: string; actorName?: string; commandId?: string; data: unknown }
export interface AuditPage { conferenceId: string; events: AuditRow[]; next: number | null }

// ------------------------------------------------------------------------------------------- calls

const base = (conferenceId: string) => `/api/conferences/${encodeURIComponent(conferenceId)}`;

function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? '?' + s : '';
}

/**
 * A request with the session's access token. A 401 (the token expired while the tab slept) refreshes the session
 * once and tries again; any other failure becomes an ApiFailure in the server's error shape.
 */
export async function authedFetch(path: string, init: RequestInit = {}, retried = false): Promise<Response> {
  const token = session.value?.accessToken;
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiFailure({ status: 0, code: 'NETWORK', message: null });
  }
  if (res.status === 401 && !retried && (await refreshSession()) === true) return authedFetch(path, init, true);
  if (!res.ok) {
    let json: any = null;
    try {
      json = JSON.parse(await res.text());
    } catch {
      json = null;
    }
    throw new ApiFailure({ status: res.status, code: json?.code ?? 'HTTP_' + res.status, message: json?.message ?? null, details: json?.details });
  }
  return res;
}

async function json<T>(path: string, init?: RequestInit): Promise<T> {
  return (await (await authedFetch(path, init)).json()) as T;
}

/** Fetches a file with the token and hands it to the browser as a download under `fileName`. */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const res = await authedFetch(path);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const reportApi = {
  report: (conferenceId: string, opts: { version?: number | null; endpoint?: string | null } = {}) =>
    json<SynthesisReport>(`${base(conferenceId)}/report${query({ version: opts.version, endpoint: opts.endpoint })}`),
  /** An export's path. The Word, PDF and Markdown files carry the heading the conference stores (SetReportHeading). */
  reportFile: (conferenceId: string, format: ReportFormat, opts: { version?: number | null; endpoint?: string | null }) =>
    `${base(conferenceId)}/report/${format}${query({ version: opts.version, endpoint: opts.endpoint })}`,
  versions: (conferenceId: string) => json<DraftVersionList>(`${base(conferenceId)}/drafts`),
  version: (conferenceId: string, version: number) =>
    json<import('../protocol.gen').DraftDocument>(`${base(conferenceId)}/drafts/${version}?format=json`),
  /** A version as the importable Markdown text. */
  versionText: async (conferenceId: string, version: number) =>
    (await authedFetch(`${base(conferenceId)}/drafts/${version}?format=md`)).text(),
  versionFile: (conferenceId: string, version: number, format: 'md' | 'docx') => `${base(conferenceId)}/drafts/${version}?format=${format}`,
  diff: (conferenceId: string, from: number, to: number) => json<Comparison>(`${base(conferenceId)}/drafts/diff${query({ from, to })}`),
  diffFile: (conferenceId: string, from: number, to: number, format: 'md' | 'docx') =>
    `${base(conferenceId)}/drafts/diff${query({ from, to, format })}`,
  orphans: (conferenceId: string) => json<OrphanList>(`${base(conferenceId)}/drafts/orphans`),
  revise: <T extends RevisePreview | ReviseDone>(conferenceId: string, body: ReviseRequest, idempotencyKey?: string) =>
    json<T>(`${base(conferenceId)}/drafts/revise`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}) },
      body: JSON.stringify(body),
    }),
  /** Checks a whole draft text with the importer (POST …/draft/preview); changes nothing. */
  checkDraft: (conferenceId: string, text: string) =>
    json<DraftCheck>(`${base(conferenceId)}/draft/preview`, { method: 'POST', headers: { 'Content-Type': 'text/markdown; charset=utf-8' }, body: text }),
  /** Imports a whole draft text as the next version (POST …/draft: ImportDraft). */
  importDraft: (conferenceId: string, text: string, note: string, idempotencyKey: string) =>
    json<{ type: 'ack'; firstSeq: number; lastSeq: number }>(`${base(conferenceId)}/draft${query({ note })}`, {
      method: 'POST', headers: { 'Content-Type': 'text/markdown; charset=utf-8', 'Idempotency-Key': idempotencyKey }, body: text,
    }),
  /** Checks an uploaded file (.docx, .md, .txt) with the importer (POST …/draft/preview); changes nothing. */
  previewDraftFile: (conferenceId: string, file: Blob, contentType: string) =>
    json<DraftFileCheck>(`${base(conferenceId)}/draft/preview`, { method: 'POST', headers: { 'Content-Type': contentType }, body: file }),
  /** Imports an uploaded file as the next version (POST …/draft: ImportDraft), the same body and type as its preview. */
  importDraftFile: (conferenceId: string, file: Blob, contentType: string, note: string, idempotencyKey: string) =>
    json<{ type: 'ack'; firstSeq: number; lastSeq: number }>(`${base(conferenceId)}/draft${query({ note })}`, {
      method: 'POST', headers: { 'Content-Type': contentType, 'Idempotency-Key': idempotencyKey }, body: file,
    }),
  /** Written opinions of agencies from a CSV or XLSX file (POST …/opinions/import: ImportWrittenOpinions). */
  importOpinions: (conferenceId: string, file: Blob, contentType: string, idempotencyKey: string) =>
    json<{ type: 'ack'; added: number }>(`${base(conferenceId)}/opinions/import`, {
      method: 'POST', headers: { 'Content-Type': contentType, 'Idempotency-Key': idempotencyKey }, body: file,
    }),
  audit: (conferenceId: string, after: number, limit: number) => json<AuditPage>(`${base(conferenceId)}/audit${query({ after, limit })}`),
  auditFile: (conferenceId: string, format: 'csv' | 'jsonl') => `${base(conferenceId)}/audit/${format}`,
};
