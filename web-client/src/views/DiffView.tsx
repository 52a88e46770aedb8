// Differences between any two versions of the draft (GET …/drafts/diff): per article, word by word, with the
// accepted proposals each change came from; the annotations left without a place in the current version; any
// version readable in full, and the comparison table (bảng so sánh) to download.
import { useState } from 'preact/hooks';
import { reportApi, type Orphan, type VersionInfo } from '../api/report';
import { navigate } from '../app/router';
import { formatDateTime, t } from '../i18n';
import { comparisonFileName, draftFileName } from '../report/fileNames';
import { STATUSES, statusCounts } from '../report/diff';
import { takenIn } from '../report/revision';
import type { ConferenceState } from '../state/conference';
import { docIndex, endpointName, participantName } from '../state/selectors';
import { conference } from '../state/store';
import { ArticleDiff, DiffLegend } from '../ui/DiffText';
import { DownloadButton } from '../ui/Download';
import { ErrorPanel } from '../ui/errors';
import { Shell } from '../ui/Shell';
import { useRemote } from '../ui/useRemote';
import { VersionArticle } from '../ui/VersionText';

export function versionLabel(v: VersionInfo, current: number): string {
  const parts = [t('draft.version', { v: v.version })];
  if (v.version === current) parts.push(t('version.current'));
  if (v.note) parts.push(v.note);
  if (v.importedAt) parts.push(formatDateTime(Date.parse(v.importedAt)));
  return parts.join(' — ');
}


function OrphanItem(props: { o: Orphan; state: ConferenceState }) {
  const { o, state } = props;
  return (
    <li data-testid="orphan" data-annotation-id={o.annotationId}>
      <span class={`badge kind-${o.kind}`}>{t(`ann.kind.${o.kind}`)}</span>
      {o.response && <span class={`badge resp-${o.response}`}>{t(`resp.${o.response}`)}</span>}
      {o.quote && <blockquote class="ann-quote">“{o.quote}”</blockquote>}
      {o.body && <p class="ann-body">{o.body}</p>}
      {o.replacement && <p class="ann-replacement"><strong>{t('ann.replacement')}: </strong><span>{o.replacement}</span></p>}
      <div class="byline">{t('ann.by', { name: participantName(state, o.authorId), endpoint: endpointName(state, o.endpointId) })}</div>
    </li>
  );
}

function Orphans(props: { conferenceId: string; version: number }) {
  const s = conference.value!;
  const orphans = useRemote(() => reportApi.orphans(props.conferenceId), [props.conferenceId, props.version]);
  if (orphans.error) return <ErrorPanel error={orphans.error} fallback="diff.orphansFailed" onRetry={orphans.reload} />;
  const idx = docIndex(s);
  const all = orphans.data?.orphans ?? [];
  const taken = all.filter((o) => takenIn(o, idx));
  const lost = all.filter((o) => !takenIn(o, idx));
  return (
    <section class="panel" aria-labelledby="orph-h" data-testid="orphans">
      <h2 id="orph-h" class="section-title">{t('diff.orphans')} <small class="muted">({lost.length})</small></h2>
      <p class="hint">{t('diff.orphansHint')}</p>
      {orphans.data && lost.length === 0 && <p class="muted">{t('diff.noOrphans')}</p>}
      <ul class="orphan-list">{lost.map((o) => <OrphanItem key={o.annotationId} o={o} state={s} />)}</ul>
      {taken.length > 0 && (
        <details data-testid="orphans-taken-in">
          <summary>{t('diff.takenIn', { n: taken.length })}</summary>
          <ul class="orphan-list">{taken.map((o) => <OrphanItem key={o.annotationId} o={o} state={s} />)}</ul>
        </details>
      )}
    </section>
  );
}

