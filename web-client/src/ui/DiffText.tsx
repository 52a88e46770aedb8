// One article of a comparison between two draft versions: the older and the newer text side by side (stacked on a
// phone), deleted words struck through and inserted words underlined. Colour is never the only mark: <del>/<ins>
// carry a line style, and hidden words tell a screen reader where each deletion and insertion starts and ends.
import type { ComponentChildren } from 'preact';
import type { ArticleChange, Segment } from '../api/report';
import { t } from '../i18n';
import { sideLines, titleChanged, wordCounts, type Side } from '../report/diff';

export function Seg(props: { s: Segment }) {
  const s = props.s;
  if (s.op === 'DELETE') {
    return (
      <del class="diff-del" data-testid="diff-del">
        <span class="sr-only">{t('diff.sr.delStart')} </span>{s.text}<span class="sr-only"> {t('diff.sr.delEnd')}</span>
      </del>
    );
  }
  if (s.op === 'INSERT') {
    return (
      <ins class="diff-ins" data-testid="diff-ins">
        <span class="sr-only">{t('diff.sr.insStart')} </span>{s.text}<span class="sr-only"> {t('diff.sr.insEnd')}</span>
      </ins>
    );
  }
  return <>{s.text}</>;
}

function SideText(props: { segments: Segment[]; side: Side; version: number; testId: string }) {
  const lines = sideLines(props.segments, props.side);
  const label = t(props.side === 'old' ? 'diff.older' : 'diff.newer', { v: props.version });
  return (
    <section class={`diff-side diff-${props.side}`} aria-label={label} data-testid={props.testId}>
      <h4 class="diff-side-label">{label}</h4>
      {lines.length === 0 && <p class="muted">{t(props.side === 'old' ? 'diff.notInOlder' : 'diff.notInNewer')}</p>}
      {lines.map((l, i) => (
        <p key={i} class="diff-line">{l.map((s, j) => <Seg key={j} s={s} />)}</p>
      ))}
    </section>
  );
}

export function ArticleDiff(props: { a: ArticleChange; from: number; to: number; children?: ComponentChildren }) {
  const { a } = props;
  const number = a.toNumber ?? a.fromNumber ?? '';
  const words = wordCounts([...a.title, ...a.body]);
  const renumbered = a.fromNumber && a.toNumber && a.fromNumber !== a.toNumber;
  return (
    <article class={`panel diff-article diff-status-${a.status}`} data-testid="diff-article" data-article-id={a.articleId}
      data-status={a.status} aria-labelledby={`dh-${a.articleId}`}>
      <header class="diff-head">
        <h3 id={`dh-${a.articleId}`}>
          {t('draft.article', { n: number })}.{' '}
          {titleChanged(a) ? a.title.map((s, i) => <Seg key={i} s={s} />) : (a.toTitle ?? a.fromTitle)}
        </h3>
        <span class={`badge diff-badge-${a.status}`} data-testid="diff-status">{t(`diff.status.${a.status}`)}</span>
        {renumbered && <span class="badge">{t('diff.renumberedFrom', { from: a.fromNumber!, to: a.toNumber! })}</span>}
        {a.status !== 'UNCHANGED' && a.status !== 'RENUMBERED' && (
          <span class="muted small-text">{t('diff.words', { ins: words.inserted, del: words.deleted })}</span>
        )}
      </header>
      {a.status === 'UNCHANGED' || a.status === 'RENUMBERED' ? (
        <div class="diff-same">{sideLines(a.body, 'new').map((l, i) => <p key={i} class="diff-line">{l.map((s) => s.text).join('')}</p>)}</div>
      ) : (
        <div class="diff-sides">
          <SideText segments={a.body} side="old" version={props.from} testId="diff-old" />
          <SideText segments={a.body} side="new" version={props.to} testId="diff-new" />
        </div>
      )}
      {a.proposals.length > 0 && (
        <div class="diff-proposals">
          <h4>{t('diff.proposals')}</h4>
          <ul>
            {a.proposals.map(({ proposal: p, applied }) => (
              <li key={p.annotationId} data-testid="diff-proposal">
                <span>{t('diff.proposalBy', { name: p.authorName ?? '', endpoint: p.endpointName ?? '' })}: </span>
                {p.quote && <><q>{p.quote}</q> → </>}<q>{p.replacement ?? ''}</q>{' '}
                <span class={`badge ${applied ? 'ok' : 'warn'}`}>{t(applied ? 'diff.applied' : 'diff.notApplied')}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {props.children}
    </article>
  );
}

/** The legend of the marks, in words. */
export function DiffLegend() {
  return (
    <p class="diff-legend" data-testid="diff-legend">
      <span><del class="diff-del">{t('diff.legend.del')}</del></span>
      <span><ins class="diff-ins">{t('diff.legend.ins')}</ins></span>
    </p>
  );
}
