// The hall screen's panels: the speaker with an unmistakable paused/overrun state, the result with percentages and a
// bar chart in HTML (so its text keeps the screen's type size), and the article scaled to fit its panel.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Vote } from '../protocol.gen';
import { lang, t } from '../i18n';
import type { ConferenceState } from '../state/conference';
import { agendaElapsed, speechElapsed } from '../state/conference';
import { currentAgendaItem, docIndex, endpointName, participantName } from '../state/selectors';
import { serverNow } from '../state/store';
import { ArticleText } from './Draft';
import { mmss, percent } from './format';
import { alternativeRows } from './Tally';

export type SpeechState = 'none' | 'running' | 'soon' | 'paused' | 'overrun';

/** What the speaker panel must make obvious: paused wins over overrun, since the clock is not running then. */
export function speechState(s: ConferenceState, now: number): SpeechState {
  const cur = s.queue.current;
  if (!cur) return 'none';
  if (!cur.runningSince) return 'paused';
  const limit = cur.limitSeconds * 1000;
  if (limit <= 0) return 'running';
  const remaining = limit - speechElapsed(cur, now);
  return remaining < 0 ? 'overrun' : remaining < 30_000 ? 'soon' : 'running';
}

export function ScreenSpeaker(props: { state: ConferenceState; speech: SpeechState }) {
  const s = props.state;
  const cur = s.queue.current;
  if (!cur) return <p class="screen-empty" data-testid="speaker-now">{t('screen.noSpeaker')}</p>;
  const req = cur.requestId ? s.queue.requests[cur.requestId] : undefined;
  const ep = endpointName(s, req?.endpointId ?? s.participants[cur.participantId ?? '']?.endpointId);
  const elapsed = speechElapsed(cur, serverNow.value);
  const limit = cur.limitSeconds * 1000;
  const remaining = limit - elapsed;
  const over = limit > 0 && remaining < 0;
  return (
    <div class="screen-speaker" data-testid="speaker-now">
      <div class="speaker-name" data-testid="speaker-name">{participantName(s, cur.participantId)}</div>
      <div class="speaker-endpoint">{ep}{req?.forHall && ` (${t('queue.forHall')})`}</div>
      <div class="speech-line">
        <div class={`countdown ${props.speech}`} data-testid="speech-countdown"
          aria-label={over ? t('queue.overrun') : limit > 0 ? t('queue.remaining') : t('queue.noLimit')}>
          {limit <= 0 ? mmss(elapsed) : over ? `+${mmss(-remaining)}` : mmss(remaining)}
        </div>
        {props.speech === 'paused' && <div class="speech-banner paused" data-testid="speech-banner" role="status">{t('screen.paused')}</div>}
        {props.speech === 'overrun' && <div class="speech-banner overrun" data-testid="speech-banner" role="status">{t('screen.overrun')}</div>}
      </div>
    </div>
  );
}

/** The current agenda item with its timer; over the planned time the timer turns into a red block with words. */
export function ScreenAgenda(props: { state: ConferenceState }) {
  const item = currentAgendaItem(props.state);
  if (!item) return <p class="screen-empty" data-testid="agenda-current">{t('agenda.none')}</p>;
  const planned = item.plannedMinutes * 60_000;
  const elapsed = agendaElapsed(item, serverNow.value);
  const over = planned > 0 && elapsed > planned;
  return (
    <div class="screen-agenda" data-testid="agenda-current">
      <div class="agenda-title">{item.title}</div>
      <div class={`timer ${over ? 'over' : ''}`} data-testid="agenda-timer" data-over={over ? 'true' : 'false'}>
        <span class="sr-only">{t('agenda.elapsed')}: </span>
        {mmss(elapsed)}{planned > 0 && <span class="planned"> / {mmss(planned)}</span>}
        {over && <span class="timer-over-text"> {t('screen.agendaOver')}</span>}
      </div>
    </div>
  );
}

/** "66,7 %" in Vietnamese, "66.7%" in English. */
export function pct(n: number, total: number): string {
  const p = percent(n, total);
  return lang.value === 'vi' ? `${String(p).replace('.', ',')} %` : `${p}%`;
}

const CHOICES = [
  { key: 'agree', label: 'vote.AGREE' },
  { key: 'disagree', label: 'vote.DISAGREE' },
  { key: 'other', label: 'vote.OTHER' },
] as const;
/** Articles shown with their full numbers; the rest are counted in a line, so the panel keeps its height. */
const SHOWN_ARTICLES = 2;