export function DiffView(props: { params?: Record<string, string> }) {
  const s = conference.value!;
  const conferenceId = s.conferenceId;
  const title = s.info?.title;
  const current = s.draft?.version ?? 1;
  const versions = useRemote(() => reportApi.versions(conferenceId), [conferenceId, current]);
  const n = versions.data?.current ?? current;
  const p = props.params ?? {};
  const clamp = (x: number) => Math.min(Math.max(1, x), n);
  const to = clamp(Number(p.to) || n);
  const from = clamp(Number(p.from) || Math.max(1, to - 1));
  const [onlyChanged, setOnlyChanged] = useState(true);
  const [reading, setReading] = useState<number | null>(null);
  const diff = useRemote(() => reportApi.diff(conferenceId, from, to), [conferenceId, from, to]);
  const go = (f: number, tt: number) => navigate({ name: 'conference', conferenceId, view: 'diff', params: { from: String(f), to: String(tt) } });
  const list = versions.data?.versions ?? [];
  const articles = diff.data?.articles ?? [];
  const counts = statusCounts(articles);
  const shown = onlyChanged ? articles.filter((a) => a.status !== 'UNCHANGED') : articles;
  return (
    <Shell view="diff" wide>
      <section class="panel" aria-labelledby="diff-h">
        <h2 id="diff-h" class="section-title">{t('diff.heading')}</h2>
        {versions.error && <ErrorPanel error={versions.error} fallback="version.loadFailed" onRetry={versions.reload} />}
        {n < 2 && versions.data && <p class="muted" data-testid="diff-one-version">{t('diff.oneVersion')}</p>}
        <form class="row filters" onSubmit={(e) => e.preventDefault()} aria-label={t('diff.pick')}>
          <label for="diff-from">{t('diff.from')}</label>
          <select id="diff-from" class="wide" data-testid="diff-from" value={String(from)} onChange={(e) => go(Number((e.target as HTMLSelectElement).value), to)}>
            {list.map((v) => <option key={v.version} value={String(v.version)}>{versionLabel(v, n)}</option>)}
          </select>
          <label for="diff-to">{t('diff.to')}</label>
          <select id="diff-to" class="wide" data-testid="diff-to" value={String(to)} onChange={(e) => go(from, Number((e.target as HTMLSelectElement).value))}>
            {list.map((v) => <option key={v.version} value={String(v.version)}>{versionLabel(v, n)}</option>)}
          </select>
          <label class="checkbox">
            <input type="checkbox" checked={onlyChanged} data-testid="diff-only-changed"
              onChange={(e) => setOnlyChanged((e.target as HTMLInputElement).checked)} />
            {t('diff.onlyChanged')}
          </label>
        </form>
        {diff.data && (
          <p class="diff-summary" data-testid="diff-summary" aria-live="polite">
            {STATUSES.filter((st) => counts[st] > 0).map((st) => (
              <span key={st} class={`badge diff-badge-${st}`}>{t(`diff.count.${st}`, { n: counts[st] })}</span>
            ))}
          </p>
        )}
        <DiffLegend />
        <div class="row downloads" role="group" aria-label={t('dl.group')}>
          <DownloadButton label={t('diff.dlDocx')} testId="dl-diff-docx" kind="docx"
            path={() => reportApi.diffFile(conferenceId, from, to, 'docx')} fileName={() => comparisonFileName(title, from, to, 'docx')} />
          <DownloadButton label={t('diff.dlMd')} testId="dl-diff-md" kind="md"
            path={() => reportApi.diffFile(conferenceId, from, to, 'md')} fileName={() => comparisonFileName(title, from, to, 'md')} />
          <DownloadButton label={t('diff.dlVersionDocx', { v: to })} testId="dl-version-docx" kind="docx"
            path={() => reportApi.versionFile(conferenceId, to, 'docx')} fileName={() => draftFileName(title, to, 'docx')} />
          <DownloadButton label={t('diff.dlVersionMd', { v: to })} testId="dl-version-md" kind="md"
            path={() => reportApi.versionFile(conferenceId, to, 'md')} fileName={() => draftFileName(title, to, 'md')} />
        </div>
      </section>
      {diff.error && <ErrorPanel error={diff.error} fallback="diff.failed" onRetry={diff.reload} />}
      {diff.loading && !diff.data && <p class="loading">{t('app.loading')}</p>}
      {diff.data && shown.length === 0 && <p class="panel muted" data-testid="diff-none">{t('diff.noChanges', { from, to })}</p>}
      <div data-testid="diff-articles" aria-busy={diff.loading}>
        {diff.data && shown.map((a) => <ArticleDiff key={a.articleId} a={a} from={diff.data!.fromVersion} to={diff.data!.toVersion} />)}
      </div>
      <Orphans conferenceId={conferenceId} version={n} />
      <section class="panel" aria-labelledby="read-h" data-testid="read-version">
        <h2 id="read-h" class="section-title">{t('version.read')}</h2>
        <div class="row">
          <label for="read-v">{t('version.pick')}</label>
          <select id="read-v" data-testid="read-version-select" value={reading ? String(reading) : ''}
            onChange={(e) => setReading(Number((e.target as HTMLSelectElement).value) || null)}>
            <option value="">{t('version.choose')}</option>
            {list.map((v) => <option key={v.version} value={String(v.version)}>{versionLabel(v, n)}</option>)}
          </select>
        </div>
        {reading && <VersionArticle conferenceId={conferenceId} version={reading} articleId={null} />}
      </section>
    </Shell>
  );
}
