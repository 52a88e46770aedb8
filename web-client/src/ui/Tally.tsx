// Live tallies as a chart (SVG with text labels, readable by screen readers and tests) and as tables.
import type { Vote } from '../protocol.gen';
import { t } from '../i18n';
import type { ArticleTally, ConferenceState } from '../state/conference';
import { docIndex, endpointName } from '../state/selectors';
import { percent } from './format';

const COLORS = { agree: '#1f7a3a', disagree: '#b3261e', other: '#8a5a00' } as const;

function articleName(s: ConferenceState, articleId: string): string {
  const idx = docIndex(s);
  const n = idx.nodes[articleId];
  if (n?.kind === 'CLAUSE') return t('vote.clauseOf', { n: n.number ?? '', article: idx.nodes[idx.parent[articleId] ?? '']?.number ?? '' });
  return n ? t('draft.article', { n: n.number ?? '' }) : articleId;
}

/** One row per alternative wording of a target, then "ý kiến khác": count and share of the counted total. */
export function alternativeRows(s: ConferenceState, vote: Vote, target: string): { id: string; label: string; count: number }[] {
  const alts = vote.alternatives?.[target] ?? [];
  const c: ArticleTally | undefined = s.tallies[vote.id!]?.articles[target];
  const idx = docIndex(s);
  return alts.map((a) => {
    const n = idx.nodes[a.id ?? '']?.number;
    return { id: a.id ?? '', label: n ? t('vote.alternative', { n }) : a.label ?? '', count: c?.alternatives?.[a.id ?? ''] ?? 0 };
  });
}

/** The per-alternative table of a target voted between alternative wordings. */
export function AlternativeTally(props: { state: ConferenceState; vote: Vote; target: string }) {
  const { state, vote, target } = props;
  const c = state.tallies[vote.id!]?.articles[target] ?? { agree: 0, disagree: 0, other: 0, total: 0 };
  const rows = alternativeRows(state, vote, target);
  return (
    <table class="tally-table alternative-tally" data-testid={`alternative-tally-${vote.id}-${target}`}>
      <caption>{t('vote.alternativesOf', { target: articleName(state, target) })}</caption>
      <thead>
        <tr><th scope="col">{t('vote.alternativeCol')}</th><th scope="col">{t('vote.count')}</th><th scope="col">{t('vote.share')}</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-alternative={r.id}>
            <th scope="row">{r.label}</th>
            <td data-testid={`alt-count-${r.id}`}>{r.count}</td>
            <td data-testid={`alt-pct-${r.id}`}>{percent(r.count, c.total)}%</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t('vote.OTHER')}</th>
          <td data-testid={`alt-other-${target}`}>{c.other}</td>
          <td>{percent(c.other, c.total)}%</td>
        </tr>
      </tbody>
    </table>
  );
}

