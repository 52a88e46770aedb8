// Endpoint host: check the hall in with its head count, admit or refuse those who opened the hall's link, the hall's
// delegate list with attendance, request the floor for the hall, record the hall's collective vote, and invite
// delegates with a QR code.
import { useState } from 'preact/hooks';
import type { Vote } from '../protocol.gen';
import { api } from '../api/rest';
import { session } from '../app/session';
import { t } from '../i18n';
import type { ConferenceState } from '../state/conference';
import { hallKey } from '../state/conference';
import { docIndex, openVotes } from '../state/selectors';
import { conference, notify, send } from '../state/store';
import { QrCode } from '../ui/QrCode';
import { QueueList, RequestFloor } from '../ui/Queue';
import { Shell } from '../ui/Shell';
import { AgendaNow, SpeakerNow } from '../ui/Timers';
import { errorText } from './LoginView';
import { DelegateImport } from '../ui/DelegateImport';
import { DelegateList } from '../ui/DelegateList';
import { JoinRequestsPanel } from '../ui/JoinRequests';
import { ConfirmButton, later, UndoBar } from '../ui/Undo';

function CheckIn(props: { state: ConferenceState; endpointId: string }) {
  const ep = props.state.endpoints[props.endpointId];
  const [count, setCount] = useState(String(ep?.headCount || ''));
  if (!ep) return null;
  const n = Number.parseInt(count, 10);
  const valid = Number.isFinite(n) && n >= 0 && n <= 100000;
  return (
    <section class="panel" aria-labelledby="ci-h" data-testid="checkin">
      <h2 id="ci-h" class="section-title">{t('host.checkin')} — {ep.name}</h2>
      <p data-testid="checkin-status" class={ep.checkedIn ? 'ok' : 'muted'}>
        {ep.checkedIn ? t('host.checkedIn', { n: ep.headCount }) : t('host.notCheckedIn')}
      </p>
      <form class="row" onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        send(ep.checkedIn ? { type: 'UpdateHeadCount', endpointId: ep.id, headCount: n } : { type: 'CheckInEndpoint', endpointId: ep.id, headCount: n });
      }}>
        <label for="headcount">{t('host.headCount')}</label>
        <input id="headcount" type="number" min={0} max={100000} inputMode="numeric" value={count} data-testid="headcount"
          onInput={(e) => setCount((e.target as HTMLInputElement).value)} />
        <button type="submit" class="primary" disabled={!valid} data-testid="checkin-submit">
          {ep.checkedIn ? t('host.updateHeadCount') : t('host.checkInSubmit')}</button>
        {ep.checkedIn && (
          <ConfirmButton label={t('host.checkOut')} class="secondary" testId="check-out" question={t('host.confirmCheckOut')}
            what={t('act.checkOut')} act={() => send({ type: 'CheckOutEndpoint', endpointId: ep.id })} />
        )}
      </form>
    </section>
  );
}

function HallVoteRow(props: { state: ConferenceState; vote: Vote; articleId: string; endpointId: string; headCount: number; checkedIn: boolean }) {
  const { state, vote, articleId, endpointId } = props;
  const existing = state.hallResults[hallKey(vote.id, articleId, endpointId)];
  const [a, setA] = useState(String(existing?.agree ?? ''));
  const [d, setD] = useState(String(existing?.disagree ?? ''));
  const [o, setO] = useState(String(existing?.other ?? ''));
  const node = docIndex(state).nodes[articleId];
  const nums = [a, d, o].map((x) => Number.parseInt(x || '0', 10));
  const sum = nums.reduce((x, y) => x + y, 0);
  const valid = nums.every((x) => Number.isFinite(x) && x >= 0) && sum <= props.headCount;
  const id = `hv-${vote.id}-${articleId}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    <form class="hall-vote" data-testid={`hall-vote-${articleId}`} onSubmit={(e) => {
      e.preventDefault();
      if (!valid) return;
      send({ type: 'RecordHallResult', voteId: vote.id, articleId, endpointId, agree: nums[0], disagree: nums[1], other: nums[2] });
    }}>
      <strong>{t('draft.article', { n: node?.number ?? '' })}</strong>
      {/* Each label stays with its box when the row wraps. */}
      <span class="hv-field"><label for={`${id}-a`}>{t('vote.AGREE')}</label>
        <input id={`${id}-a`} type="number" min={0} value={a} onInput={(e) => setA((e.target as HTMLInputElement).value)} /></span>
      <span class="hv-field"><label for={`${id}-d`}>{t('vote.DISAGREE')}</label>
        <input id={`${id}-d`} type="number" min={0} value={d} onInput={(e) => setD((e.target as HTMLInputElement).value)} /></span>
      <span class="hv-field"><label for={`${id}-o`}>{t('vote.OTHER')}</label>
        <input id={`${id}-o`} type="number" min={0} value={o} onInput={(e) => setO((e.target as HTMLInputElement).value)} /></span>
      <span class={sum > props.headCount ? 'error' : 'muted'} data-testid="hall-sum">{t('host.sumOf', { sum, n: props.headCount })}</span>
      {sum > props.headCount && (
        <p class="error over-headcount" role="alert" data-testid="over-headcount">
          {t('host.overHeadCount', { sum, n: props.headCount, d: sum - props.headCount })}</p>
      )}
      <button type="submit" class="small primary" disabled={!valid || !props.checkedIn}>{t('host.record')}</button>
      {existing && (
        <>
          <span class="ok" data-testid="hall-recorded">{t('host.recorded', { a: existing.agree, d: existing.disagree, o: existing.other })}</span>
          <button type="button" class="small secondary" data-testid="clear-hall-result"
            onClick={() => later(t('act.clearHall', { article: t('draft.article', { n: node?.number ?? '' }) }),
              () => send({ type: 'ClearHallResult', voteId: vote.id, articleId, endpointId }))}>
            {t('host.clear')}</button>
        </>
      )}
    </form>
  );
}

function HallVote(props: { state: ConferenceState; endpointId: string }) {
  const s = props.state;
  const ep = s.endpoints[props.endpointId];
  const open = openVotes(s);
  return (
    <section class="panel" aria-labelledby="hvote-h">
      <h2 id="hvote-h" class="section-title">{t('host.hallVote')}</h2>
      {open.length === 0 && <p class="muted">{t('vote.none')}</p>}
      {open.length > 0 && !ep?.checkedIn && <p class="hint">{t('host.needCheckIn')}</p>}
      {open.map((v) => (
        <div key={v.id} class="vote-card">
          <h3>{v.title || t('vote.heading')}</h3>
          {v.articleIds.map((a) => (
            <HallVoteRow key={a} state={s} vote={v} articleId={a} endpointId={props.endpointId} headCount={ep?.headCount ?? 0} checkedIn={!!ep?.checkedIn} />
          ))}
        </div>
      ))}
    </section>
  );
}

export function joinUrl(conferenceId: string, code: string): string {
  return `${window.location.origin}/#/join/${encodeURIComponent(conferenceId)}/${encodeURIComponent(code)}`;
}

