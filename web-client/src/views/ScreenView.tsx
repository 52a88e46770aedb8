// Hall screen (projector): read-only, large type; follows the current agenda item and article, shows the live tally
// and the current speaker with the countdown. No controls. One 16:9 page that never scrolls (docs/web-client.md,
// "Hall screen"): a grid of the viewport's height, type sized from the viewport's height.
import { t } from '../i18n';
import { currentAgendaItem, featuredVote, focusArticle } from '../state/selectors';
import { conference, serverNow } from '../state/store';
import { ConnectionIndicator } from '../ui/Shell';
import { QueueList } from '../ui/Queue';
import { focusNode, ScreenAgenda, ScreenArticle, ScreenResult, ScreenSpeaker, speechState } from '../ui/ScreenParts';

export function ScreenView() {
  const s = conference.value;
  if (!s) return <p class="loading screen-loading">{t('app.loading')}</p>;
  const vote = featuredVote(s);
  const article = focusArticle(s);
  const item = currentAgendaItem(s);
  const speech = speechState(s, serverNow.value);
  return (
    <main id="main" class="screen" data-testid="screen">
      <header class="screen-head">
        <h1>{s.info?.title}</h1>
        <ConnectionIndicator />
      </header>
      <div class="screen-grid">
        <section class="screen-panel agenda-panel" aria-labelledby="scr-agenda" data-testid="panel-agenda">
          <h2 id="scr-agenda">{t('agenda.current')}{item?.kind && ` · ${t(`agenda.kind.${item.kind}` as any)}`}</h2>
          <ScreenAgenda state={s} />
        </section>
        <section class={`screen-panel speaker-panel speech-${speech}`} aria-labelledby="scr-speaker"
          data-testid="panel-speaker" data-speech={speech}>
          <h2 id="scr-speaker">{t('screen.speaker')}</h2>
          <ScreenSpeaker state={s} speech={speech} />
        </section>
        <section class="screen-panel results" aria-labelledby="scr-result" data-testid="panel-result">
          <h2 id="scr-result">
            {t('screen.results')}
            {vote && <span class={`badge vote-${vote.status}`}>{t(`vote.status.${vote.status}`)}</span>}
          </h2>
          {vote && <p class="vote-title" data-testid="vote-title">{vote.title}</p>}
          {vote ? <ScreenResult state={s} vote={vote} /> : <p class="screen-empty">{t('screen.noVote')}</p>}
        </section>
        <section class="screen-panel article-panel" aria-labelledby="scr-article" data-testid="panel-article">
          <h2 id="scr-article" class="sr-only">{t('screen.article')}</h2>
          {article ? <ScreenArticle state={s} articleId={article} focusNodeId={focusNode(s, article)} />
            : <p class="screen-empty">{t('screen.noArticle')}</p>}
        </section>
        <section class="screen-panel queue-panel" aria-labelledby="scr-queue" data-testid="panel-queue">
          <h2 id="scr-queue">{t('screen.waiting')}</h2>
          <QueueList state={s} limit={4} />
        </section>
      </div>
    </main>
  );
}
