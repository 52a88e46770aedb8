// The app shell: picks the view from the hash route, makes sure a session exists for the conference, and keeps
// the one live connection of this tab open while a conference view is shown.
import { useEffect } from 'preact/hooks';
import { navigate, route } from './app/router';
import { adoptStoredSession, endedSession, homeView, openableViews, session, signOut, type ViewName } from './app/session';
import { lang, t } from './i18n';
import { conference, connection, startLive, stopLive } from './state/store';
import { SessionEnded } from './ui/SessionEnded';
import { Shell } from './ui/Shell';
import { lazyView } from './app/lazy';
import { DelegateView } from './views/DelegateView';
import { JoinView } from './views/JoinView';
import { LoginView } from './views/LoginView';

// Only the delegate's screen (and the login and join pages) are in the first chunk; the others load on first use.
const loadingIn = (view: ViewName) => () => <Shell view={view}><p class="muted" role="status">{t('app.loading')}</p></Shell>;
const ChairView = lazyView(() => import('./views/ChairView').then((m) => m.ChairView), loadingIn('chair'));
const HostView = lazyView(() => import('./views/HostView').then((m) => m.HostView), loadingIn('host'));
const SecretaryView = lazyView(() => import('./views/SecretaryView').then((m) => m.SecretaryView), loadingIn('secretary'));
const ScreenView = lazyView(() => import('./views/ScreenView').then((m) => m.ScreenView), () => null);
const ReportView = lazyView(() => import('./views/ReportView').then((m) => m.ReportView), loadingIn('report'));
const ReviseView = lazyView(() => import('./views/ReviseView').then((m) => m.ReviseView), loadingIn('revise'));
const DiffView = lazyView(() => import('./views/DiffView').then((m) => m.DiffView), loadingIn('diff'));
const AuditView = lazyView(() => import('./views/AuditView').then((m) => m.AuditView), loadingIn('audit'));

function ConferenceRoute(props: { conferenceId: string; view: string | null; params?: Record<string, string> }) {
  // A tab without a session of its own for this conference takes the one kept on the device (closed tab, restart).
  if ((!session.value || session.value.conferenceId !== props.conferenceId) && !endedSession.value) {
    adoptStoredSession(props.conferenceId, props.view);
  }
  const s = session.value;
  const ended = endedSession.value?.conferenceId === props.conferenceId;
  const ok = !!s && s.conferenceId === props.conferenceId;
  useEffect(() => {
    if (ended) stopLive();
    else if (!ok) navigate({ name: 'login', next: window.location.hash });
    else startLive(s!);
  }, [ok, ended, s?.participantId, s?.conferenceId]);
  useEffect(() => {
    if (connection.value.status !== 'unauthorized') return;
    // A session from a join link goes back to that link (which asks for the name again); an account to the login.
    const code = session.peek()?.joinCode;
    if (code) {
      signOut();
      navigate({ name: 'join', conferenceId: props.conferenceId, code });
    } else navigate({ name: 'login', next: window.location.hash });
  }, [connection.value.status]);
  if (ended) return <SessionEnded ended={endedSession.value!} />;
  if (!ok) return null;
  const allowed = openableViews(s!.roles, s!.kind === 'organizer');
  const view = props.view ?? homeView(s!.roles, s!.kind === 'organizer');
  if (!allowed.includes(view as any)) {
    return (
      <main class="login-main">
        <p class="error">{t('app.forbiddenView')}</p>
        <a href={`#/c/${encodeURIComponent(props.conferenceId)}/${homeView(s!.roles, s!.kind === 'organizer')}`}>
          {t(`view.${homeView(s!.roles, s!.kind === 'organizer')}`)}</a>
      </main>
    );
  }
  // The views read the conference state; until the first snapshot arrives the frame shows "loading".
  if (!conference.value) return view === 'screen' ? <ScreenView /> : <Shell view={view as ViewName}>{null}</Shell>;
  switch (view) {
    case 'chair':
      return <ChairView />;
    case 'host':
      return <HostView />;
    case 'secretary':
      return <SecretaryView />;
    case 'screen':
      return <ScreenView />;
    case 'report':
      return <ReportView />;
    case 'revise':
      return <ReviseView />;
    case 'diff':
      return <DiffView params={props.params} />;
    case 'audit':
      return <AuditView />;
    default:
      return <DelegateView />;
  }
}

export function App() {
  const r = route.value;
  useEffect(() => {
    document.documentElement.lang = lang.value;
    document.title = t('app.title');
  }, [lang.value]);
  switch (r.name) {
    case 'login':
      return <LoginView next={r.next} />;
    case 'join':
      return <JoinView conferenceId={r.conferenceId} code={r.code} />;
    case 'conference':
      return <ConferenceRoute conferenceId={r.conferenceId} view={r.view} params={r.params} />;
    default:
      return (
        <main class="login-main">
          <p>{t('app.notFound')}</p>
          <a href="#/login">{t('app.backToLogin')}</a>
        </main>
      );
  }
}