/** Horizontal stacked bars, one per article, with the counts written on them. */
export function TallyChart(props: { state: ConferenceState; vote: Vote; large?: boolean }) {
  const { state, vote } = props;
  const tally = state.tallies[vote.id!];
  const ids = vote.articleIds ?? [];
  const rowH = props.large ? 56 : 30;
  const labelW = props.large ? 150 : 72;
  const width = props.large ? 600 : 360;
  const barW = width - labelW - 10;
  const height = ids.length * (rowH + 8) + 4;
  return (
    <figure class="tally-chart" data-testid={`tally-chart-${vote.id}`}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={t('vote.chart', { title: vote.title ?? '' })}
        preserveAspectRatio="xMinYMin meet">
        {ids.map((a, i) => {
          const c: ArticleTally = tally?.articles[a] ?? { agree: 0, disagree: 0, other: 0, total: 0 };
          const y = i * (rowH + 8) + 2;
          const total = Math.max(1, c.total);
          const wA = (c.agree / total) * barW;
          const wD = (c.disagree / total) * barW;
          const wO = (c.other / total) * barW;
          const fs = props.large ? 22 : 15;
          return (
            <g key={a} data-article={a}>
              <text x={0} y={y + rowH / 2 + fs / 3} font-size={fs} fill="#1a1a1a">{articleName(state, a)}</text>
              <rect x={labelW} y={y} width={barW} height={rowH} fill="#e6e6e0" rx={3} />
              {c.total > 0 && <rect x={labelW} y={y} width={wA} height={rowH} fill={COLORS.agree} />}
              {c.total > 0 && <rect x={labelW + wA} y={y} width={wD} height={rowH} fill={COLORS.disagree} />}
              {c.total > 0 && <rect x={labelW + wA + wD} y={y} width={wO} height={rowH} fill={COLORS.other} />}
              <text class="bar-label" x={labelW + 8} y={y + rowH / 2 + fs / 3} font-size={fs} fill="#1a1a1a" stroke="#fff" stroke-width={4}
                paint-order="stroke" stroke-linejoin="round" data-testid={`chart-counts-${a}`}>
                {(vote.alternatives?.[a] ?? []).length > 0
                  ? `${alternativeRows(state, vote, a).map((r) => `${r.label}: ${r.count}`).join(' · ')} · ${t('vote.OTHER')}: ${c.other} / ${c.total}`
                  : `${c.agree} · ${c.disagree} · ${c.other} / ${c.total}`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="legend">
        <span><i style={{ background: COLORS.agree }} />{t('vote.AGREE')}</span>
        <span><i style={{ background: COLORS.disagree }} />{t('vote.DISAGREE')}</span>
        <span><i style={{ background: COLORS.other }} />{t('vote.OTHER')}</span>
      </figcaption>
    </figure>
  );
}

/** Overall counts per article. */
export function TallyTable(props: { state: ConferenceState; vote: Vote }) {
  const { state, vote } = props;
  const withAlternatives = (vote.articleIds ?? []).filter((a) => (vote.alternatives?.[a] ?? []).length > 0);
  return (
    <>
      <PlainTallyTable state={state} vote={vote} />
      {withAlternatives.map((a) => <AlternativeTally key={a} state={state} vote={vote} target={a} />)}
    </>
  );
}

function PlainTallyTable(props: { state: ConferenceState; vote: Vote }) {
  const { state, vote } = props;
  const tally = state.tallies[vote.id!];
  return (
    <table class="tally-table" data-testid={`tally-table-${vote.id}`}>
      <thead>
        <tr><th scope="col">{t('draft.article', { n: '' })}</th><th scope="col">{t('vote.AGREE')}</th><th scope="col">{t('vote.DISAGREE')}</th>
          <th scope="col">{t('vote.OTHER')}</th><th scope="col">{t('vote.total')}</th></tr>
      </thead>
      <tbody>
        {(vote.articleIds ?? []).map((a) => {
          const c = tally?.articles[a] ?? { agree: 0, disagree: 0, other: 0, total: 0 };
          return (
            <tr key={a} data-article={a}>
              <th scope="row">{articleName(state, a)}</th>
              <td data-testid={`agree-${a}`}>{c.agree} <small>({percent(c.agree, c.total)}%)</small></td>
              <td data-testid={`disagree-${a}`}>{c.disagree} <small>({percent(c.disagree, c.total)}%)</small></td>
              <td data-testid={`other-${a}`}>{c.other} <small>({percent(c.other, c.total)}%)</small></td>
              <td data-testid={`total-${a}`}>{c.total}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Per-endpoint breakdown (moderators receive it): one row per endpoint that has counted anything. */
export function EndpointTallyTable(props: { state: ConferenceState; vote: Vote; articleId: string }) {
  const { state, vote, articleId } = props;
  const by = state.tallies[vote.id!]?.articles[articleId]?.byEndpoint ?? {};
  const rows = state.endpointOrder.filter((e) => by[e] && by[e].total > 0);
  if (rows.length === 0) return null;
  return (
    <table class="tally-table by-endpoint" data-testid={`endpoint-tally-${vote.id}-${articleId}`}>
      <caption>{articleName(state, articleId)} — {t('vote.endpoint')}</caption>
      <thead>
        <tr><th scope="col">{t('vote.endpoint')}</th><th scope="col">{t('vote.AGREE')}</th><th scope="col">{t('vote.DISAGREE')}</th>
          <th scope="col">{t('vote.OTHER')}</th><th scope="col">{t('vote.total')}</th></tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr key={e}>
            <th scope="row">{endpointName(state, e)}{by[e].collective && <small class="muted"> ({t('vote.collective')})</small>}</th>
            <td>{by[e].agree}</td><td>{by[e].disagree}</td><td>{by[e].other}</td><td>{by[e].total}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
