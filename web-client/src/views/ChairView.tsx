// Chair console: conference status, agenda with the current item's timer, votes with live tallies (chart, table,
// per endpoint), the speaker queue with its controls and countdown, endpoint presence, annotation moderation.
import { useState } from 'preact/hooks';
import { formatDateTime, formatTime, t } from '../i18n';
import type { ConferenceState } from '../state/conference';
import { agendaElapsed } from '../state/conference';
import { docIndex, threads, votesInOrder } from '../state/selectors';
import { conference, pendingCommand, send, serverNow } from '../state/store';
import { AnnotationThread } from '../ui/Annotations';
import { mmss } from '../ui/format';
import { ChairQueue } from '../ui/Queue';
import { Shell } from '../ui/Shell';
import { EndpointTallyTable, TallyChart, TallyTable } from '../ui/Tally';
import { SpeakerNow } from '../ui/Timers';
import { ReportPanel } from './ReportView';
import { AttendanceSummary } from '../ui/AttendanceSummary';
import { JoinRequestsPanel } from '../ui/JoinRequests';
import { ConfirmButton, UndoBar } from '../ui/Undo';

function ConferenceControls(props: { state: ConferenceState }) {
  const st = props.state.info?.status;
  const [deadline, setDeadline] = useState(() => new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 16));
  return (
    <section class="panel" aria-labelledby="cc-h" data-testid="conference-controls">
      <h2 id="cc-h" class="section-title">{t('chair.conference')}
        <span class={`badge status-${st}`} data-testid="conference-status">{st ? t(`status.${st}` as any) : ''}</span></h2>
      {st === 'SCHEDULED' && (
        <button type="button" class="primary" data-testid="start-conference" disabled={!!pendingCommand('StartConference')}
          onClick={() => send({ type: 'StartConference' })}>{t('chair.start')}</button>
      )}
      {st === 'LIVE' && (
        <div class="row" data-testid="open-feedback-form">
          <label for="fb-deadline">{t('chair.deadline')}</label>
          <input id="fb-deadline" type="datetime-local" value={deadline} onInput={(e) => setDeadline((e.target as HTMLInputElement).value)} />
          <ConfirmButton label={t('chair.openFeedback')} class="secondary" testId="open-feedback"
            question={t('chair.confirmOpenFeedback', { deadline: formatDateTime(new Date(deadline).getTime()) })}
            what={t('act.openFeedback')} act={() => send({ type: 'OpenFeedback', deadline: new Date(deadline).toISOString() })} />
        </div>
      )}
      {(st === 'LIVE' || st === 'FEEDBACK_OPEN') && (
        <ConfirmButton label={t('chair.close')} question={t('chair.confirmClose')} what={t('act.close')} testId="close-conference"
          act={() => send({ type: 'CloseConference' })} />
      )}
    </section>
  );
}

