import type { ComponentChildren } from 'preact';
import { lang, setLang, t } from '../i18n';
import { allowedViews, session, signOut, type ViewName } from '../app/session';
import { href, navigate } from '../app/router';
import { conference, connection, dismissCommand, notices, outbox, retryCommand, stopLive } from '../state/store';
import { commandLabel } from './commandLabel';
import { SynthesisNav } from './SynthesisNav';

/** The connection indicator: always visible, with the reason and the pending/failed commands. */
export function ConnectionIndicator() {
  const c = connection.value;
  const text =
    c.status === 'live' ? t('conn.live')
    : c.status === 'connecting' ? t('conn.connecting')
    : c.status === 'offline' ? t('conn.offline')
    : c.status === 'unauthorized' ? t('conn.unauthorized')
    : c.status === 'ended' ? t('session.ended')
    : c.status === 'reconnecting' ? t('conn.reconnecting', { s: Math.max(1, Math.round((c.retryInMs ?? 1000) / 1000)) })
    : t('conn.closed');
  const entries = outbox.value;
  const pending = entries.filter((e) => e.status !== 'failed').length;
  return (
    <div class={`conn conn-${c.status}`} data-testid="connection" data-status={c.status} role="status" aria-live="polite">
      <span class="conn-dot" aria-hidden="true" />
      <span data-testid="connection-text">{text}</span>
      {pending > 0 && <span class="conn-pending" data-testid="pending-count"> · {t('conn.pending', { n: pending })}</span>}
    </div>
  );
}

/** Commands the server refused (or that wait), with retry and dismiss. */
export function OutboxPanel() {
  const failed = outbox.value.filter((e) => e.status === 'failed');
  if (failed.length === 0) return null;
  return (
    <section class="outbox" aria-label={t('conn.failed', { n: failed.length })} data-testid="failed-commands">
      <strong>{t('conn.failed', { n: failed.length })}</strong>
      <ul>
        {failed.map((e) => (
          <li key={e.id}>
            <span>{commandLabel(e.command)}</span>
            {e.error && <span class="muted"> — {lang.value === 'vi' ? e.error.vi : e.error.en}</span>}
            <button type="button" class="small" onClick={() => retryCommand(e.id)}>{t('conn.retry')}</button>
            <button type="button" class="small secondary" onClick={() => dismissCommand(e.id)}>{t('conn.dismiss')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Notices() {
  return (
    <div class="notices" aria-live="assertive">
      {notices.value.map((n) => (
        <div key={n.id} class={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          {lang.value === 'vi' ? n.text.vi : n.text.en}
        </div>
      ))}
    </div>
  );
}

export function LangToggle() {
  const other = lang.value === 'vi' ? 'en' : 'vi';
  return (
    <button type="button" class="lang-toggle secondary small" data-testid="lang-toggle" lang={other}
      title={t('app.lang.label')} onClick={() => setLang(other)}>
      {t('app.lang.toggle')}
    </button>
  );
}

/** Signs out of this tab and this device. */
export function logout(): void {
  stopLive();
  signOut();
  navigate({ name: 'login' });
}

/** Page frame of a conference view: title, who, views, language, connection; then the view. */
export function Shell(props: { view: ViewName; children: ComponentChildren; wide?: boolean }) {
  const s = session.value;
  const c = conference.value;
  const views = s ? allowedViews(s.roles, s.kind === 'organizer') : [];
  return (
    <div class={`shell view-${props.view}`}>
      <a class="skip" href="#main">{t('app.skip')}</a>
      <header class="topbar">
        <div class="topbar-title">
          <span class="brand">{t('app.title')}</span>
          {c?.info?.title && <span class="conf-title" data-testid="conference-title">{c.info.title}</span>}
        </div>
        <div class="topbar-tools">
          <ConnectionIndicator />
          {s && (
            <span class="who" data-testid="who">
              {s.name || t('role.ORGANIZER')}
              {c?.info?.status && <span class={`badge status-${c.info.status}`}>{t(`status.${c.info.status}` as any)}</span>}
            </span>
          )}
          {views.length > 1 && (
            <nav aria-label={t('view.switch')} class="view-switch">
              {views.map((v) => (
                <a key={v} href={href({ name: 'conference', conferenceId: s!.conferenceId, view: v })}
                  aria-current={v === props.view ? 'page' : undefined}>{t(`view.${v}`)}</a>
              ))}
            </nav>
          )}
          <LangToggle />
          <button type="button" class="secondary small" onClick={logout}>{t('app.logout')}</button>
        </div>
      </header>
      <SynthesisNav view={props.view} />
      <Notices />
      <OutboxPanel />
      <main id="main" class={props.wide ? 'wide' : ''} tabIndex={-1}>
        {c ? props.children : <p class="loading">{t('app.loading')}</p>}
      </main>
    </div>
  );
}
