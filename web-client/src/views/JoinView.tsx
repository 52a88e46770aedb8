// The join link (#/join/<conference>/<code>): resumes the session this device already got from that link; otherwise
// the person types their name. A personal code signs in at once (201); a hall's shared link answers with a request
// (202) that the hall's host admits or refuses: the page waits, asking every 3 s, and the request is kept on the
// device so a reload keeps waiting.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiFailure, type JoinCodeInfo, type JoinPending, type TokenBody } from '../api/rest';
import { navigate } from '../app/router';
import { deviceStore, endedSession, homeView, refreshSession, saveSession, session, sessionFrom, storedJoinSession,
  type Session } from '../app/session';
import { clearPendingJoin, loadPendingJoin, otherJoined, savePendingJoin, type PendingJoin } from '../app/sessionStore';
import { lang, t } from '../i18n';
import { LangToggle } from '../ui/Shell';
import { errorText } from './LoginView';

const POLL_MS = 3000;

type Phase =
  | { k: 'resuming' }
  | { k: 'form' }
  | { k: 'waiting'; p: PendingJoin }
  | { k: 'refused'; name: string; reason: string | null };

function enter(s: Session): void {
  saveSession(s);
  navigate({ name: 'conference', conferenceId: s.conferenceId, view: homeView(s.roles) });
}

export function JoinView(props: { conferenceId: string; code: string }) {
  const { conferenceId, code } = props;
  const [phase, setPhase] = useState<Phase>({ k: 'resuming' });
  const [note, setNote] = useState<string | null>(null);

  // First: a session this device got from this link, then a request still waiting, else the form.
  useEffect(() => {
    let gone = false;
    const stored = storedJoinSession(conferenceId, code);
    if (stored) {
      saveSession(stored);
      refreshSession().then((ok) => {
        if (gone) return;
        // Refused as ended: say so and offer the form. Unreachable server: go in anyway, the connection retries.
        if (ok === 'ended') setPhase({ k: 'form' });
        else enter(session.value ?? stored);
      });
      return () => {
        gone = true;
      };
    }
    const kv = deviceStore();
    const pending = kv ? loadPendingJoin(kv, conferenceId, code) : null;
    setPhase(pending ? { k: 'waiting', p: pending } : { k: 'form' });
    return () => {
      gone = true;
    };
  }, [conferenceId, code]);

  return (
    <div class="login-page">
      <header class="login-head">
        <h1>{t('app.title')}</h1>
        <LangToggle />
      </header>
      <main id="main" class="login-main">
        {endedSession.value?.conferenceId === conferenceId && phase.k !== 'waiting' && (
          <p class="error" role="alert" data-testid="session-ended">{t('session.ended')}</p>
        )}
        {note && <p class="notice-inline" role="status" data-testid="join-note">{note}</p>}
        {phase.k === 'resuming' && <p class="loading" role="status">{t('join.resuming')}</p>}
        {phase.k === 'form' && (
          <JoinForm conferenceId={conferenceId} code={code} onPending={(p) => {
            setNote(null);
            setPhase({ k: 'waiting', p });
          }} />
        )}
        {phase.k === 'waiting' && (
          <Waiting p={phase.p} onRefused={(reason) => setPhase({ k: 'refused', name: phase.p.displayName, reason })}
            onGone={() => {
              setNote(t('join.requestGone'));
              setPhase({ k: 'form' });
            }}
            onCancel={() => setPhase({ k: 'form' })} />
        )}
        {phase.k === 'refused' && (
          <section class="card" aria-labelledby="refused-h" data-testid="join-refused">
            <h2 id="refused-h">{t('join.refusedHeading')}</h2>
            <p>{t('join.refused', { name: phase.name })}</p>
            {phase.reason && <p data-testid="join-refused-reason">{t('join.reason')}: {phase.reason}</p>}
            <button type="button" class="secondary" onClick={() => setPhase({ k: 'form' })}>{t('join.again')}</button>
          </section>
        )}
      </main>
    </div>
  );
}

/** What the code opens, asked before the form: the conference, the hall, a refusal at once, the hall's names. */
function useCodeInfo(conferenceId: string, code: string): { info: JoinCodeInfo | null; unknown: boolean } {
  const [info, setInfo] = useState<JoinCodeInfo | null>(null);
  const [unknown, setUnknown] = useState(false);
  useEffect(() => {
    let gone = false;
    api.joinCode(conferenceId, code).then((i) => {
      if (!gone) setInfo(i);
    }).catch((e) => {
      // Only a code the server does not know stops the form; an unreachable server leaves the form as it was.
      if (!gone && e instanceof ApiFailure && e.error.status === 404) setUnknown(true);
    });
    return () => {
      gone = true;
    };
  }, [conferenceId, code]);
  return { info, unknown };
}

function dateOf(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d.toLocaleDateString(lang.value === 'vi' ? 'vi-VN' : 'en-GB',
    { day: '2-digit', month: '2-digit', year: 'numeric' });
}

