// A delegate's ballot on each article of an open vote: three toggle buttons (Tab and Enter; one press sends),
// the "ý kiến khác" text, and a clear state: not voted, voted, changed, closed — or sending while queued.
import { useState } from 'preact/hooks';
import type { DraftNode, Vote } from '../protocol.gen';
import { t } from '../i18n';
import type { ConferenceState } from '../state/conference';
import { ballotState, docIndex, myBallot } from '../state/selectors';
import { pendingCommand, send } from '../state/store';

type Choice = 'AGREE' | 'DISAGREE' | 'OTHER';

/** The wording of an alternative as lines: its own text, then its clauses and points with their numbers. */
function wording(n: DraftNode | undefined): string[] {
  if (!n) return [];
  const out: string[] = n.text ? [n.text] : [];
  for (const c of n.children ?? []) {
    const head = c.kind === 'POINT' ? `${c.number})` : `${c.number}.`;
    const [first, ...rest] = wording(c);
    out.push(first ? `${head} ${first}` : head, ...rest);
  }
  return out;
}

/** The heading of a target: "Điều 3. …", or "Khoản 4 (Điều 5)" for a clause voted for its alternatives. */
function targetName(state: ConferenceState, id: string): string {
  const idx = docIndex(state);
  const node = idx.nodes[id];
  if (node?.kind === 'CLAUSE') {
    const art = idx.nodes[idx.parent[id] ?? ''];
    return t('vote.clauseOf', { n: node.number ?? '', article: art?.number ?? '' });
  }
  return `${t('draft.article', { n: node?.number ?? '' })}${node?.title ? `. ${node.title}` : ''}`;
}

/**
 * A ballot between alternative wordings: the alternatives side by side (stacked on a phone), one button each, and
 * "ý kiến khác" whose text is required. Choosing an alternative is an AGREE ballot naming it (docs/domain.md).
 */