function AgendaControl(props: { state: ConferenceState }) {
  const s = props.state;
  const live = s.info?.status === 'LIVE';
  return (
    <section class="panel" aria-labelledby="ag-h" data-testid="agenda-control">
      <h2 id="ag-h" class="section-title">{t('agenda.heading')}</h2>
      <ol class="agenda-list">
        {s.agenda.map((item) => {
          const cur = item.status === 'CURRENT';
          const elapsed = agendaElapsed(item, serverNow.value);
          const planned = item.plannedMinutes * 60_000;
          return (
            <li key={item.id} class={`agenda-item agenda-${item.status}`} data-testid="agenda-item" aria-current={cur ? 'step' : undefined}>
              <div>
                <strong>{item.title}</strong>
                <div class="muted small-text">{t(`agenda.kind.${item.kind}` as any)} · {t('agenda.planned', { m: item.plannedMinutes })} ·{' '}
                  {t(`agenda.status.${item.status}` as any)}</div>
              </div>
              {(cur || item.spentMillis > 0) && (
                <span class={`timer ${planned > 0 && elapsed > planned ? 'over' : ''}`} data-testid={cur ? 'agenda-timer' : undefined}>{mmss(elapsed)}</span>
              )}
              {cur ? (
                <button type="button" class="small secondary" disabled={!live} onClick={() => send({ type: 'CompleteAgendaItem' })}>{t('agenda.complete')}</button>
              ) : (
                <button type="button" class="small" disabled={!live} data-testid="agenda-start"
                  onClick={() => send({ type: 'StartAgendaItem', itemId: item.id })}>{item.status === 'DONE' ? t('agenda.restart') : t('agenda.start')}</button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function OpenVoteForm(props: { state: ConferenceState }) {
  const s = props.state;
  const idx = docIndex(s);
  const [target, setTarget] = useState(idx.articles[0]?.node.id ?? '');
  const [mode, setMode] = useState<'NAMED' | 'ANONYMOUS'>(s.info?.settings?.defaultVoteMode ?? 'NAMED');
  const [title, setTitle] = useState('');
  const live = s.info?.status === 'LIVE';
  return (
    <form class="open-vote" data-testid="open-vote-form" onSubmit={(e) => {
      e.preventDefault();
      const node = idx.nodes[target];
      const fallback = node ? (node.kind === 'CHAPTER' ? t('draft.chapter', { n: node.number }) : t('draft.article', { n: node.number })) : '';
      send({ type: 'OpenVote', nodeIds: [target], mode, title: title.trim() || `${t('vote.heading')} ${fallback}` });
      setTitle('');
    }}>
      <label for="vote-target">{t('vote.target')}</label>
      <select id="vote-target" value={target} data-testid="vote-target" onChange={(e) => setTarget((e.target as HTMLSelectElement).value)}>
        {idx.chapters.map((c) => (
          <optgroup key={c.id} label={`${t('draft.chapter', { n: c.number })}. ${c.title}`}>
            <option value={c.id}>{t('draft.chapter', { n: c.number })} ({t('common.everyone')})</option>
            {idx.articles.filter((a) => a.chapter === c).map((a) => (
              <option key={a.node.id} value={a.node.id}>{t('draft.article', { n: a.node.number })}. {a.node.title}</option>
            ))}
          </optgroup>
        ))}
        {idx.chapters.length === 0 && idx.articles.map((a) => (
          <option key={a.node.id} value={a.node.id}>{t('draft.article', { n: a.node.number })}. {a.node.title}</option>
        ))}
      </select>
      <label for="vote-mode">{t('vote.mode')}</label>
      <select id="vote-mode" value={mode} onChange={(e) => setMode((e.target as HTMLSelectElement).value as typeof mode)}>
        <option value="NAMED">{t('vote.mode.NAMED')}</option>
        <option value="ANONYMOUS">{t('vote.mode.ANONYMOUS')}</option>
      </select>
      <label for="vote-title">{t('vote.title')}</label>
      <input id="vote-title" value={title} maxLength={300} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
      <button type="submit" class="primary" disabled={!live || !target} data-testid="open-vote">{t('vote.open')}</button>
    </form>
  );
}

function VoteControl(props: { state: ConferenceState }) {
  const s = props.state;
  const votes = votesInOrder(s).slice().reverse();
  return (
    <section class="panel" aria-labelledby="vc-h" data-testid="vote-control">
      <h2 id="vc-h" class="section-title">{t('vote.heading')}</h2>
      <OpenVoteForm state={s} />
      <h3 class="sub">{t('vote.list')}</h3>
      {votes.length === 0 && <p class="muted">{t('vote.none')}</p>}
      {votes.map((v, i) => (
        <details key={v.id} class="vote-card" open={i === 0 || v.status === 'OPEN'} data-testid={`chair-vote-${v.id}`}>
          <summary>
            <strong>{v.title}</strong> <span class={`badge vote-${v.status}`}>{t(`vote.status.${v.status}`)}</span>
            <span class="badge">{t(`vote.mode.${v.mode}`)}</span>
          </summary>
          <div class="row">
            {v.status === 'OPEN' ? (
              <button type="button" class="danger small" data-testid="close-vote" onClick={() => send({ type: 'CloseVote', voteId: v.id })}>{t('vote.close')}</button>
            ) : (
              <button type="button" class="small secondary" disabled={v.reopenCount >= 3 || s.info?.status !== 'LIVE'}
                onClick={() => send({ type: 'ReopenVote', voteId: v.id })}>{t('vote.reopen')}</button>
            )}
          </div>
          <TallyChart state={s} vote={v} />
          <TallyTable state={s} vote={v} />
          {v.articleIds.map((a) => <EndpointTallyTable key={a} state={s} vote={v} articleId={a} />)}
        </details>
      ))}
    </section>
  );
}

function QueueControl(props: { state: ConferenceState }) {
  const s = props.state;
  const cur = s.queue.current;
  return (
    <section class="panel" aria-labelledby="qc-h" data-testid="queue-control">
      <h2 id="qc-h" class="section-title">{t('queue.heading')}</h2>
      <SpeakerNow state={s} />
      {cur && (
        <div class="row">
          {cur.runningSince ? (
            <button type="button" class="secondary" onClick={() => send({ type: 'PauseSpeech' })}>{t('queue.pause')}</button>
          ) : (
            <button type="button" class="secondary" onClick={() => send({ type: 'ResumeSpeech' })}>{t('queue.resume')}</button>
          )}
          <button type="button" class="danger" data-testid="end-speech" onClick={() => send({ type: 'EndSpeech' })}>{t('queue.end')}</button>
        </div>
      )}
      <ChairQueue state={s} />
      <div class="row">
        {s.queue.open ? (
          <button type="button" class="small secondary" onClick={() => send({ type: 'CloseSpeakerQueue' })}>{t('queue.closeQueue')}</button>
        ) : (
          <button type="button" class="small" onClick={() => send({ type: 'OpenSpeakerQueue' })}>{t('queue.open')}</button>
        )}
      </div>
    </section>
  );
}

function Presence(props: { state: ConferenceState }) {
  const s = props.state;
  const p = s.presence;
  const [onlyLost, setOnlyLost] = useState(false);
  // Lost halls first, then those online, then the rest, each in the conference's order.
  const rank = (e: string) => (p?.lost[e] ? 0 : p?.endpoints?.[e]?.online ? 1 : 2);
  const ids = s.endpointOrder.filter((e) => !onlyLost || p?.lost[e]).map((e, i) => [e, i] as const)
    .sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([e]) => e);
  return (
    <section class="panel" aria-labelledby="pr-h" data-testid="presence">
      <h2 id="pr-h" class="section-title">{t('chair.presence')}
        {p && <span class="badge" data-testid="online-count">{t('chair.onlineCount', { n: p.endpointsOnline, total: p.endpointsTotal })}</span>}
      </h2>
      <label class="checkbox">
        <input type="checkbox" checked={onlyLost} onChange={(e) => setOnlyLost((e.target as HTMLInputElement).checked)} />
        {t('chair.filterLost')}
      </label>
      <ul class="presence-grid scroll-box" tabIndex={0} aria-label={t('chair.presence')}>
        {ids.map((id) => {
          const ep = s.endpoints[id];
          const pe = p?.endpoints?.[id];
          const lost = p?.lost[id];
          const cls = lost ? 'lost' : pe?.online ? 'online' : 'offline';
          return (
            <li key={id} class={`presence-${cls}`} data-testid={`presence-${ep.code}`} data-online={pe?.online ? 'true' : 'false'}>
              <span class="presence-dot" aria-hidden="true" />
              <span class="presence-name">{ep.name}</span>
              <span class="sr-only">{pe?.online ? t('chair.online') : t('chair.offline')}</span>
              {pe && pe.connections > 0 && <span class="muted small-text"> {t('chair.connections', { n: pe.connections })}</span>}
              {ep.checkedIn && <span class="badge ok">{t('chair.headCount')}: {ep.headCount}</span>}
              {lost && <span class="badge lost-badge" role="alert">{t('chair.lost', { time: formatTime(Date.parse(lost)) })}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Moderation(props: { state: ConferenceState }) {
  const s = props.state;
  const list = threads(s).slice().reverse().slice(0, 30);
  return (
    <section class="panel" aria-labelledby="mo-h" data-testid="moderation">
      <h2 id="mo-h" class="section-title">{t('chair.moderation')} <small class="muted">{t('ann.count', { n: threads(s).length })}</small></h2>
      {list.length === 0 && <p class="muted">{t('chair.noAnnotations')}</p>}
      {list.length > 0 && (
        <div class="scroll-box" tabIndex={0} role="group" aria-label={t('chair.moderation')}>
          {list.map((a) => <AnnotationThread key={a.id} state={s} a={a} actions={{ moderate: true }} />)}
        </div>
      )}
    </section>
  );
}

/** Below 1200 px the console is one or two columns: a bar of buttons jumps to each part. */
function JumpBar() {
  const parts = [['conference-controls', 'chair.conference'], ['queue-control', 'queue.heading'], ['vote-control', 'vote.heading'],
    ['moderation', 'chair.moderation'], ['presence', 'chair.presence'], ['report-panel', 'report.heading']] as const;
  return (
    <nav class="jump-bar" aria-label={t('chair.jump')}>
      {parts.map(([id, key]) => (
        <button key={id} type="button" class="small secondary" onClick={() => {
          const el = document.querySelector<HTMLElement>(`[data-testid=${id}]`);
          el?.scrollIntoView({ block: 'start' });
          el?.querySelector<HTMLElement>('h2')?.focus();
        }}>{t(key as any)}</button>
      ))}
    </nav>
  );
}

export function ChairView() {
  const s = conference.value!;
  // Three columns from 1200 px (1366×768, 1920×1080): running the session | votes | feedback and halls. The long
  // lists (moderation, the halls) scroll inside their panels, so nothing sits 1,800 px down.
  return (
    <Shell view="chair" wide>
      <JumpBar />
      <div class="chair-console">
        <div class="chair-col">
          <ConferenceControls state={s} />
          <QueueControl state={s} />
          <AgendaControl state={s} />
        </div>
        <div class="chair-col">
          <VoteControl state={s} />
        </div>
        <div class="chair-col">
          <Moderation state={s} />
          <JoinRequestsPanel state={s} endpointId={null} />
          <Presence state={s} />
          <AttendanceSummary />
          <ReportPanel state={s} />
        </div>
      </div>
      <UndoBar />
    </Shell>
  );
}
