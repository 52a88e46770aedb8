// Hall screen (projector): read-only, large type; follows the current agenda item and article, shows the live tally
// and the current speaker with the countdown. No controls.
import { t } from '../i18n';
import { featuredVote, focusArticle } from '../state/selectors';
import { conference } from '../state/store';
import { ArticleText } from '../ui/Draft';
import { ConnectionIndicator } from '../ui/Shell';
import { QueueList } from '../ui/Queue';
import { TallyChart } from '../ui/Tally';
import { AgendaNow, SpeakerNow } from '../ui/Timers';

export function ScreenView() {
  const s = conference.value;
  if (!s) return <p class="loading screen-loading">{t('app.loading')}</p>;
  const vote = featuredVote(s);
  const article = focusArticle(s);
  return (
    <div class="screen" data-testid="screen">
      <header class="screen-head">
        <h1>{s.info?.title}</h1>
        <ConnectionIndicator />
      </header>
      <div class="screen-grid">
        <section class="screen-panel" aria-label={t('agenda.current')}>
          <h2>{t('agenda.current')}</h2>
          <AgendaNow state={s} large />
        </section>
        <section class="screen-panel speaker" aria-label={t('screen.speaker')}>
          <h2>{t('screen.speaker')}</h2>
          <SpeakerNow state={s} large />
          <h3>{t('screen.waiting')}</h3>
          <QueueList state={s} limit={3} />
        </section>
        {vote && (
          <section class="screen-panel results" aria-label={t('screen.results')}>
            <h2>{t('screen.results')}: {vote.title} <span class={`badge vote-${vote.status}`}>{t(`vote.status.${vote.status ?? 'OPEN'}`)}</span></h2>
            <TallyChart state={s} vote={vote} large />
          </section>
        )}
        {article && (
          <section class="screen-panel article-panel" aria-label={t('screen.article')}>
            <h2>{t('screen.article')}</h2>
            <ArticleText state={s} articleId={article} large />
          </section>
        )}
      </div>
    </div>
  );
}
