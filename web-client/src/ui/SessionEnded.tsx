// Shown when the server ended this session (close 4009 / SESSION_ENDED): the person signed in on another device, or a
// host or moderator ended their sessions. Nothing reconnects by itself; the person signs in again on purpose.
import { endedSession, type EndedSession } from '../app/session';
import { t } from '../i18n';
import { LangToggle } from './Shell';

export function SessionEnded(props: { ended: EndedSession }) {
  const e = props.ended;
  const again = e.joinCode
    ? `#/join/${encodeURIComponent(e.conferenceId)}/${encodeURIComponent(e.joinCode)}`
    : `#/login?next=${encodeURIComponent(`#/c/${encodeURIComponent(e.conferenceId)}`)}`;
  return (
    <div class="login-page">
      <header class="login-head">
        <h1>{t('app.title')}</h1>
        <LangToggle />
      </header>
      <main id="main" class="login-main">
        <section class="card" role="alert" data-testid="session-ended">
          <h2>{t('session.endedHeading')}</h2>
          <p data-testid="session-ended-text">{t('session.ended')}</p>
          {e.name && <p class="muted">{t('session.endedWho', { name: e.name })}</p>}
          <a class="button primary" href={again} data-testid="sign-in-again" onClick={() => (endedSession.value = null)}>
            {t('session.signInAgain')}</a>
        </section>
      </main>
    </div>
  );
}
