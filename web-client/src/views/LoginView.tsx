// Account login, or an invite code; each role then lands on its view.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiFailure, type ConferenceSummary, type ServerInfoBody } from '../api/rest';
import { navigate, parseRoute } from '../app/router';
import { homeView, openableViews, saveSession, sessionFrom } from '../app/session';
import { lang, t } from '../i18n';
import { LangToggle } from '../ui/Shell';

export function errorText(e: unknown): string {
  if (e instanceof ApiFailure) {
    const m = e.error.message;
    if (m) return lang.value === 'vi' ? m.vi : m.en;
    return e.error.code;
  }
  return String(e);
}

export function LoginView(props: { next?: string }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [conferences, setConferences] = useState<ConferenceSummary[] | null>(null);
  const [conferenceId, setConferenceId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState('');
  const [joinConf, setJoinConf] = useState('');
  const [info, setInfo] = useState<ServerInfoBody | null>(null);

  useEffect(() => {
    api.conferences().then((r) => {
      setConferences(r.conferences);
      const first = r.conferences[0]?.conferenceId ?? '';
      setConferenceId((c) => c || first);
      setJoinConf((c) => c || first);
    }).catch(() => setConferences([]));
    api.info().then(setInfo).catch(() => setInfo(null));
  }, []);

  const useDemoLogin = (u: string) => {
    setUsername(u);
    setPassword(info?.demoPassword ?? '');
    if (info?.demoConferenceId) setConferenceId(info.demoConferenceId);
    document.getElementById('login-pass')?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.login(username.trim(), password, conferenceId || undefined);
      if (r.kind === 'choose') {
        setError(t('login.choose'));
        return;
      }
      const conf = r.conferenceId ?? conferenceId;
      const s = sessionFrom(r, conf);
      saveSession(s);
      // Back to the deep link that sent us here, if it is for this conference.
      const next = props.next ? parseRoute(props.next) : null;
      if (next?.name === 'conference' && next.conferenceId === conf
        && (!next.view || openableViews(s.roles, s.kind === 'organizer').includes(next.view))) window.location.hash = props.next!;
      else navigate({ name: 'conference', conferenceId: conf, view: homeView(s.roles, s.kind === 'organizer') });
    } catch (err) {
      if (err instanceof ApiFailure && err.error.code === 'LOGIN_FAILED') setError(t('login.failed'));
      else if (err instanceof ApiFailure && err.error.code === 'THROTTLED') setError(t('login.throttled', { s: err.error.retryAfter ?? 60 }));
      else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="login-page">
      <header class="login-head">
        <h1>{t('app.title')}</h1>
        <LangToggle />
      </header>
      <main id="main" class="login-main">
        <section class="intro" aria-label={t('login.whatLabel')} data-testid="login-intro">
          <p class="tagline">{t('login.tagline')}</p>
          <ul>
            <li>{t('login.what1')}</li>
            <li>{t('login.what2')}</li>
            <li>{t('login.what3')}</li>
          </ul>
        </section>
        <form class="card" onSubmit={submit} aria-labelledby="login-h">
          <h2 id="login-h">{t('login.heading')}</h2>
          <label for="login-user">{t('login.username')}</label>
          <input id="login-user" name="username" autoComplete="username" required value={username}
            onInput={(e) => setUsername((e.target as HTMLInputElement).value)} />
          <label for="login-pass">{t('login.password')}</label>
          <input id="login-pass" name="password" type="password" autoComplete="current-password" required value={password}
            onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
          <label for="login-conf">{t('login.conference')}</label>
          <select id="login-conf" value={conferenceId} onChange={(e) => setConferenceId((e.target as HTMLSelectElement).value)}>
            {(conferences ?? []).map((c) => <option key={c.conferenceId} value={c.conferenceId}>{c.title ?? c.conferenceId}</option>)}
          </select>
          {conferences && conferences.length === 0 && <p class="muted">{t('login.noConferences')}</p>}
          {error && <p class="error" role="alert" data-testid="login-error">{error}</p>}
          <button type="submit" class="primary" disabled={busy} data-testid="login-submit">{t('login.submit')}</button>
        </form>
        <form class="card" onSubmit={(e) => {
          e.preventDefault();
          if (code.trim() && joinConf) navigate({ name: 'join', conferenceId: joinConf, code: code.trim().toUpperCase() });
        }} aria-labelledby="join-h">
          <h2 id="join-h">{t('login.orJoin')}</h2>
          <label for="join-conf">{t('login.conference')}</label>
          <select id="join-conf" value={joinConf} onChange={(e) => setJoinConf((e.target as HTMLSelectElement).value)}>
            {(conferences ?? []).map((c) => <option key={c.conferenceId} value={c.conferenceId}>{c.title ?? c.conferenceId}</option>)}
          </select>
          <label for="join-code">{t('login.code')}</label>
          <input id="join-code" value={code} autoComplete="off" onInput={(e) => setCode((e.target as HTMLInputElement).value)} />
          <button type="submit" class="secondary">{t('login.joinSubmit')}</button>
        </form>
        {info?.demo && info.demoLogins && (
          <section class="card demo-logins" aria-labelledby="demo-h" data-testid="demo-logins">
            <h2 id="demo-h">{t('login.demoHeading')}</h2>
            <p>{t('login.demoIntro', { p: info.demoPassword ?? '' })}</p>
            <table>
              <thead><tr><th scope="col">{t('login.demoUser')}</th><th scope="col">{t('login.demoRole')}</th><th scope="col">{t('login.demoName')}</th></tr></thead>
              <tbody>
                {info.demoLogins.map((l) => (
                  <tr key={l.username} data-testid={`demo-login-${l.username}`}>
                    <td><button type="button" class="linkish" aria-label={t('login.demoUse', { u: l.username })}
                      onClick={() => useDemoLogin(l.username)}>{l.username}</button></td>
                    <td>{t(`role.${l.role}` as any)}</td>
                    <td>{l.displayName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </main>
    </div>
  );
}
