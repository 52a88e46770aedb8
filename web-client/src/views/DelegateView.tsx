// Delegate, phone first: the current agenda item, open votes, who speaks and the queue, the draft with annotations.
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import type { ConferenceState } from '../state/conference';
import { featuredVote, focusArticle, hasRole, openVotes } from '../state/selectors';
import { conference } from '../state/store';
import { BallotPanel } from '../ui/Ballot';
import { DraftReader } from '../ui/Draft';
import { QueueList, RequestFloor } from '../ui/Queue';
import { Shell } from '../ui/Shell';
import { TallyChart } from '../ui/Tally';
import { AgendaNow, SpeakerNow } from '../ui/Timers';
import { FloorBanner } from '../ui/FloorBanner';
import { UndoBar } from '../ui/Undo';

export function VotesForDelegate(props: { state: ConferenceState }) {
  const s = props.state;
  const open = openVotes(s);
  if (!hasRole(s, 'DELEGATE')) return null;
  const last = featuredVote(s);
  return (
    <section class="panel" aria-labelledby="votes-h" data-testid="delegate-votes">
      <h2 id="votes-h" class="section-title">{t('vote.heading')}</h2>
      {open.map((v) => <BallotPanel key={v.id} state={s} vote={v} />)}
      {open.length === 0 && <p class="muted">{t('vote.none')}</p>}
      {open.length === 0 && last && (
        <>
          <BallotPanel state={s} vote={last} />
          <TallyChart state={s} vote={last} />
        </>
      )}
    </section>
  );
}

export function DelegateView() {
  const s = conference.value!;
  const [picked, setPicked] = useState<string | null>(null);
  const articleId = picked ?? focusArticle(s);
  const canAnnotate = hasRole(s, 'DELEGATE') || hasRole(s, 'HOST') || hasRole(s, 'CHAIR') || hasRole(s, 'SECRETARY');
  // Phone order: what needs the delegate now comes first — an open ballot, then the floor, then the agenda item.
  const voting = openVotes(s).length > 0;
  const agenda = (
    <section class="panel" aria-labelledby="now-h" key="agenda">
      <h2 id="now-h" class="section-title">{t('agenda.current')}</h2>
      <AgendaNow state={s} />
    </section>
  );
  const queue = (
    <section class="panel" aria-labelledby="queue-h" key="queue" data-testid="delegate-queue">
      <h2 id="queue-h" class="section-title">{t('queue.heading')}</h2>
      <h3 class="sub">{t('queue.speaking')}</h3>
      <SpeakerNow state={s} />
      <h3 class="sub">{t('queue.next')}</h3>
      <QueueList state={s} />
      {hasRole(s, 'DELEGATE') && <RequestFloor state={s} forHall={false} articleId={articleId} />}
    </section>
  );
  const votes = <VotesForDelegate state={s} key="votes" />;
  return (
    <Shell view="delegate">
      <FloorBanner state={s} />
      <div class="layout-two">
        <div class="col-session">
          {voting ? [votes, queue, agenda] : [queue, agenda, votes]}
        </div>
        <div class="col-draft panel">
          <DraftReader state={s} articleId={articleId} onArticle={setPicked} canAnnotate={canAnnotate}
            actions={{ reply: canAnnotate }} />
        </div>
      </div>
      <UndoBar />
    </Shell>
  );
}
