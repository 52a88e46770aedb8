// Annotation threads: the first annotation with its quote, body, proposed wording and response, its replies, and the
// actions the viewer may take (reply, delete own, hide/restore, respond). All user text is rendered as text.
import { useState } from 'preact/hooks';
import type { Annotation } from '../protocol.gen';
import { formatTime, t } from '../i18n';
import type { ConferenceState } from '../state/conference';
import { docIndex, endpointName, participantName, repliesTo } from '../state/selectors';
import { lang } from '../i18n';
import { later } from './Undo';
import { send } from '../state/store';

export interface ThreadActions {
  reply?: boolean;
  moderate?: boolean;
  respond?: boolean;
}

function Byline(props: { state: ConferenceState; a: Annotation }) {
  const { state, a } = props;
  return (
    <div class="byline">
      {t('ann.by', { name: participantName(state, a.authorId), endpoint: endpointName(state, a.endpointId) })}
      {a.createdAt && <span class="muted"> · {formatTime(Date.parse(a.createdAt))}</span>}
    </div>
  );
}

function Body(props: { a: Annotation }) {
  const a = props.a;
  if (a.status === 'DELETED') return <p class="muted">{t('ann.deleted')}</p>;
  return (
    <>
      {a.status === 'HIDDEN' && <p class="badge hidden-badge">{a.hiddenReason ? t('ann.hiddenReason', { reason: a.hiddenReason }) : t('ann.hidden')}</p>}
      {a.body != null && <p class="ann-body" data-testid="ann-body">{a.body}</p>}
      {a.replacement != null && a.replacement !== '' && (
        <p class="ann-replacement"><strong>{t('ann.replacement')}: </strong><span>{a.replacement}</span></p>
      )}
    </>
  );
}

/**
 * Where an annotation sits, named as a legal citation: "điểm a khoản 2 Điều 5" in Vietnamese (smallest part first),
 * "Article 5, clause 2, point a" in English. Null for a node that is no longer in the draft.
 */
export function placeOf(state: ConferenceState, nodeId: string | null | undefined): string | null {
  const idx = docIndex(state);
  const parts: string[] = [];
  for (let id = nodeId ?? null; id; id = idx.parent[id] ?? null) {
    const n = idx.nodes[id];
    if (!n) return null;
    const key = n.kind === 'ARTICLE' ? 'place.article' : n.kind === 'CLAUSE' ? 'place.clause' : n.kind === 'POINT' ? 'place.point' : null;
    if (key) parts.push(t(key, { n: n.number ?? '' }));
    if (n.kind === 'ARTICLE') break;
  }
  if (parts.length === 0) return null;
  return lang.value === 'vi' ? parts.join(' ') : parts.reverse().join(', ');
}

export function ResponseBadge(props: { a: Annotation }) {
  const r = props.a.response;
  if (!r?.kind) return <span class="badge resp-none" data-testid="response">{t('resp.none')}</span>;
  return <span class={`badge resp-${r.kind}`} data-testid="response">{t(`resp.${r.kind}` as any)}</span>;
}