function Invites(props: { state: ConferenceState; endpointId: string }) {
  const s = props.state;
  const [busy, setBusy] = useState(false);
  const invites = Object.values(s.invites).filter((i) => i.endpointId === props.endpointId && !i.revoked && i.uses < i.maxUses && i.role === 'DELEGATE');
  const latest = invites[invites.length - 1];
  return (
    <section class="panel" aria-labelledby="inv-h" data-testid="invites">
      <h2 id="inv-h" class="section-title">{t('host.invite')}</h2>
      {latest && (
        <div class="qr-box">
          <QrCode text={joinUrl(s.conferenceId, latest.code)} label={`${t('login.code')} ${latest.code}`} />
          <p class="invite-code" data-testid="invite-code">{latest.code}</p>
          <p class="hint">{t('host.inviteHint')}</p>
          <p class="small-text"><a href={joinUrl(s.conferenceId, latest.code)}>{joinUrl(s.conferenceId, latest.code)}</a></p>
        </div>
      )}
      <button type="button" class="primary" disabled={busy} data-testid="issue-invite" onClick={async () => {
        const sess = session.value;
        if (!sess) return;
        setBusy(true);
        try {
          const expires = new Date(Date.now() + 2 * 86400_000).toISOString();
          await api.issueInvite(sess.conferenceId, sess.accessToken, 'DELEGATE', props.endpointId, expires);
        } catch (e) {
          notify('error', { vi: errorText(e), en: errorText(e) });
        } finally {
          setBusy(false);
        }
      }}>{t('host.issueInvite')}</button>
      {invites.length > 0 && (
        <ul class="invites">
          {invites.map((i) => (
            <li key={i.code}>
              <code>{i.code}</code> <span class="muted">{t('host.inviteUses', { n: i.uses, max: i.maxUses })}</span>
              <button type="button" class="small secondary" onClick={() => send({ type: 'RevokeInvite', code: i.code })}>{t('host.revoke')}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function HostView() {
  const s = conference.value!;
  const endpointId = s.me?.endpointId ?? session.value?.endpointId ?? '';
  return (
    <Shell view="host">
      <div class="layout-two">
        <div>
          <CheckIn state={s} endpointId={endpointId} />
          <section class="panel" aria-labelledby="hq-h">
            <h2 id="hq-h" class="section-title">{t('queue.heading')}</h2>
            <SpeakerNow state={s} />
            <QueueList state={s} />
            <RequestFloor state={s} forHall={true} />
          </section>
          <HallVote state={s} endpointId={endpointId} />
        </div>
        <div>
          <section class="panel" aria-labelledby="hnow-h">
            <h2 id="hnow-h" class="section-title">{t('agenda.current')}</h2>
            <AgendaNow state={s} />
          </section>
          <JoinRequestsPanel state={s} endpointId={endpointId} />
          <Invites state={s} endpointId={endpointId} />
          <DelegateList state={s} endpointId={endpointId} canEdit={true} />
          <DelegateImport />
        </div>
      </div>
      <UndoBar />
    </Shell>
  );
}
