// Agenda timer and speaking countdown: elapsed time from event timestamps (server clock) plus the clock offset.
import { formatTime, t } from '../i18n';
import type { ConferenceState } from '../state/conference';
import { agendaElapsed, speechElapsed } from '../state/conference';
import { currentAgendaItem, endpointName, participantName } from '../state/selectors';
import { serverNow } from '../state/store';
import { mmss } from './format';

export function AgendaNow(props: { state: ConferenceState; large?: boolean }) {
  const item = currentAgendaItem(props.state);
  if (!item) return <p class="muted" data-testid="agenda-current">{t('agenda.none')}</p>;
  const elapsed = agendaElapsed(item, serverNow.value);
  const planned = item.plannedMinutes * 60_000;
  return (
    <div class={`agenda-now ${props.large ? 'large' : ''}`} data-testid="agenda-current">
      <div class="agenda-kind">{t(`agenda.kind.${item.kind ?? 'OTHER'}` as any)}</div>
      <div class="agenda-title">{item.title}</div>
      <div class={`timer ${planned > 0 && elapsed > planned ? 'over' : ''}`} data-testid="agenda-timer">
        <span class="sr-only">{t('agenda.elapsed')}: </span>
        {mmss(elapsed)}{planned > 0 && <span class="muted"> / {mmss(planned)}</span>}
      </div>
    </div>
  );
}

/** Who speaks, for whom, and the countdown (or overrun) of the speaking limit. */
export function SpeakerNow(props: { state: ConferenceState; large?: boolean }) {
  const s = props.state;
  const cur = s.queue.current;
  if (!cur) return <p class="muted" data-testid="speaker-now">{props.large ? t('screen.noSpeaker') : t('queue.nobody')}</p>;
  const req = cur.requestId ? s.queue.requests[cur.requestId] : undefined;
  const who = participantName(s, cur.participantId);
  const ep = endpointName(s, req?.endpointId ?? s.participants[cur.participantId ?? '']?.endpointId);
  const elapsed = speechElapsed(cur, serverNow.value);
  const limit = cur.limitSeconds * 1000;
  const remaining = limit - elapsed;
  return (
    <div class={`speaker-now ${props.large ? 'large' : ''}`} data-testid="speaker-now">
      <div class="speaker-name" data-testid="speaker-name">{who}</div>
      <div class="speaker-endpoint">{ep}{req?.forHall && <span class="muted"> ({t('queue.forHall')})</span>}</div>
      {limit > 0 ? (
        <div class={`countdown ${remaining < 0 ? 'over' : remaining < 30_000 ? 'soon' : ''}`} data-testid="speech-countdown"
          aria-label={remaining < 0 ? t('queue.overrun') : t('queue.remaining')}>
          {remaining < 0 ? `${t('queue.overrun')} ${mmss(-remaining)}` : mmss(remaining)}
        </div>
      ) : (
        <div class="countdown" data-testid="speech-countdown">{mmss(elapsed)} <small class="muted">{t('queue.noLimit')}</small></div>
      )}
      {!cur.runningSince && <div class="badge paused">{t('queue.paused')}</div>}
      {cur.startedAt && <div class="muted small-text">{formatTime(Date.parse(cur.startedAt))}</div>}
    </div>
  );
}
