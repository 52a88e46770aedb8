// Irreversible acts wait a short window before their command is sent: the bar at the bottom says what will happen
// and offers "Hoàn tác". Nothing reaches the server until the window ends, so undoing needs no compensating command;
// closing the page inside the window drops the act.
import { signal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { notify } from '../state/store';

/** How long an irreversible act can still be undone (docs/web-client.md). */
export const UNDO_MS = 8000;

interface PendingAct {
  id: number;
  what: string;
  due: number;
  timer: ReturnType<typeof setTimeout>;
}

export const pendingActs = signal<PendingAct[]>([]);
let nextId = 1;

/** Runs `act` after the undo window unless undone; `what` names it in the reader's language. */
export function later(what: string, act: () => void, ms = UNDO_MS): number {
  const id = nextId++;
  const timer = setTimeout(() => {
    pendingActs.value = pendingActs.value.filter((p) => p.id !== id);
    act();
  }, ms);
  pendingActs.value = [...pendingActs.value, { id, what, due: Date.now() + ms, timer }];
  return id;
}

export function undo(id: number): void {
  const p = pendingActs.value.find((x) => x.id === id);
  if (!p) return;
  clearTimeout(p.timer);
  pendingActs.value = pendingActs.value.filter((x) => x.id !== id);
  notify('info', { vi: t('undo.undone', { what: p.what }), en: t('undo.undone', { what: p.what }) });
}

/** The acts waiting for their window to end, each with its countdown and an undo button. */
export function UndoBar() {
  const list = pendingActs.value;
  const [, tick] = useState(0);
  useEffect(() => {
    if (list.length === 0) return;
    const h = setInterval(() => tick((n) => n + 1), 250);
    return () => clearInterval(h);
  }, [list.length]);
  return (
    <div class="undo-bar" role="region" aria-label={t('undo.region')} data-testid="undo-bar" hidden={list.length === 0}>
      {list.map((p) => (
        <div key={p.id} class="undo-item" data-testid="undo-item">
          <span role="status">{t('undo.pending', { what: p.what, s: Math.max(0, Math.ceil((p.due - Date.now()) / 1000)) })}</span>
          <button type="button" class="undo-button" data-testid="undo" onClick={() => undo(p.id)}>{t('undo.undo')}</button>
        </div>
      ))}
    </div>
  );
}

/**
 * A button whose act is confirmed inline first, then waits the undo window. `label` is the button, `question` the
 * confirmation sentence, `what` the act's name in the undo bar.
 */
export function ConfirmButton(props: { label: string; question: string; what: string; act(): void; class?: string; testId?: string;
  disabled?: boolean }) {
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  // The focus moves to the question's button once, when it opens (live updates re-render the console every second).
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" class={props.class ?? 'danger'} data-testid={props.testId} disabled={props.disabled}
        onClick={() => setAsking(true)}>{props.label}</button>
    );
  }
  return (
    <div class="confirm" role="group" aria-label={props.label} data-testid={props.testId ? `${props.testId}-confirm` : undefined}>
      <p>{props.question}</p>
      <div class="row">
        <button type="button" class="danger" data-testid="confirm-yes" ref={yes}
          onClick={() => {
            setAsking(false);
            later(props.what, props.act);
          }}>{t('confirm.yes')}</button>
        <button type="button" class="secondary" data-testid="confirm-no" onClick={() => setAsking(false)}>{t('confirm.no')}</button>
      </div>
    </div>
  );
}
