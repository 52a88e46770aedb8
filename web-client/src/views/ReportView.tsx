// The synthesis report (báo cáo tổng hợp, tiếp thu, giải trình ý kiến góp ý), live while the conference runs and
// final after it, with its exports. Moderators read the whole conference and may limit it to one endpoint; a host
// reads their endpoint's part (the server filters). Also the report's summary panel in the chair's console.
import { useState } from 'preact/hooks';
import { reportApi, type ReportFormat, type SynthesisReport } from '../api/report';
import { href } from '../app/router';
import { session } from '../app/session';
import { t } from '../i18n';
import { reportFileName } from '../report/fileNames';
import type { ConferenceState } from '../state/conference';
import { endpointName, hasRole } from '../state/selectors';
import { conference } from '../state/store';
import { DownloadButton } from '../ui/Download';
import { ReportHeadingForm } from '../ui/ReportHeadingForm';
import { ArticleReport, AttendanceTable, FeedbackTable, hasContent, reportStatus, Speeches, TotalsPanel } from '../ui/ReportParts';
import { Shell } from '../ui/Shell';
import { useRemote } from '../ui/useRemote';
import { ErrorPanel } from '../ui/errors';

const FORMATS: { format: ReportFormat; label: string }[] = [
  { format: 'docx', label: 'Word (DOCX)' },
  { format: 'pdf', label: 'PDF' },
  { format: 'xlsx', label: 'Excel (XLSX)' },
  { format: 'csv', label: 'CSV' },
  { format: 'md', label: 'Markdown' },
];

function isModerator(s: ConferenceState): boolean {
  return session.value?.kind === 'organizer' || hasRole(s, 'CHAIR') || hasRole(s, 'SECRETARY');
}

/**
 * The five export buttons; each names its file after the conference, the scope and the time. The Word, PDF and Markdown
 * files carry the heading the drafting team saved for the conference (ReportHeadingForm); the server applies it.
 */
function ReportDownloads(props: { state: ConferenceState; version: number | null; endpoint: string | null;
  report: SynthesisReport | null }) {
  const { state } = props;
  const current = state.draft?.version ?? 1;
  const scope = props.endpoint ?? props.report?.endpointScope ?? null;
  return (
    <div class="row downloads" role="group" aria-label={t('report.download')} data-testid="report-downloads">
      {FORMATS.map(({ format, label }) => (
        <DownloadButton key={format} label={label} testId={`dl-report-${format}`} kind={format}
          path={() => reportApi.reportFile(state.conferenceId, format, { version: props.version, endpoint: props.endpoint })}
          fileName={() => reportFileName({
            title: state.info?.title, endpointName: scope ? endpointName(state, scope) : null,
            isFinal: props.report?.heading.isFinal ?? state.info?.status === 'CLOSED',
            olderVersion: props.version && props.version !== current ? props.version : null, at: new Date(),
          }, format)} />
      ))}
    </div>
  );
}

