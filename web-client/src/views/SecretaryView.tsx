// Drafting team: all feedback per article — votes with their "ý kiến khác" texts, annotations and proposed
// wordings — filtered by endpoint, kind and response status, and the team's response to each.
import { useState } from 'preact/hooks';
import type { Annotation } from '../protocol.gen';
import { t } from '../i18n';
import type { ConferenceState } from '../state/conference';
import { articleOf, docIndex, endpointName, participantName, repliesTo, threads, votesInOrder } from '../state/selectors';
import { conference } from '../state/store';
import { AnnotationThread } from '../ui/Annotations';
import { Shell } from '../ui/Shell';
import { People } from './People';
import { TallyTable } from '../ui/Tally';
import { ReportPanel } from './ReportView';
import { DraftUpload } from '../ui/DraftUpload';
import { hasRole } from '../state/selectors';
import { session } from '../app/session';
import { OpinionsPanel } from '../ui/OpinionsPanel';
import { UndoBar } from '../ui/Undo';

type KindFilter = 'all' | 'COMMENT' | 'QUESTION' | 'PROPOSED_WORDING' | 'OTHER_VOTE';
type RespFilter = 'all' | 'none' | 'ACCEPTED' | 'EXPLAINED' | 'NOTED';

export interface Filters {
  endpoint: string;
  kind: KindFilter;
  response: RespFilter;
}

export function matches(a: Annotation, f: Filters): boolean {
  if (f.endpoint !== 'all' && a.endpointId !== f.endpoint) return false;
  if (f.kind === 'OTHER_VOTE') return false;
  if (f.kind !== 'all' && a.kind !== f.kind) return false;
  if (f.response === 'none' && a.response?.kind) return false;
  if (f.response !== 'all' && f.response !== 'none' && a.response?.kind !== f.response) return false;
  return true;
}

