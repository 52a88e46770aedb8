// The pieces of the synthesis report as the server builds it (GET …/report): totals, attendance, each article's
// votes, speeches and feedback with the drafting team's answers, and the endpoints that gave no feedback. The same
// sections as the exported documents (docs/report.md), on screen. All user text is rendered as text.
import type { Answer, ArticleSection, EndpointAttendance, FeedbackItem, SpeechItem, SynthesisReport, Totals, VoteResult } from '../api/report';
import { formatDateTime, lang, t } from '../i18n';
import { placeLabel } from '../report/places';
import { docIndex } from '../state/selectors';
import { conference } from '../state/store';
import { percent } from './format';

/**
 * The server writes places in Vietnamese ("Điều 8, khoản 1", "Chương III"). In English, and when the report is on
 * the current version (whose nodes the client holds), the client names them itself from the stable node ids.
 */
function localPlace(nodeId: string | undefined, draftVersion: number, fallback: string | undefined): string | undefined {
  const s = conference.value;
  if (lang.value === 'vi' || !s || !nodeId || s.draft?.version !== draftVersion) return fallback;
  const idx = docIndex(s);
  return idx.nodes[nodeId] ? placeLabel(idx, nodeId) : fallback;
}

function localChapter(articleId: string, draftVersion: number, fallback: string | undefined): string | undefined {
  const s = conference.value;
  if (lang.value === 'vi' || !s || s.draft?.version !== draftVersion) return fallback;
  const idx = docIndex(s);
  const ch = idx.articles[idx.articleIndex[articleId] ?? -1]?.chapter;
  return ch ? t('draft.chapter', { n: ch.number ?? '' }) : fallback;
}

/** "4 phút 05 giây", "45 giây" — as the exports write it; English on the toggle. */
export function duration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m === 0 ? t('report.seconds', { s }) : t('report.minutes', { m, s: String(s).padStart(2, '0') });
}

const when = (iso: string | undefined) => (iso ? formatDateTime(Date.parse(iso)) : '');