function AlternativeBallot(props: { state: ConferenceState; vote: Vote; articleId: string }) {
  const { state, vote, articleId } = props;
  const alternatives = vote.alternatives?.[articleId] ?? [];
  const mine = myBallot(state, vote.id!, articleId);
  const pending = pendingCommand('CastBallot', (c) => c.voteId === vote.id && c.articleId === articleId);
  const [otherText, setOtherText] = useState(mine?.choice === 'OTHER' ? mine.text ?? '' : '');
  const [showOther, setShowOther] = useState(mine?.choice === 'OTHER');
  const st = pending ? 'pending' : ballotState(state, vote, articleId);
  const cmd = pending?.command.type === 'CastBallot' ? pending.command : null;
  const shownAlt = cmd ? cmd.alternativeId ?? null : mine?.alternativeId ?? null;
  const shownOther = cmd ? cmd.choice === 'OTHER' : mine?.choice === 'OTHER';
  const closed = vote.status !== 'OPEN';
  const idx = docIndex(state);
  const name = `ballot-${vote.id}-${articleId}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const label = (a: { id?: string | null; label?: string | null }) => {
    const n = idx.nodes[a.id ?? '']?.number;
    return n ? t('vote.alternative', { n }) : a.label ?? '';
  };
  const chosen = alternatives.find((a) => a.id === mine?.alternativeId);
  return (
    <fieldset class={`ballot ballot-alternatives ballot-${st}`} data-testid={`ballot-${articleId}`} data-state={st} disabled={closed}>
      <legend>
        {targetName(state, articleId)}
        <span class={`badge vote-state vote-state-${st}`} data-testid="ballot-state">{t(`vote.state.${st}` as any)}</span>
      </legend>
      <p class="muted small-text">{t('vote.chooseAlternative')}</p>
      <div class="alternatives" role="group" aria-label={t('vote.chooseAlternative')}>
        {alternatives.map((a) => (
          <article key={a.id} class={`alternative ${shownAlt === a.id ? 'chosen' : ''}`} data-testid={`alternative-${a.id}`}>
            <h4>{label(a)}</h4>
            <div class="alternative-text">{wording(idx.nodes[a.id ?? '']).map((line, i) => <p key={i}>{line}</p>)}</div>
            <button type="button" class={`choice choice-ALT ${shownAlt === a.id ? 'chosen' : ''}`} aria-pressed={shownAlt === a.id}
              data-testid={`choose-${a.id}`} disabled={closed}
              onClick={() => {
                setShowOther(false);
                send({ type: 'CastBallot', voteId: vote.id, articleId, choice: 'AGREE', text: null, alternativeId: a.id });
              }}>
              {t('vote.choose', { label: label(a) })}
            </button>
          </article>
        ))}
      </div>
      <div class="choices">
        <button type="button" class={`choice choice-OTHER ${shownOther ? 'chosen' : ''}`} aria-pressed={shownOther}
          data-testid="choice-OTHER" disabled={closed} onClick={() => setShowOther(true)}>
          {t('vote.OTHER')}
        </button>
      </div>
      {showOther && !closed && (
        <form class="other-form" onSubmit={(e) => {
          e.preventDefault();
          if (otherText.trim()) send({ type: 'CastBallot', voteId: vote.id, articleId, choice: 'OTHER', text: otherText.trim(), alternativeId: null });
        }}>
          <label for={`${name}-text`}>{t('vote.otherText')} ({t('vote.required')})</label>
          <textarea id={`${name}-text`} rows={2} maxLength={2000} required value={otherText} data-testid="other-text"
            onInput={(e) => setOtherText((e.target as HTMLTextAreaElement).value)} />
          <button type="submit" class="small" data-testid="other-submit" disabled={!otherText.trim()}>{t('vote.otherSubmit')}</button>
        </form>
      )}
      {mine?.choice && (
        <p class="muted small-text" data-testid="my-choice">
          {t('vote.yourChoice', { choice: chosen ? label(chosen) : t(`vote.${mine.choice}` as any) })}
          {mine.choice === 'OTHER' && mine.text ? ` — ${mine.text}` : ''}
        </p>
      )}
    </fieldset>
  );
}

function ArticleBallot(props: { state: ConferenceState; vote: Vote; articleId: string }) {
  const { vote, articleId } = props;
  if ((vote.alternatives?.[articleId] ?? []).length > 0) return <AlternativeBallot {...props} />;
  return <PlainBallot {...props} />;
}

function PlainBallot(props: { state: ConferenceState; vote: Vote; articleId: string }) {
  const { state, vote, articleId } = props;
  const mine = myBallot(state, vote.id!, articleId);
  const pending = pendingCommand('CastBallot', (c) => c.voteId === vote.id && c.articleId === articleId);
  const [otherText, setOtherText] = useState(mine?.choice === 'OTHER' ? mine.text ?? '' : '');
  // "Ý kiến khác" chosen but not sent yet: it shows as the pressed choice, marked not sent; the previous choice is
  // no longer shown as pressed, and nothing is recorded until the text is sent.
  const [draftOther, setDraftOther] = useState(false);
  const pendingChoice = pending?.command.type === 'CastBallot' ? (pending.command.choice as Choice) : null;
  const st = pending ? 'pending' : draftOther ? 'draft' : ballotState(state, vote, articleId);
  const shown: Choice | null = pendingChoice ?? (draftOther ? 'OTHER' : null) ?? (mine?.choice as Choice | null) ?? null;
  const closed = vote.status !== 'OPEN';
  const node = docIndex(state).nodes[articleId];
  const name = `ballot-${vote.id}-${articleId}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const cast = (choice: Choice, text?: string) => send({ type: 'CastBallot', voteId: vote.id, articleId, choice, text: choice === 'OTHER' ? text ?? null : null, alternativeId: null });
  return (
    <fieldset class={`ballot ballot-${st}`} data-testid={`ballot-${articleId}`} data-state={st} disabled={closed}>
      <legend>
        {t('draft.article', { n: node?.number ?? '' })}{node?.title ? `. ${node.title}` : ''}
        <span class={`badge vote-state vote-state-${st}`} data-testid="ballot-state">{t(`vote.state.${st}` as any)}</span>
      </legend>
      <div class="choices" role="group" aria-label={t('vote.heading')}>
        {(['AGREE', 'DISAGREE', 'OTHER'] as const).map((c) => (
          <button key={c} type="button" class={`choice choice-${c} ${shown === c ? 'chosen' : ''} ${shown === c && st === 'draft' ? 'unsent' : ''}`} aria-pressed={shown === c}
            data-testid={`choice-${c}`} disabled={closed}
            onClick={() => {
              if (c === 'OTHER') setDraftOther(true);
              else {
                setDraftOther(false);
                cast(c);
              }
            }}>
            {t(`vote.${c}`)}
          </button>
        ))}
      </div>
      {draftOther && !closed && (
        <form class="other-form" data-testid="other-form" onSubmit={(e) => {
          e.preventDefault();
          if (!otherText.trim()) return;
          cast('OTHER', otherText.trim());
          setDraftOther(false);
        }}>
          <label for={`${name}-text`}>{t('vote.otherText')}</label>
          <textarea id={`${name}-text`} rows={2} maxLength={2000} value={otherText} data-testid="other-text" required
            aria-describedby={`${name}-hint`} ref={(el) => { if (el && document.activeElement?.closest('.choices')) el.focus(); }}
            onInput={(e) => setOtherText((e.target as HTMLTextAreaElement).value)} />
          <p class="hint" id={`${name}-hint`}>{t('vote.otherNeedsText')}</p>
          <div class="row">
            <button type="submit" class="small" data-testid="other-submit" disabled={!otherText.trim()}>{t('vote.otherSubmit')}</button>
            <button type="button" class="small secondary" data-testid="other-cancel" onClick={() => setDraftOther(false)}>{t('vote.otherCancel')}</button>
          </div>
        </form>
      )}
      {mine?.choice && (
        <p class="muted small-text" data-testid="my-choice">
          {t('vote.yourChoice', { choice: t(`vote.${mine.choice}`) })}{mine.choice === 'OTHER' && mine.text ? ` — ${mine.text}` : ''}
        </p>
      )}
    </fieldset>
  );
}

export function BallotPanel(props: { state: ConferenceState; vote: Vote }) {
  const { state, vote } = props;
  return (
    <section class="vote-card" data-testid={`vote-${vote.id}`} aria-labelledby={`vt-${vote.id}`}>
      <h3 id={`vt-${vote.id}`}>{vote.title || t('vote.heading')}
        <span class="badge">{t(`vote.mode.${vote.mode ?? 'NAMED'}`)}</span>
        <span class={`badge vote-${vote.status}`}>{t(`vote.status.${vote.status ?? 'OPEN'}`)}</span>
      </h3>
      {(vote.articleIds ?? []).map((a) => <ArticleBallot key={a} state={state} vote={vote} articleId={a} />)}
    </section>
  );
}