function OtherTexts(props: { state: ConferenceState; articleId: string; f: Filters }) {
  const s = props.state;
  if (props.f.kind !== 'all' && props.f.kind !== 'OTHER_VOTE') return null;
  const texts = Object.values(s.ballots).filter((b) => b.articleId === props.articleId && b.choice === 'OTHER' && b.text
    && (props.f.endpoint === 'all' || b.endpointId === props.f.endpoint));
  if (texts.length === 0) return null;
  return (
    <div class="other-texts">
      <h4>{t('vote.otherTexts')}</h4>
      <ul>
        {texts.map((b) => (
          <li key={`${b.voteId}|${b.voter}`} data-testid="other-text-item">
            <span>{b.text}</span>{' '}
            <span class="muted">— {b.secret ? endpointName(s, b.endpointId) : `${participantName(s, b.voter)} · ${endpointName(s, b.endpointId)}`}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SecretaryView() {
  const s = conference.value!;
  const [f, setF] = useState<Filters>({ endpoint: 'all', kind: 'all', response: 'all' });
  const idx = docIndex(s);
  const all = threads(s).filter((a) => a.status !== 'DELETED');
  const shown = all.filter((a) => matches(a, f));
  const byArticle: Record<string, Annotation[]> = {};
  const general: Annotation[] = [];
  for (const a of shown) {
    const art = articleOf(idx, a.anchor?.nodeId);
    if (art) (byArticle[art] ??= []).push(a);
    else general.push(a);
  }
  const votes = votesInOrder(s);
  // A vote's table only where ballots were cast on the article: a chapter vote lists every article, most empty.
  const counted = (voteId: string, articleId: string) => (s.tallies[voteId]?.articles[articleId]?.total ?? 0) > 0;
  const articlesWithVotes = new Set(votes.flatMap((v) => v.articleIds.filter((a) => counted(v.id, a))));
  const articleIds = idx.articles.map((a) => a.node.id).filter((id) => byArticle[id] || (f.kind === 'all' || f.kind === 'OTHER_VOTE') && articlesWithVotes.has(id));
  // What this column holds: visible threads, their replies, and the "ý kiến khác" texts. The number of opinions
  // (with written opinions, summarized speeches and merges) is the table's, in the report panel and the opinions table.
  const visible = all.filter((a) => a.status === 'VISIBLE');
  const replyCount = visible.reduce((n, a) => n + repliesTo(s, a.id).filter((r) => r.status === 'VISIBLE').length, 0);
  const opinions = Object.values(s.ballots).filter((b) => b.choice === 'OTHER' && b.text).length;
  const unanswered = visible.filter((a) => !a.response?.kind).length;
  const proposals = visible.filter((a) => a.kind === 'PROPOSED_WORDING').length;
  const hidden = all.length - visible.length;
  const canRespond = !!s.me?.roles?.some((r) => r === 'CHAIR' || r === 'SECRETARY');
  // ImportDraft: the secretary or an organizer (roles.md).
  const mayImport = session.value?.kind === 'organizer' || hasRole(s, 'SECRETARY');
  const endpointsWithFeedback = s.endpointOrder.filter((e) => all.some((a) => a.endpointId === e) || Object.values(s.ballots).some((b) => b.endpointId === e));
  return (
    <Shell view="secretary" wide>
      {/* The feedback to answer first (left, or first on a phone); the report, people and upload beside it. */}
      <div class="secretary-layout">
      <div class="secretary-feedback">
      <section class="panel" aria-labelledby="sec-h">
        <h2 id="sec-h" class="section-title">{t('sec.heading')}</h2>
        <p class="muted" data-testid="sec-counts">
          {t('sec.countsFull', { a: visible.length, r: replyCount, o: opinions, w: proposals, u: unanswered })}
          {hidden > 0 && <> · {t('sec.hiddenNotCounted', { h: hidden })}</>}
        </p>
        <form class="filters row" aria-label={t('sec.filters')} onSubmit={(e) => e.preventDefault()}>
          <label for="f-ep">{t('sec.endpoint')}</label>
          <select id="f-ep" value={f.endpoint} data-testid="filter-endpoint" onChange={(e) => setF({ ...f, endpoint: (e.target as HTMLSelectElement).value })}>
            <option value="all">{t('sec.all')}</option>
            {endpointsWithFeedback.map((e) => <option key={e} value={e}>{endpointName(s, e)}</option>)}
          </select>
          <label for="f-kind">{t('sec.kind')}</label>
          <select id="f-kind" value={f.kind} data-testid="filter-kind" onChange={(e) => setF({ ...f, kind: (e.target as HTMLSelectElement).value as KindFilter })}>
            <option value="all">{t('sec.all')}</option>
            <option value="COMMENT">{t('ann.kind.COMMENT')}</option>
            <option value="QUESTION">{t('ann.kind.QUESTION')}</option>
            <option value="PROPOSED_WORDING">{t('ann.kind.PROPOSED_WORDING')}</option>
            <option value="OTHER_VOTE">{t('vote.OTHER')}</option>
          </select>
          <label for="f-resp">{t('sec.response')}</label>
          <select id="f-resp" value={f.response} data-testid="filter-response" onChange={(e) => setF({ ...f, response: (e.target as HTMLSelectElement).value as RespFilter })}>
            <option value="all">{t('sec.all')}</option>
            <option value="none">{t('sec.unanswered')}</option>
            <option value="ACCEPTED">{t('resp.ACCEPTED')}</option>
            <option value="EXPLAINED">{t('resp.EXPLAINED')}</option>
            <option value="NOTED">{t('resp.NOTED')}</option>
          </select>
        </form>
      </section>
      {articleIds.length === 0 && general.length === 0 && <p class="muted panel">{t('sec.noFeedback')}</p>}
      {articleIds.map((id) => {
        const n = idx.nodes[id];
        const vs = votes.filter((v) => v.articleIds.includes(id) && counted(v.id, id));
        return (
          <section key={id} class="panel article-feedback" data-testid={`feedback-${id}`} aria-labelledby={`fh-${id}`}>
            <h3 id={`fh-${id}`}>{t('draft.article', { n: n.number })}. {n.title}</h3>
            {vs.length > 0 && (f.kind === 'all' || f.kind === 'OTHER_VOTE') && (
              <div class="feedback-votes">
                <h4>{t('sec.votes')}</h4>
                {vs.map((v) => <TallyTable key={v.id} state={s} vote={{ ...v, articleIds: [id] }} />)}
                <OtherTexts state={s} articleId={id} f={f} />
              </div>
            )}
            {(byArticle[id] ?? []).length > 0 && <h4>{t('sec.annotations')}</h4>}
            {(byArticle[id] ?? []).map((a) => <AnnotationThread key={a.id} state={s} a={a} actions={{ respond: canRespond, moderate: canRespond, reply: canRespond }} />)}
          </section>
        );
      })}
      {general.length > 0 && (
        <section class="panel">
          <h3>{t('sec.general')}</h3>
          {general.map((a) => <AnnotationThread key={a.id} state={s} a={a} actions={{ respond: canRespond, moderate: canRespond }} />)}
        </section>
      )}
      <OpinionsPanel />
      </div>
      <aside class="secretary-side">
        <ReportPanel state={s} compact />
        <People state={s} />
        {mayImport && <DraftUpload conferenceId={s.conferenceId} />}
      </aside>
      </div>
      <UndoBar />
    </Shell>
  );
}
