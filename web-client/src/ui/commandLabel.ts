import type { Command } from '../protocol.gen';
import { t } from '../i18n';

/** A short human name for a queued or failed command. */
export function commandLabel(c: Command): string {
  switch (c.type) {
    case 'CastBallot':
      return `${t('vote.heading')}: ${c.choice ? t(`vote.${c.choice}`) : ''}`;
    case 'AddAnnotation':
      return t('ann.submit');
    case 'ReplyToAnnotation':
      return t('ann.replySubmit');
    case 'RequestFloor':
      return t('queue.request');
    case 'WithdrawFloorRequest':
      return t('queue.withdraw');
    case 'RecordHallResult':
      return t('host.record');
    case 'CheckInEndpoint':
      return t('host.checkInSubmit');
    default:
      return c.type;
  }
}
