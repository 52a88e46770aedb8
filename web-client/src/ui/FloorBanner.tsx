// When the delegate is given the floor: a banner pinned to the top of the screen with the countdown, and a short
// vibration where the browser allows it (navigator.vibrate; iOS Safari has none).
import { useEffect } from 'preact/hooks';
import { t } from '../i18n';
import type { ConferenceState } from '../state/conference';
import { speechElapsed } from '../state/conference';
import { serverNow } from '../state/store';
import { mmss } from './format';

export function FloorBanner(props: { state: ConferenceState }) {
  const s = props.state;
  const cur = s.queue.current;
  const mine = !!cur && !!s.me?.id && cur.participantId === s.me.id;
  const key = mine ? `${cur!.requestId ?? ''}|${cur!.startedAt ?? ''}` : null;
  useEffect(() => {
    if (!key) return;
    try {
      navigator.vibrate?.([300, 150, 300]);
    } catch {
      // vibration is a courtesy; a browser may refuse it
    }
  }, [key]);
  if (!mine || !cur) return null;
  const elapsed = speechElapsed(cur, serverNow.value);
  const limit = cur.limitSeconds * 1000;
  const remaining = limit - elapsed;
  return (
    <div class={`floor-banner ${remaining < 0 && limit > 0 ? 'over' : ''}`} role="alert" data-testid="floor-banner">
      <strong class="floor-title">{t('floor.you')}</strong>
      <span class="floor-time" data-testid="floor-countdown">
        {limit <= 0 ? mmss(elapsed) : remaining < 0 ? t('floor.overrun', { t: mmss(-remaining) }) : t('floor.remaining', { t: mmss(remaining) })}
      </span>
      {!cur.runningSince && <span class="floor-paused">{t('floor.paused')}</span>}
    </div>
  );
}
