// The audit log (GET …/audit): the conference's whole event history, a page at a time — who did what, when —
// opening on the newest events, with the whole log as CSV or JSON Lines. Moderators only; the server already takes
// out what must not be read (an anonymous ballot's voter and command id, the text of withdrawn feedback).
import { useEffect, useState } from 'preact/hooks';
import { reportApi, type AuditRow } from '../api/report';
import { catalogs, formatDateTime, lang, t, type MessageKey } from '../i18n';
import { auditFileName } from '../report/fileNames';
import { dataSummary, newestAfter, pageAfter, timeToTheMinute, type PageMove } from '../report/audit';
import { conference } from '../state/store';
import { DownloadButton } from '../ui/Download';
import { Shell } from '../ui/Shell';
import { useRemote } from '../ui/useRemote';
import { ErrorPanel } from '../ui/errors';

/** The event's name in the reader's language ("Bỏ phiếu", "Ballot cast"), or its type when the catalog lacks it. */
export function eventLabel(type: string): string {
  const key = `event.${type}` as MessageKey;
  return key in catalogs[lang.value] ? t(key) : type;
}

/** Who, as the server recorded them: a person's name with their id, the system, an anonymous voter, a guest. */
function Who(props: { row: AuditRow }) {
  const { actor, actorName } = props.row;
  if (actor === 'anonymous-voter') return <span class="badge" data-testid="audit-anonymous">{t('audit.anonymousVoter')}</span>;
  if (actor === 'system') return <span>{t('audit.system')}</span>;
  if (actor === 'anonymous') return <span>{t('audit.guest')}</span>;
  const organizer = actor?.startsWith('organizer:');
  // The server names an organizer account without a display name "Ban tổ chức": say it in the reader's language.
  if (organizer && (!actorName || actorName === 'Ban tổ chức')) return <span>{t('role.ORGANIZER')}</span>;
  return (
    <span>
      {actorName ?? actor}
      {organizer && <span class="muted small-text"> ({t('role.ORGANIZER')})</span>}
      {actor && !organizer && actorName && actorName !== actor && <span class="muted small-text"> ({actor})</span>}
    </span>
  );
}

const SIZES = [50, 100, 200, 500];

export function AuditView() {
  const s = conference.value!;
  const upTo = s.upTo;
  const [limit, setLimit] = useState(50);
  // null: follow the newest page as the log grows.
  const [after, setAfter] = useState<number | null>(null);
  const cursor = after ?? newestAfter(limit, upTo);
  const page = useRemote(() => reportApi.audit(s.conferenceId, cursor, limit), [s.conferenceId, cursor, limit]);
  const [open, setOpen] = useState<number | null>(null);
  const rows = page.data?.events ?? [];
  const first = rows[0]?.seq;
  const last = rows[rows.length - 1]?.seq;
  const move = (m: PageMove) => setAfter(m === 'newest' ? null : pageAfter(m, cursor, limit, upTo));
  useEffect(() => setOpen(null), [cursor, limit]);
  const newestFirst = [...rows].reverse();
  return (
    <Shell view="audit" wide>
      <section class="panel" aria-labelledby="au-h" data-testid="audit">
        <h2 id="au-h" class="section-title">{t('audit.heading')}</h2>
        <p class="hint">{t('audit.hint')}</p>
        <div class="row downloads" role="group" aria-label={t('dl.group')}>
          <DownloadButton label={t('audit.dlCsv')} testId="dl-audit-csv" kind="csv" path={() => reportApi.auditFile(s.conferenceId, 'csv')}
            fileName={() => auditFileName(s.info?.title, new Date(), 'csv')} />
          <DownloadButton label={t('audit.dlJsonl')} testId="dl-audit-jsonl" kind="jsonl" path={() => reportApi.auditFile(s.conferenceId, 'jsonl')}
            fileName={() => auditFileName(s.info?.title, new Date(), 'jsonl')} />
        </div>
        <nav class="row pager" aria-label={t('audit.pages')}>
          <button type="button" class="small secondary" disabled={cursor === 0} onClick={() => move('first')}>« {t('audit.first')}</button>
          <button type="button" class="small secondary" disabled={cursor === 0} data-testid="audit-prev" onClick={() => move('prev')}>‹ {t('audit.older')}</button>
          <span data-testid="audit-range" aria-live="polite">
            {first !== undefined ? t('audit.range', { a: first, b: last!, total: upTo }) : t('audit.empty')}
          </span>
          <button type="button" class="small secondary" disabled={cursor >= newestAfter(limit, upTo)} data-testid="audit-next" onClick={() => move('next')}>{t('audit.newer')} ›</button>
          <button type="button" class="small secondary" disabled={after === null} onClick={() => move('newest')}>{t('audit.newest')} »</button>
          <label for="au-size">{t('audit.pageSize')}</label>
          <select id="au-size" value={String(limit)} onChange={(e) => {
            setLimit(Number((e.target as HTMLSelectElement).value));
            setAfter(null);
          }}>
            {SIZES.map((n) => <option key={n} value={String(n)}>{n}</option>)}
          </select>
          {after === null && <span class="badge ok">{t('audit.following')}</span>}
        </nav>
      </section>
      {page.error && <ErrorPanel error={page.error} fallback="audit.failed" onRetry={page.reload} />}
      <section class="panel">
        <table class="report-table audit-table" data-testid="audit-table" aria-busy={page.loading}>
          <caption class="sr-only">{t('audit.caption')}</caption>
          <thead>
            <tr><th scope="col">#</th><th scope="col">{t('audit.when')}</th><th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th><th scope="col">{t('audit.details')}</th></tr>
          </thead>
          <tbody>
            {newestFirst.map((r) => (
              <tr key={r.seq} data-testid="audit-row" data-type={r.type} data-seq={r.seq}>
                <td data-label="#">{r.seq}</td>
                <td data-label={t('audit.when')}>{r.at ? formatDateTime(Date.parse(r.at), !timeToTheMinute(r.type)) : ''}</td>
                <td data-label={t('audit.who')} data-testid="audit-who"><Who row={r} /></td>
                <td data-label={t('audit.what')} data-testid="audit-what">{eventLabel(r.type)}<div class="muted small-text">{r.type}</div></td>
                <td data-label={t('audit.details')} class="audit-data">
                  <span>{dataSummary(r.data)}</span>{' '}
                  <button type="button" class="link small-text" aria-expanded={open === r.seq} onClick={() => setOpen(open === r.seq ? null : r.seq)}>
                    {open === r.seq ? t('audit.hideData') : t('audit.showData')}</button>
                  {open === r.seq && (
                    <pre class="audit-json">{JSON.stringify(r.data, null, 2)}{r.commandId ? `\n${t('audit.commandId')}: ${r.commandId}` : ''}</pre>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {page.data && rows.length === 0 && <p class="muted">{t('audit.empty')}</p>}
      </section>
    </Shell>
  );
}