export function AnnotationThread(props: { state: ConferenceState; a: Annotation; actions: ThreadActions; highlighted?: boolean }) {
  const { state, a, actions } = props;
  const replies = repliesTo(state, a.id!);
  const [replyText, setReplyText] = useState('');
  const [hideReason, setHideReason] = useState('');
  // Nothing chosen until the team chooses: a default answer would be given by whoever presses "Lưu" too quickly.
  const [respKind, setRespKind] = useState<'ACCEPTED' | 'EXPLAINED' | 'NOTED' | null>(a.response?.kind ?? null);
  const [respText, setRespText] = useState(a.response?.text ?? '');
  const mine = !!state.me?.id && a.authorId === state.me.id;
  const quote = a.anchor?.quote?.exact;
  const live = a.status === 'VISIBLE';
  const place = placeOf(state, a.anchor?.nodeId);
  return (
    <article class={`thread ${props.highlighted ? 'flash' : ''} status-${a.status}`} id={`ann-${a.id}`} data-testid="thread" data-annotation-id={a.id}
      tabIndex={-1}>
      <header>
        <span class={`badge kind-${a.kind}`}>{t(`ann.kind.${a.kind ?? 'COMMENT'}` as any)}</span>
        <ResponseBadge a={a} />
        {a.orphaned && <span class="badge warn">{t('ann.orphaned')}</span>}
        {!a.orphaned && place && <span class="ann-place" data-testid="ann-place">{t('ann.on', { place })}</span>}
      </header>
      {quote ? <blockquote class="ann-quote">“{quote}”</blockquote> : <p class="muted">{t('ann.wholeNode')}</p>}
      <Body a={a} />
      <Byline state={state} a={a} />
      {a.response?.text && <p class="ann-response"><strong>{t(`resp.${a.response.kind ?? 'NOTED'}` as any)}: </strong>{a.response.text}</p>}
      {replies.length > 0 && (
        <ol class="replies" aria-label={t('ann.replies', { n: replies.length })}>
          {replies.map((r) => (
            <li key={r.id} data-testid="reply">
              <Body a={r} />
              <Byline state={state} a={r} />
            </li>
          ))}
        </ol>
      )}
      <div class="thread-actions">
        {actions.reply && live && (
          <form class="reply-form" onSubmit={(ev) => {
            ev.preventDefault();
            if (!replyText.trim()) return;
            send({ type: 'ReplyToAnnotation', annotationId: a.id, body: replyText.trim() });
            setReplyText('');
          }}>
            <label class="sr-only" for={`reply-${a.id}`}>{t('ann.reply')}</label>
            <input id={`reply-${a.id}`} value={replyText} maxLength={4000} placeholder={t('ann.replyPlaceholder')}
              onInput={(e) => setReplyText((e.target as HTMLInputElement).value)} />
            <button type="submit" class="small">{t('ann.replySubmit')}</button>
          </form>
        )}
        {mine && a.status !== 'DELETED' && (
          <button type="button" class="small secondary" data-testid="delete-annotation"
            onClick={() => later(t('act.deleteAnn'), () => send({ type: 'DeleteAnnotation', annotationId: a.id }))}>{t('ann.delete')}</button>
        )}
        {actions.moderate && a.status === 'VISIBLE' && (
          <form class="inline-form" onSubmit={(ev) => {
            ev.preventDefault();
            send({ type: 'HideAnnotation', annotationId: a.id, reason: hideReason.trim() || null });
            setHideReason('');
          }}>
            <label class="sr-only" for={`hide-${a.id}`}>{t('ann.hideReason')}</label>
            <input id={`hide-${a.id}`} value={hideReason} maxLength={500} placeholder={t('ann.hideReason')}
              onInput={(e) => setHideReason((e.target as HTMLInputElement).value)} />
            <button type="submit" class="small danger">{t('ann.hide')}</button>
          </form>
        )}
        {actions.moderate && a.status === 'HIDDEN' && (
          <button type="button" class="small" onClick={() => send({ type: 'RestoreAnnotation', annotationId: a.id })}>{t('ann.restore')}</button>
        )}
        {actions.respond && a.status !== 'DELETED' && (
          <form class="respond-form" data-testid="respond-form" onSubmit={(ev) => {
            ev.preventDefault();
            if (!respKind || respKind === 'EXPLAINED' && !respText.trim()) return;
            send({ type: 'RespondToAnnotation', annotationId: a.id, response: respKind, text: respText.trim() || null });
          }}>
            <fieldset>
              <legend>{t('resp.set')}</legend>
              {(['ACCEPTED', 'EXPLAINED', 'NOTED'] as const).map((k) => (
                <label key={k} class="radio">
                  <input type="radio" name={`resp-${a.id}`} value={k} checked={respKind === k} onChange={() => setRespKind(k)} />
                  {t(`resp.${k}`)}
                </label>
              ))}
            </fieldset>
            <label for={`resp-text-${a.id}`}>{t('resp.text')}</label>
            <textarea id={`resp-text-${a.id}`} rows={2} maxLength={4000} value={respText}
              required={respKind === 'EXPLAINED'} onInput={(e) => setRespText((e.target as HTMLTextAreaElement).value)} />
            {respKind === 'EXPLAINED' && !respText.trim() && <p class="hint">{t('resp.explainNeedsText')}</p>}
            {!respKind && <p class="hint">{t('resp.pick')}</p>}
            <button type="submit" class="small" data-testid="respond-submit" disabled={!respKind || respKind === 'EXPLAINED' && !respText.trim()}>
              {t('resp.submit')}</button>
          </form>
        )}
      </div>
    </article>
  );
}
