// A hall's delegate list with attendance (điểm danh): each person's details (listed delegates), whether they are
// connected (where presence frames name people), marked present or absent, and "end sessions" (a lost phone or the
// wrong person: every device of theirs is signed out) behind a confirmation. The secretary also edits the details.
import { useState } from 'preact/hooks';
import type { Participant } from '../protocol.gen';
import { t } from '../i18n';
import type { ConferenceState } from '../state/conference';
import { attendanceOf, hallDelegates } from '../state/selectors';
import { send } from '../state/store';

const MARKABLE = new Set(['SCHEDULED', 'LIVE', 'FEEDBACK_OPEN']);

function DetailsForm(props: { state: ConferenceState; p: Participant; onDone(): void }) {
  const d = props.state.delegates[props.p.id!] ?? {};
  const [v, setV] = useState({ position: d.position ?? '', unit: d.unit ?? '', phone: d.phone ?? '', email: d.email ?? '' });
  const id = `dd-${props.p.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const field = (k: keyof typeof v, max = 200) => (
    <>
      <label for={`${id}-${k}`}>{t(`delegates.${k}`)}</label>
      <input id={`${id}-${k}`} maxLength={max} autoComplete="off" value={v[k]} data-testid={`details-${k}`}
        onInput={(e) => setV({ ...v, [k]: (e.target as HTMLInputElement).value })} />
    </>
  );
  return (
    <form class="details-form" onSubmit={(e) => {
      e.preventDefault();
      const orNull = (x: string) => (x.trim() ? x.trim() : null);
      send({ type: 'UpdateDelegateDetails', participantId: props.p.id, position: orNull(v.position), unit: orNull(v.unit),
        phone: orNull(v.phone), email: orNull(v.email) });
      props.onDone();
    }}>
      {field('position')}
      {field('unit')}
      {field('phone', 20)}
      {field('email')}
      <div class="row">
        <button type="submit" class="small primary" data-testid="details-save">{t('delegates.save')}</button>
        <button type="button" class="small secondary" onClick={props.onDone}>{t('admit.cancel')}</button>
      </div>
    </form>
  );
}

function PersonRow(props: { state: ConferenceState; p: Participant; canEdit: boolean; canMark: boolean; showHall: boolean }) {
  const { state: s, p } = props;
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [editing, setEditing] = useState(false);
  const a = attendanceOf(s, p.id!);
  const d = s.delegates[p.id!];
  const markable = props.canMark && MARKABLE.has(s.info?.status ?? '');
  const ended = s.sessions[p.id!]?.endedAt;
  return (
    <li data-testid="delegate-row" data-participant-id={p.id ?? ''} data-present={a.present ? 'true' : 'false'}>
      <div>
        <strong data-testid="delegate-name">{p.displayName}</strong>
        {(d?.position || d?.unit) && <span class="muted"> · {[d?.position, d?.unit].filter(Boolean).join(', ')}</span>}
        {props.showHall && p.endpointId && <span class="muted"> · {s.endpoints[p.endpointId]?.name ?? p.endpointId}</span>}
        {a.online !== null && (
          <span class={`badge ${a.online ? 'online' : 'offline'}`}>{a.online ? t('host.online') : t('host.offline')}</span>
        )}
        <span class={`badge ${a.present ? 'ok' : ''}`} data-testid="attendance-state">
          {a.present ? t('delegates.present') : a.marked === false ? t('delegates.markedAbsent') : t('delegates.absent')}</span>
        {ended && <span class="muted small-text"> · {t('delegates.sessionsEnded')}</span>}
      </div>
      {!confirmEnd && !confirmRemove && !editing && (
        <div class="row">
          {markable && a.marked !== true && (
            <button type="button" class="small secondary" data-testid="mark-present"
              onClick={() => send({ type: 'MarkAttendance', participantId: p.id, present: true })}>{t('delegates.markPresent')}</button>
          )}
          {markable && a.marked === true && (
            <button type="button" class="small secondary" data-testid="mark-absent"
              onClick={() => send({ type: 'MarkAttendance', participantId: p.id, present: false })}>{t('delegates.markAbsent')}</button>
          )}
          <button type="button" class="small secondary" data-testid="end-sessions" onClick={() => setConfirmEnd(true)}>
            {t('delegates.endSessions')}</button>
          {props.canEdit && (
            <button type="button" class="small secondary" data-testid="edit-details" onClick={() => setEditing(true)}>{t('delegates.edit')}</button>
          )}
          <button type="button" class="small secondary" data-testid="remove-participant" onClick={() => setConfirmRemove(true)}>
            {t('delegates.remove')}</button>
        </div>
      )}
      {confirmRemove && (
        <div class="confirm" role="group" aria-label={t('delegates.remove')}>
          <p>{t('delegates.confirmRemove', { name: p.displayName ?? '' })}</p>
          <button type="button" class="small danger" data-testid="remove-confirm" onClick={() => {
            setConfirmRemove(false);
            send({ type: 'RemoveParticipant', participantId: p.id });
          }}>{t('delegates.remove')}</button>
          <button type="button" class="small secondary" onClick={() => setConfirmRemove(false)}>{t('admit.cancel')}</button>
        </div>
      )}
      {confirmEnd && (
        <div class="confirm" role="group" aria-label={t('delegates.endSessions')}>
          <p>{t('delegates.confirmEnd', { name: p.displayName ?? '' })}</p>
          <button type="button" class="small danger" data-testid="end-sessions-confirm" onClick={() => {
            setConfirmEnd(false);
            send({ type: 'EndSessions', participantId: p.id });
          }}>{t('delegates.endSessions')}</button>
          <button type="button" class="small secondary" onClick={() => setConfirmEnd(false)}>{t('admit.cancel')}</button>
        </div>
      )}
      {editing && <DetailsForm state={s} p={p} onDone={() => setEditing(false)} />}
    </li>
  );
}

/** The delegates of one hall (a host), or of every hall (endpointId null: the secretary). */
/** `canMark` false for an organizer (roles.md: MarkAttendance is the chair's, the secretary's and the hall host's). */
export function DelegateList(props: { state: ConferenceState; endpointId: string | null; canEdit: boolean; canMark?: boolean }) {
  const s = props.state;
  const people = hallDelegates(s, props.endpointId).filter((p) => p.id !== s.me?.id);
  const present = people.filter((p) => attendanceOf(s, p.id!).present).length;
  return (
    <section class="panel" aria-labelledby="hd-h" data-testid="hall-delegates">
      <h2 id="hd-h" class="section-title">{t('host.delegates')} ({people.length})</h2>
      <p class="muted" data-testid="hall-attendance">{t('delegates.summary', { present, absent: people.length - present, n: people.length })}</p>
      <ul class="people">
        {people.map((p) => <PersonRow key={p.id} state={s} p={p} canEdit={props.canEdit} canMark={props.canMark !== false} showHall={props.endpointId === null} />)}
      </ul>
      {props.endpointId !== null && !s.presence?.participantsOnline && <p class="hint">{t('host.onlineUnknown')}</p>}
    </section>
  );
}