export function ReportView() {
  const s = conference.value!;
  const moderator = isModerator(s);
  const versions = s.draft?.versions ?? 1;
  const [version, setVersion] = useState<number | null>(null);
  const [endpoint, setEndpoint] = useState('');
  const [onlyWithContent, setOnlyWithContent] = useState(true);
  const [live, setLive] = useState(true);
  const ep = moderator ? endpoint || null : null;
  const report = useRemote(() => reportApi.report(s.conferenceId, { version, endpoint: ep }), [s.conferenceId, version, ep],
    { throttleMs: 5000, enabled: live });
  const r = report.data;
  const articles = r ? (onlyWithContent ? r.articles.filter(hasContent) : r.articles) : [];
  return (
    <Shell view="report" wide>
      <section class="panel" aria-labelledby="rep-h" data-testid="report-controls">
        <h2 id="rep-h" class="section-title">{t('report.heading')}</h2>
        {r && <p data-testid="report-status" class={r.heading.isFinal ? 'ok' : ''}>{reportStatus(r)}</p>}
        {!moderator && s.me?.endpointId && <p class="notice-inline" data-testid="report-scope">{t('report.hostScope', { endpoint: endpointName(s, s.me.endpointId) })}</p>}
        <form class="row filters" onSubmit={(e) => e.preventDefault()} aria-label={t('sec.filters')}>
          {versions > 1 && (
            <>
              <label for="rep-version">{t('report.version')}</label>
              <select id="rep-version" data-testid="report-version" value={version ? String(version) : ''}
                onChange={(e) => setVersion(Number((e.target as HTMLSelectElement).value) || null)}>
                <option value="">{t('report.currentVersion', { v: s.draft?.version ?? 1 })}</option>
                {Array.from({ length: versions }, (_, i) => i + 1).filter((v) => v !== s.draft?.version).map((v) => (
                  <option key={v} value={String(v)}>{t('draft.version', { v })}</option>
                ))}
              </select>
            </>
          )}
          {moderator && (
            <>
              <label for="rep-endpoint">{t('sec.endpoint')}</label>
              <select id="rep-endpoint" data-testid="report-endpoint" value={endpoint} onChange={(e) => setEndpoint((e.target as HTMLSelectElement).value)}>
                <option value="">{t('report.allEndpoints')}</option>
                {s.endpointOrder.map((e) => <option key={e} value={e}>{endpointName(s, e)}</option>)}
              </select>
            </>
          )}
          <label class="checkbox">
            <input type="checkbox" checked={onlyWithContent} data-testid="report-only-content"
              onChange={(e) => setOnlyWithContent((e.target as HTMLInputElement).checked)} />{t('report.onlyWithContent')}
          </label>
          <label class="checkbox">
            <input type="checkbox" checked={live} onChange={(e) => setLive((e.target as HTMLInputElement).checked)} />{t('report.autoRefresh')}
          </label>
          <button type="button" class="secondary small" data-testid="report-refresh" onClick={report.reload} disabled={report.loading}>
            {report.loading ? t('app.loading') : t('report.refresh')}</button>
        </form>
        <h3 class="sub" id="dl-h">{t('report.download')}</h3>
        <ReportDownloads state={s} version={version} endpoint={ep} report={r} />
        {moderator && <ReportHeadingForm state={s} />}
      </section>
      {report.error && <ErrorPanel error={report.error} fallback="report.failed" onRetry={report.reload} />}
      {!r && !report.error && <p class="loading">{t('app.loading')}</p>}
      {r && (
        <div data-testid="report" aria-busy={report.loading}>
          <section class="panel" aria-labelledby="rep-tot">
            <h2 id="rep-tot" class="section-title">{t('report.totals')}</h2>
            <p class="muted">{r.heading.draftTitle && `${r.heading.draftTitle} — `}{t('draft.version', { v: r.heading.draftVersion })}</p>
            <TotalsPanel totals={r.totals} />
          </section>
          <section class="panel" aria-labelledby="rep-att">
            <details open={!moderator || !!ep}>
              <summary><h2 id="rep-att" class="section-title inline">{t('report.attendance', { n: r.attendance.length })}</h2></summary>
              <AttendanceTable rows={r.attendance} />
            </details>
          </section>
          <h2 class="section-title report-section">{t('report.byArticle')}</h2>
          {articles.length === 0 && <p class="panel muted">{t('report.nothingYet')}</p>}
          {articles.map((a) => <ArticleReport key={a.articleId} a={a} draftVersion={r.heading.draftVersion} />)}
          {(r.generalFeedback.length > 0 || r.generalSpeeches.length > 0) && (
            <section class="panel" aria-labelledby="rep-gen" data-testid="report-general">
              <h3 id="rep-gen">{t('sec.general')}</h3>
              {r.generalSpeeches.length > 0 && <><h4>{t('report.speakers')}</h4><Speeches speeches={r.generalSpeeches} /></>}
              {r.generalFeedback.length > 0 && <FeedbackTable items={r.generalFeedback} testId="report-general-feedback" />}
            </section>
          )}
          {r.orphanedFeedback.length > 0 && (
            <section class="panel" aria-labelledby="rep-orph" data-testid="report-orphaned">
              <h3 id="rep-orph">{t('report.orphaned')}</h3>
              <p class="hint">{t('diff.orphansHint')}</p>
              <FeedbackTable items={r.orphanedFeedback} testId="report-orphaned-feedback" />
            </section>
          )}
          <section class="panel" aria-labelledby="rep-silent" data-testid="report-silent">
            <h2 id="rep-silent" class="section-title">{t('report.silent', { n: r.endpointsWithoutFeedback.length })}</h2>
            {r.endpointsWithoutFeedback.length === 0 ? <p class="muted">{t('report.noSilent')}</p> : (
              <ul class="silent-list">{r.endpointsWithoutFeedback.map((e) => <li key={e.endpointId}>{e.name}</li>)}</ul>
            )}
          </section>
        </div>
      )}
    </Shell>
  );
}

/** In the chair's console: the report's main numbers, refreshed while the session runs, and its downloads. */
export function ReportPanel(props: { state: ConferenceState; compact?: boolean }) {
  const s = props.state;
  const report = useRemote(() => reportApi.report(s.conferenceId), [s.conferenceId], { throttleMs: 10000 });
  const x = report.data?.totals;
  return (
    <section class={`panel report-panel ${props.compact ? 'compact' : ''}`} aria-labelledby="rp-h" data-testid="report-panel">
      <h2 id="rp-h" class="section-title">{t('report.heading')}</h2>
      {report.data && <p class="small-text muted">{reportStatus(report.data)}</p>}
      {x && (
        <ul class="report-summary">
          <li data-testid="panel-feedback">{t('report.sum.feedback', { n: x.opinions, w: x.proposedWordings })}</li>
          <li>{t('report.sum.answers', { a: x.accepted, e: x.explained, n: x.noted, u: x.unanswered })}</li>
          <li>{t('report.sum.speeches', { n: x.speeches })}</li>
          <li>{t('report.sum.silent', { n: report.data!.endpointsWithoutFeedback.length })}</li>
        </ul>
      )}
      {report.error != null && <p class="error">{t('report.failed')}</p>}
      <ReportDownloads state={s} version={null} endpoint={null} report={report.data} />
      <p><a href={href({ name: 'conference', conferenceId: s.conferenceId, view: 'report' })} data-testid="open-report">{t('report.open')}</a></p>
    </section>
  );
}
