// Admission: the pending join requests of a hall's shared link (or of every hall, for the chair and the secretary),
// live from the snapshot and the JoinRequested / JoinRequestAdmitted / JoinRequestRefused events. A request marked as
// a possible duplicate names whom it may repeat, and admitting it needs an explicit confirmation (confirmDuplicate).
import { useState } from 'preact/hooks';
import type { JoinRequest } from '../protocol.gen';
import { formatTime, t } from '../i18n';
import type { ConferenceState } from '../state/conference';
import { pendingJoinRequests } from '../state/selectors';
import { pendingCommand, send } from '../state/store';

/** Whom a duplicate may repeat: a participant's name, or another waiting request's name. */
export function duplicateName(s: ConferenceState, id: string | null | undefined): string | null {
  if (!id) return null;
  const p = s.participants[id];
  if (p) return p.displayName ?? id;
  const r = s.joinRequests[id];
  if (r) return t('admit.otherRequest', { name: r.displayName ?? id });
  return id;
}

function RequestRow(props: { state: ConferenceState; r: JoinRequest; showHall: boolean }) {
  const { state: s, r } = props;
  const [confirming, setConfirming] = useState(false);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const dup = duplicateName(s, r.duplicateOf);
  const claimed = r.claimedParticipantId ? s.participants[r.claimedParticipantId]?.displayName ?? r.claimedParticipantId : null;
  const busy = !!pendingCommand('AdmitJoinRequest', (c) => c.requestId === r.id) || !!pendingCommand('RefuseJoinRequest', (c) => c.requestId === r.id);
  const rid = `jr-${r.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    <li class={`join-request${dup ? ' duplicate' : ''}`} data-testid="join-request" data-request-id={r.id ?? ''}>
      <div>
        <strong data-testid="join-request-name">{r.displayName ?? claimed ?? ''}</strong>
        {claimed && <span class="muted"> · {t('admit.claims', { name: claimed })}</span>}
        {props.showHall && r.endpointId && <span class="muted"> · {s.endpoints[r.endpointId]?.name ?? r.endpointId}</span>}
        {r.at && <span class="muted small-text"> · {formatTime(Date.parse(r.at))}</span>}
      </div>
      {dup && <p class="warning" data-testid="join-request-duplicate">{t('admit.duplicate', { name: dup })}</p>}
      {!confirming && !refusing && (
        <div class="row">
          <button type="button" class="small primary" disabled={busy} data-testid="admit"
            onClick={() => (dup ? setConfirming(true) : send({ type: 'AdmitJoinRequest', requestId: r.id, confirmDuplicate: false }))}>
            {t('admit.admit')}</button>
          <button type="button" class="small secondary" disabled={busy} data-testid="refuse" onClick={() => setRefusing(true)}>
            {t('admit.refuse')}</button>
        </div>
      )}
      {confirming && (
        <div class="confirm" role="group" aria-label={t('admit.confirmDuplicate', { name: dup ?? '' })}>
          <p>{t('admit.confirmDuplicate', { name: dup ?? '' })}</p>
          <button type="button" class="small danger" data-testid="admit-confirm" onClick={() => {
            setConfirming(false);
            send({ type: 'AdmitJoinRequest', requestId: r.id, confirmDuplicate: true });
          }}>{t('admit.admitAnyway')}</button>
          <button type="button" class="small secondary" onClick={() => setConfirming(false)}>{t('admit.cancel')}</button>
        </div>
      )}
      {refusing && (
        <form class="row" onSubmit={(e) => {
          e.preventDefault();
          setRefusing(false);
          send({ type: 'RefuseJoinRequest', requestId: r.id, reason: reason.trim() || null });
        }}>
          <label for={`${rid}-reason`}>{t('admit.reason')}</label>
          <input id={`${rid}-reason`} maxLength={500} value={reason} data-testid="refuse-reason"
            onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
          <button type="submit" class="small danger" data-testid="refuse-confirm">{t('admit.refuse')}</button>
          <button type="button" class="small secondary" onClick={() => setRefusing(false)}>{t('admit.cancel')}</button>
        </form>
      )}
    </li>
  );
}

/** The waiting requests of one hall (a host) or of all halls (endpointId null: chair, secretary). */
export function JoinRequestsPanel(props: { state: ConferenceState; endpointId: string | null }) {
  const s = props.state;
  const list = pendingJoinRequests(s, props.endpointId);
  return (
    <section class="panel" aria-labelledby="admit-h" data-testid="join-requests">
      <h2 id="admit-h" class="section-title">{t('admit.heading')} <span class="badge" data-testid="join-requests-count">{list.length}</span></h2>
      {list.length === 0 && <p class="muted">{t('admit.none')}</p>}
      <ul class="join-requests">
        {list.map((r) => <RequestRow key={r.id} state={s} r={r} showHall={props.endpointId === null} />)}
      </ul>
    </section>
  );
}
