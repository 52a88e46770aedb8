// A delegate's ballot on each article of an open vote: three toggle buttons (Tab and Enter; one press sends),
// the "ý kiến khác" text, and a clear state: not voted, voted, changed, closed — or sending while queued.
import { useState } from 'preact/hooks';
import type { Vote } from '../protocol.gen';
import { t } from '../i18n';
import type { ConferenceState } from '../state/conference';
import { ballotState, docIndex, myBallot } from '../state/selectors';
import { pendingCommand, send } from '../state/store';

type Choice = 'AGREE' | 'DISAGREE' | 'OTHER';

function ArticleBallot(props: { state: ConferenceState; vote: Vote; articleId: string }) {
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
  const cast = (choice: Choice, text?: string) => send({ type: 'CastBallot', voteId: vote.id, articleId, choice, text: choice === 'OTHER' ? text ?? null : null });
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