export function TotalsPanel(props: { totals: Totals }) {
  const x = props.totals;
  const items: [string, string | number, string?][] = [
    // The opinions are the table's numbers (the same in every export); each kind counts an opinion once.
    [t('report.t.feedback'), x.opinions, 'feedback'],
    [t('report.kind.COMMENT'), x.comments],
    [t('report.kind.QUESTION'), x.questions],
    [t('report.kind.PROPOSED_WORDING'), x.proposedWordings, 'proposed'],
    [t('report.kind.VOTE_OPINION'), x.voteOpinions],
    [t('report.t.speechSummaries'), x.speechSummaries, 'speech-summaries'],
    [t('report.t.written'), x.writtenOpinions, 'written'],
    [t('report.t.merged'), x.merged, 'merged'],
    [t('report.kind.REPLY'), x.replies, 'replies'],
    [t('resp.ACCEPTED'), x.accepted, 'accepted'],
    [t('resp.EXPLAINED'), x.explained],
    [t('resp.NOTED'), x.noted],
    [t('resp.none'), x.unanswered, 'unanswered'],
    [t('report.t.speeches'), `${x.speeches} · ${duration(x.spokenSeconds)}`, 'speeches'],
    [t('report.t.votes'), x.votes],
    [t('report.t.ballots'), x.ballots],
    [t('report.t.hallResults'), x.hallResults],
    [t('report.t.endpoints'), t('report.t.checkedIn', { n: x.endpointsCheckedIn, total: x.endpoints }), 'endpoints'],
    [t('report.t.headCount'), x.headCount],
    [t('report.t.participants'), x.participants],
    [t('report.t.hiddenDeleted'), `${x.hidden} · ${x.deleted}`],
    [t('report.t.orphaned'), x.orphaned],
  ];
  return (
    <dl class="totals" data-testid="report-totals">
      {items.map(([label, value, id]) => (
        <div key={label} class="total" data-testid={id ? `total-${id}` : undefined}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AttendanceTable(props: { rows: EndpointAttendance[] }) {
  return (
    <table class="report-table attendance" data-testid="report-attendance">
      <thead>
        <tr>
          <th scope="col">{t('vote.endpoint')}</th><th scope="col">{t('report.a.checkedIn')}</th><th scope="col">{t('report.a.headCount')}</th>
          <th scope="col">{t('report.a.participants')}</th><th scope="col">{t('report.t.ballots')}</th><th scope="col">{t('report.t.hallResults')}</th>
          <th scope="col">{t('report.a.feedback')}</th><th scope="col">{t('report.t.speeches')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.endpointId}>
            <th scope="row">{r.name}</th>
            <td data-label={t('report.a.checkedIn')}>{r.checkedIn ? t('common.yes') : t('common.no')}</td>
            <td data-label={t('report.a.headCount')}>{r.headCount}</td>
            <td data-label={t('report.a.participants')}>{r.participants}</td>
            <td data-label={t('report.t.ballots')}>{r.ballots}</td>
            <td data-label={t('report.t.hallResults')}>{r.hallResults}</td>
            <td data-label={t('report.a.feedback')}>{r.feedbackItems}</td>
            <td data-label={t('report.t.speeches')}>{r.speeches}{r.spokenSeconds > 0 ? ` (${duration(r.spokenSeconds)})` : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Bar(props: { c: { agree: number; disagree: number; other: number; total: number } }) {
  const { c } = props;
  if (c.total === 0) return null;
  const w = (n: number) => `${(n / c.total) * 100}%`;
  return (
    <div class="bar" aria-hidden="true">
      <span class="bar-agree" style={{ width: w(c.agree) }} />
      <span class="bar-disagree" style={{ width: w(c.disagree) }} />
      <span class="bar-other" style={{ width: w(c.other) }} />
    </div>
  );
}

export function VoteResults(props: { votes: VoteResult[]; articleId: string }) {
  return (
    <div class="report-votes">
      {props.votes.map((v) => (
        <div key={v.voteId} class="report-vote" data-testid={`report-vote-${v.voteId}`}>
          <p>
            <strong>{v.title}</strong>{' '}
            <span class="badge">{t(`vote.mode.${v.mode}`)}</span>
            <span class={`badge vote-${v.status}`}>{t(`vote.status.${v.status}`)}</span>
          </p>
          <p class="counts" data-testid={`report-counts-${props.articleId}`}>
            {t('vote.AGREE')}: <strong>{v.overall.agree}</strong> ({percent(v.overall.agree, v.overall.total)}%) ·{' '}
            {t('vote.DISAGREE')}: <strong>{v.overall.disagree}</strong> ({percent(v.overall.disagree, v.overall.total)}%) ·{' '}
            {t('vote.OTHER')}: <strong>{v.overall.other}</strong> ({percent(v.overall.other, v.overall.total)}%) ·{' '}
            {t('vote.total')}: <strong>{v.overall.total}</strong>
          </p>
          <Bar c={v.overall} />
          {v.byEndpoint.length > 0 && (
            <details class="by-endpoint">
              <summary>{t('report.byEndpoint', { n: v.byEndpoint.length })}</summary>
              <table class="tally-table">
                <thead>
                  <tr><th scope="col">{t('vote.endpoint')}</th><th scope="col">{t('vote.AGREE')}</th><th scope="col">{t('vote.DISAGREE')}</th>
                    <th scope="col">{t('vote.OTHER')}</th><th scope="col">{t('vote.total')}</th></tr>
                </thead>
                <tbody>
                  {v.byEndpoint.map((e) => (
                    <tr key={e.endpointId}>
                      <th scope="row">{e.name}
                        {e.collective && <small class="muted"> ({t('vote.collective')}; {t('report.individual', {
                          a: e.individual.agree, d: e.individual.disagree, o: e.individual.other })})</small>}</th>
                      <td>{e.counted.agree}</td><td>{e.counted.disagree}</td><td>{e.counted.other}</td><td>{e.counted.total}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </div>
      ))}
    </div>
  );
}

export function Speeches(props: { speeches: SpeechItem[] }) {
  return (
    <ul class="report-speeches">
      {props.speeches.map((sp, i) => (
        <li key={sp.requestId ?? i} data-testid="report-speech">
          <strong>{sp.speakerName}</strong>{sp.endpointName ? ` — ${sp.endpointName}` : ''}
          <span class="muted"> · {t(`queue.kind.${sp.kind ?? 'CONTRIBUTION'}`)}{sp.forHall ? ` (${t('queue.forHall')})` : ''}
            {' · '}{duration(sp.spokenSeconds)}{sp.startedAt ? ` · ${when(sp.startedAt)}` : ''}</span>
        </li>
      ))}
    </ul>
  );
}

function AnswerCell(props: { item: FeedbackItem }) {
  const { item } = props;
  if (item.kind === 'VOTE_OPINION') return <span class="badge resp-NOTED" data-testid="report-answer">{t('report.noteByVote')}</span>;
  if (item.kind === 'REPLY') return <span class="muted">—</span>;
  const a: Answer | undefined = item.answer;
  if (!a) return <span class="badge resp-none" data-testid="report-answer">{t('resp.none')}</span>;
  return (
    <>
      <span class={`badge resp-${a.kind}`} data-testid="report-answer">{t(`resp.${a.kind}`)}</span>
      {a.text && <p class="ann-response">{a.text}</p>}
      {(a.byName || a.at) && <p class="byline">{[a.byName, when(a.at)].filter(Boolean).join(' · ')}</p>}
    </>
  );
}

function Content(props: { item: FeedbackItem }) {
  const { item } = props;
  return (
    <>
      <span class={`badge kind-${item.kind}`}>{t(`report.kind.${item.kind}`)}</span>
      {item.nodeLabel && <span class="muted small-text"> {localPlace(item.nodeId, item.draftVersion, item.nodeLabel)}</span>}
      {item.orphaned && <span class="badge warn">{t('ann.orphaned')}</span>}
      {item.quote && <blockquote class="ann-quote">“{item.quote}”</blockquote>}
      {item.body && <p class="ann-body">{item.body}</p>}
      {item.replacement && <p class="ann-replacement" data-testid="report-replacement"><strong>{t('report.proposedAs')}: </strong><span>{item.replacement}</span></p>}
      {item.replies.length > 0 && (
        <ol class="replies" aria-label={t('ann.replies', { n: item.replies.length })}>
          {item.replies.map((r) => (
            <li key={r.id}>
              <span>{r.body}</span>
              <div class="byline">{t('ann.by', { name: r.authorName ?? t('report.secret'), endpoint: r.endpointName ?? '' })}</div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** The per-article table of the report: TT / Nội dung góp ý / Điểm cầu, người góp ý / Tiếp thu, giải trình. */
export function FeedbackTable(props: { items: FeedbackItem[]; testId?: string }) {
  return (
    <table class="report-table feedback" data-testid={props.testId ?? 'report-feedback'}>
      <thead>
        <tr><th scope="col" class="tt">{t('report.f.no')}</th><th scope="col">{t('report.f.content')}</th>
          <th scope="col">{t('report.f.who')}</th><th scope="col">{t('report.f.answer')}</th></tr>
      </thead>
      <tbody>
        {props.items.map((f, i) => (
          <tr key={f.id} data-testid="report-item" data-kind={f.kind} data-id={f.id}>
            <td class="tt" data-label={t('report.f.no')}>{i + 1}</td>
            <td data-label={t('report.f.content')}><Content item={f} /></td>
            <td data-label={t('report.f.who')} data-testid="report-who">
              <div>{f.endpointName}</div>
              <div>{f.authorName ?? <span class="muted">{t('report.secret')}</span>}</div>
              {f.at && <div class="byline">{when(f.at)}</div>}
            </td>
            <td data-label={t('report.f.answer')}><AnswerCell item={f} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ArticleReport(props: { a: ArticleSection; draftVersion: number }) {
  const { a } = props;
  const chapter = a.chapterLabel ? localChapter(a.articleId, props.draftVersion, a.chapterLabel) : undefined;
  const empty = a.votes.length === 0 && a.feedback.length === 0 && a.speeches.length === 0;
  return (
    <section class="panel report-article" data-testid={`report-article-${a.articleId}`} aria-labelledby={`ra-${a.articleId}`}>
      {chapter && <p class="chapter-label">{chapter}{a.chapterTitle ? `. ${a.chapterTitle}` : ''}</p>}
      <h3 id={`ra-${a.articleId}`}>{t('draft.article', { n: a.number })}. {a.title}</h3>
      {empty && <p class="muted">{t('report.noFeedbackOnArticle')}</p>}
      {a.votes.length > 0 && <><h4>{t('sec.votes')}</h4><VoteResults votes={a.votes} articleId={a.articleId} /></>}
      {a.speeches.length > 0 && <><h4>{t('report.speakers')}</h4><Speeches speeches={a.speeches} /></>}
      {a.feedback.length > 0 && <><h4>{t('report.feedback', { n: a.feedback.length })}</h4><FeedbackTable items={a.feedback} /></>}
    </section>
  );
}

export function hasContent(a: ArticleSection): boolean {
  return a.votes.length > 0 || a.feedback.length > 0 || a.speeches.length > 0;
}

/** The status line of a report: provisional with its time, or final. */
export function reportStatus(r: SynthesisReport): string {
  const h = r.heading;
  return h.isFinal
    ? t('report.final', { time: when(h.closedAt ?? h.generatedAt) })
    : t('report.live', { time: when(h.generatedAt), seq: h.asOfSeq });
}