function JoinForm(props: { conferenceId: string; code: string; onPending(p: PendingJoin): void }) {
  const [name, setName] = useState('');
  const [claim, setClaim] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { info, unknown } = useCodeInfo(props.conferenceId, props.code);
  const kv = deviceStore();
  const other = kv ? otherJoined<Session>(kv, props.conferenceId, props.code) : null;
  if (unknown) {
    return (
      <section class="card" data-testid="join-unknown" role="alert">
        <h2>{t('join.heading')}</h2>
        <p class="error">{t('join.unknownCode', { code: props.code })}</p>
      </section>
    );
  }
  if (info && !info.usable) {
    return (
      <section class="card" data-testid="join-unusable" role="alert">
        <h2>{info.title}</h2>
        {info.endpointName && <p>{t('join.hall', { hall: info.endpointName })}</p>}
        <p class="error">{info.refusal ? info.refusal.message[lang.value === 'vi' ? 'vi' : 'en'] : t('join.unknownCode', { code: props.code })}</p>
      </section>
    );
  }
  const personal = info?.kind === 'PERSONAL';
  const listed = info?.kind === 'HALL_LINK' ? info.delegates ?? [] : [];
  const ready = personal || claim !== '' || name.trim() !== '';
  return (
    <>
      {other && (
        <section class="card" data-testid="join-other-session">
          <p>{t('join.alreadyHere', { name: other.name })}</p>
          <button type="button" class="secondary" onClick={() => enter(other)}>{t('join.continueAs', { name: other.name })}</button>
        </section>
      )}
      <form class="card" aria-labelledby="joinv-h" onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          const body = await api.join(props.conferenceId, props.code, personal ? '' : name.trim(), claim || undefined);
          if ('status' in body && body.status === 'PENDING') {
            const p = pendingOf(body as JoinPending, props.conferenceId, props.code);
            if (kv) savePendingJoin(kv, p);
            props.onPending(p);
          } else {
            enter(sessionFrom(body as TokenBody, props.conferenceId, props.code));
          }
        } catch (err) {
          setError(t('join.failed', { why: errorText(err) }));
        } finally {
          setBusy(false);
        }
      }}>
        <h2 id="joinv-h">{info ? info.title : t('join.heading')}</h2>
        {info ? (
          <p data-testid="join-where">
            {info.endpointName && t('join.hall', { hall: info.endpointName })}
            {dateOf(info.startsAt) && <> · {t('join.date', { date: dateOf(info.startsAt)! })}</>}
          </p>
        ) : <p>{t('join.intro', { conf: props.conferenceId, code: props.code })}</p>}
        {personal ? (
          <p data-testid="join-personal">{t('join.personal', { name: info!.name ?? '' })}</p>
        ) : (
          <>
            {listed.length > 0 && (
              <>
                <label for="join-claim">{t('join.pickName')}</label>
                <select id="join-claim" value={claim} data-testid="join-claim"
                  onChange={(e) => setClaim((e.target as HTMLSelectElement).value)}>
                  <option value="">{t('join.notListed')}</option>
                  {listed.map((d) => (
                    <option key={d.participantId} value={d.participantId}>{d.position ? `${d.fullName} — ${d.position}` : d.fullName}</option>
                  ))}
                </select>
                {claim && <p class="hint">{t('join.claimHint')}</p>}
              </>
            )}
            {!claim && (
              <>
                <label for="join-name">{t('join.name')}</label>
                <input id="join-name" required maxLength={200} value={name} autoComplete="name" data-testid="join-name"
                  onInput={(e) => setName((e.target as HTMLInputElement).value)} />
                <p class="hint">{t('join.nameHint')}</p>
              </>
            )}
          </>
        )}
        {error && <p class="error" role="alert" data-testid="join-error">{error}</p>}
        <button type="submit" class="primary" disabled={busy || !ready} data-testid="join-submit">{t('join.submit')}</button>
      </form>
    </>
  );
}

function pendingOf(b: JoinPending, conferenceId: string, code: string): PendingJoin {
  return { conferenceId: b.conferenceId ?? conferenceId, code, requestId: b.requestId, requestKey: b.requestKey,
    displayName: b.displayName, duplicate: !!b.duplicate, at: Date.now() };
}

/** Waits for the host: asks every 3 s; admitted → signed in, refused → the reason, unknown → the form again. */
function Waiting(props: { p: PendingJoin; onRefused(reason: string | null): void; onGone(): void; onCancel(): void }) {
  const { p } = props;
  const [trouble, setTrouble] = useState(false);
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const forget = () => {
      const kv = deviceStore();
      if (kv) clearPendingJoin(kv, p.conferenceId, p.code);
    };
    const ask = async () => {
      try {
        const r = await api.joinStatus(p.conferenceId, p.requestId, p.requestKey);
        if (stop) return;
        setTrouble(false);
        if (r.status === 'ADMITTED') {
          forget();
          enter(sessionFrom(r as TokenBody, p.conferenceId, p.code));
          return;
        }
        if (r.status === 'REFUSED') {
          forget();
          props.onRefused(r.reason ?? null);
          return;
        }
      } catch (e) {
        if (stop) return;
        if (e instanceof ApiFailure && (e.error.status === 404 || e.error.status === 400)) {
          forget();
          props.onGone();
          return;
        }
        setTrouble(true);
      }
      if (!stop) timer = setTimeout(ask, POLL_MS);
    };
    ask();
    return () => {
      stop = true;
      if (timer) clearTimeout(timer);
    };
  }, [p.requestId]);
  return (
    <section class="card" aria-labelledby="wait-h" data-testid="join-waiting" aria-live="polite">
      <h2 id="wait-h">{t('join.waiting')}</h2>
      <p>{t('join.waitingAs', { name: p.displayName })}</p>
      {p.duplicate && <p class="hint" data-testid="join-duplicate">{t('join.duplicateNote')}</p>}
      <p class="hint">{t('join.waitingHint')}</p>
      {trouble && <p class="error" role="status">{t('join.pollTrouble')}</p>}
      <button type="button" class="secondary small" onClick={() => {
        const kv = deviceStore();
        if (kv) clearPendingJoin(kv, p.conferenceId, p.code);
        props.onCancel();
      }}>{t('join.cancel')}</button>
    </section>
  );
}