export function ScreenResult(props: { state: ConferenceState; vote: Vote }) {
  const { state, vote } = props;
  const tally = state.tallies[vote.id!];
  const ids = vote.articleIds ?? [];
  const idx = docIndex(state);
  const compact = ids.length > 1;
  return (
    <div class={`screen-result ${compact ? 'compact' : ''}`} data-testid="screen-result">
      {ids.slice(0, SHOWN_ARTICLES).map((a) => {
        const c = tally?.articles[a] ?? { agree: 0, disagree: 0, other: 0, total: 0 };
        const n = idx.nodes[a]?.number;
        if ((vote.alternatives?.[a] ?? []).length > 0) {
          return <ScreenAlternatives key={a} state={state} vote={vote} target={a} compact={compact} />;
        }
        return (
          <div key={a} class="result-row" data-testid={`result-${a}`}>
            <div class="result-head">
              {compact && <strong>{t('draft.article', { n: n ?? '' })}</strong>}
              <span class="result-total" data-testid={`result-total-${a}`}>{t('screen.votes', { n: c.total })}</span>
            </div>
            <div class="result-bar" data-testid="result-chart" role="img"
              aria-label={CHOICES.map((ch) => `${t(ch.label)} ${c[ch.key]} (${pct(c[ch.key], c.total)})`).join(', ')}>
              {c.total > 0 && CHOICES.map((ch) => (
                <span key={ch.key} class={`seg seg-${ch.key}`} style={{ width: `${(c[ch.key] / c.total) * 100}%` }} />
              ))}
            </div>
            <ul class="result-numbers">
              {CHOICES.map((ch) => (
                <li key={ch.key} class={`num-${ch.key}`} data-testid={`result-${ch.key}-${a}`}>
                  <i class={`swatch seg-${ch.key}`} aria-hidden="true" />
                  {!compact && <span class="num-label">{t(ch.label)} </span>}
                  <strong>{c[ch.key]}</strong> <span class="num-pct">{pct(c[ch.key], c.total)}</span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {ids.length > SHOWN_ARTICLES && <p class="result-more">{t('screen.moreArticles', { n: ids.length - SHOWN_ARTICLES })}</p>}
    </div>
  );
}

/**
 * A target voted between alternative wordings: one bar and one number per alternative (count and share of the
 * counted total), then "ý kiến khác".
 */
function ScreenAlternatives(props: { state: ConferenceState; vote: Vote; target: string; compact: boolean }) {
  const { state, vote, target, compact } = props;
  const c = state.tallies[vote.id!]?.articles[target] ?? { agree: 0, disagree: 0, other: 0, total: 0 };
  const idx = docIndex(state);
  const node = idx.nodes[target];
  const rows = [...alternativeRows(state, vote, target).map((r, i) => ({ ...r, cls: `alt-${i % 4}` })),
    { id: 'other', label: t('vote.OTHER'), count: c.other, cls: 'seg-other' }];
  return (
    <div class="result-row result-alternatives" data-testid={`result-${target}`}>
      <div class="result-head">
        {compact && <strong>{node?.kind === 'CLAUSE' ? t('vote.clauseOf', { n: node.number ?? '',
          article: idx.nodes[idx.parent[target] ?? '']?.number ?? '' }) : t('draft.article', { n: node?.number ?? '' })}</strong>}
        <span class="result-total" data-testid={`result-total-${target}`}>{t('screen.votes', { n: c.total })}</span>
      </div>
      <ul class="result-numbers alternative-numbers">
        {rows.map((r) => (
          <li key={r.id} data-testid={`result-alt-${r.id}`}>
            <span class="num-label">{r.label} </span>
            <strong>{r.count}</strong> <span class="num-pct">{pct(r.count, c.total)}</span>
            <span class="alt-bar" aria-hidden="true"><span class={`seg ${r.cls}`} style={{ width: `${c.total ? (r.count / c.total) * 100 : 0}%` }} /></span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Type scales tried, largest first; the smallest is the screen's body size, never less. */
const SCALES = [1.3, 1.2, 1.1, 1.0];

/**
 * The article as large as its panel allows. When even the body size overflows, the panel shows the part under
 * discussion (`focusNodeId`, a clause or point of the agenda item) from its top, and says the text goes on.
 */
export function ScreenArticle(props: { state: ConferenceState; articleId: string; focusNodeId?: string | null }) {
  const box = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(SCALES[0]);
  const [clipped, setClipped] = useState(false);
  const text = JSON.stringify(docIndex(props.state).nodes[props.articleId] ?? null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const fit = () => {
      let chosen = SCALES[SCALES.length - 1];
      for (const sc of SCALES) {
        el.style.setProperty('--article-scale', String(sc));
        if (el.scrollHeight <= el.clientHeight + 1) {
          chosen = sc;
          break;
        }
      }
      el.style.setProperty('--article-scale', String(chosen));
      const over = el.scrollHeight > el.clientHeight + 1;
      const focus = props.focusNodeId ? el.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(props.focusNodeId)}"]`) : null;
      el.scrollTop = over && focus ? focus.offsetTop - el.offsetTop : 0;
      setScale(chosen);
      setClipped(over && el.scrollTop + el.clientHeight < el.scrollHeight - 1);
    };
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    return () => ro.disconnect();
  }, [props.articleId, props.focusNodeId, text, lang.value]);
  return (
    <div class="article-fit-wrap">
      <div class={`article-fit ${clipped ? 'clipped' : ''}`} ref={box} data-testid="screen-article" data-scale={scale} style={{ '--article-scale': String(scale) }}>
        <ArticleText state={props.state} articleId={props.articleId} large />
      </div>
      {clipped && <div class="article-continues" data-testid="article-continues">{t('screen.continues')}</div>}
    </div>
  );
}

/** A clause or point the current agenda item names inside the article, if any: what the hall is discussing. */
export function focusNode(s: ConferenceState, articleId: string): string | null {
  const idx = docIndex(s);
  for (const id of currentAgendaItem(s)?.nodeIds ?? []) {
    const n = idx.nodes[id];
    if (!n || n.kind === 'ARTICLE' || n.kind === 'CHAPTER') continue;
    for (let p = idx.parent[id]; p; p = idx.parent[p]) if (p === articleId) return id;
  }
  return null;
}
