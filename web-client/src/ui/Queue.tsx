// The speaker queue: read-only list for everyone; with the chair's controls (approve, reject, reorder by drag or by
// keyboard, grant) in the console; and the request/withdraw form for delegates and hosts.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FloorRequest } from '../protocol.gen';
import { t } from '../i18n';
import type { ConferenceState } from '../state/conference';
import { docIndex, endpointName, myWaitingRequest, participantName, waitingRequests } from '../state/selectors';
import { pendingCommand, send } from '../state/store';
import { later } from './Undo';

function who(s: ConferenceState, r: FloorRequest): string {
  return r.forHall ? endpointName(s, r.endpointId) : participantName(s, r.participantId);
}

function RequestLine(props: { state: ConferenceState; r: FloorRequest }) {
  const { state, r } = props;
  const art = r.articleId ? docIndex(state).nodes[r.articleId] : undefined;
  return (
    <span class="request-line">
      <strong class="req-who">{who(state, r)}</strong>
      {!r.forHall && <span class="muted"> · {endpointName(state, r.endpointId)}</span>}
      {r.forHall && <span class="muted"> ({t('queue.forHall')})</span>}
      {r.kind !== 'CONTRIBUTION' && <span class={`badge kind-${r.kind}`}>{t(`queue.kind.${r.kind ?? 'CONTRIBUTION'}` as any)}</span>}
      {art && <span class="badge">{t('draft.article', { n: art.number ?? '' })}</span>}
      <span class={`badge req-${r.status}`}>{t(`queue.status.${r.status === 'APPROVED' ? 'APPROVED' : 'WAITING'}`)}</span>
    </span>
  );
}

export function QueueList(props: { state: ConferenceState; limit?: number }) {
  const list = waitingRequests(props.state);
  const shown = props.limit ? list.slice(0, props.limit) : list;
  if (list.length === 0) return <p class="muted" data-testid="queue-empty">{props.state.queue.open ? t('queue.empty') : t('queue.closed')}</p>;
  return (
    <ol class="queue-list" data-testid="queue-list">
      {shown.map((r) => (
        <li key={r.id} data-testid="queue-item" data-request-id={r.id}>
          <RequestLine state={props.state} r={r} />
        </li>
      ))}
    </ol>
  );
}

/** The chair's queue: drag to reorder (sortablejs), or Up/Down buttons from the keyboard. */
export function ChairQueue(props: { state: ConferenceState }) {
  const { state } = props;
  const list = waitingRequests(state);
  const ref = useRef<HTMLOListElement>(null);
  const order = useRef<string[]>([]);
  order.current = list.map((r) => r.id!);
  useEffect(() => {
    if (!ref.current) return;
    // sortablejs only for the chair: loaded on first use, so a delegate's phone never downloads it.
    let sortable: { destroy(): void } | null = null;
    let gone = false;
    void import('sortablejs').then(({ default: Sortable }) => {
      if (gone || !ref.current) return;
      sortable = Sortable.create(ref.current, {
        handle: '.drag-handle',
        animation: 120,
        // Pointer events instead of the browser's HTML drag and drop: a drag from the handle moves the item and never
        // starts a text selection (the issue saw text selected in 2 of 3 runs), with mouse, pen or finger alike.
        forceFallback: true,
        fallbackOnBody: true,
        fallbackTolerance: 3,
        onStart: () => window.getSelection()?.removeAllRanges(),
        onEnd: (ev) => {
          const item = ev.item;
          const parent = ev.from;
          // The place among the requests themselves (never a ghost or clone Sortable may leave in the list).
          const to = Array.from(parent.querySelectorAll(':scope > li[data-request-id]')).indexOf(item);
          const id = item.getAttribute('data-request-id');
          const from = id ? order.current.indexOf(id) : -1;
          // Put the DOM back as Preact rendered it; the server's FloorRequestMoved event reorders the list.
          parent.removeChild(item);
          parent.insertBefore(item, parent.children[from] ?? null);
          if (id && from >= 0 && from !== to && to >= 0) send({ type: 'MoveFloorRequest', requestId: id, position: to });
        },
      });
    });
    return () => {
      gone = true;
      sortable?.destroy();
    };
  }, []);
  const busy = state.queue.current != null;
  const reject = (r: FloorRequest) => later(t('act.reject', { name: who(state, r) }), () => send({ type: 'RejectFloorRequest', requestId: r.id, reason: null }));
  const focusItem = (id: string | undefined) => {
    if (id) requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>(`[data-request-id="${CSS.escape(id)}"]`)?.focus());
  };
  // Keyboard shortcuts on a focused request (docs/web-client.md): arrows select, Alt+arrows move, A/D approve,
  // G give the floor, R/T reject (with the undo window).
  const onKey = (e: KeyboardEvent, r: FloorRequest, i: number) => {
    if (e.target !== e.currentTarget) return;
    const k = e.key.toLowerCase();
    if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && e.altKey) {
      const to = e.key === 'ArrowUp' ? i - 1 : i + 1;
      if (to >= 0 && to < list.length) send({ type: 'MoveFloorRequest', requestId: r.id, position: to });
      focusItem(r.id!);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      focusItem(list[e.key === 'ArrowUp' ? Math.max(0, i - 1) : Math.min(list.length - 1, i + 1)]?.id ?? undefined);
    } else if ((k === 'a' || k === 'd') && r.status === 'WAITING') {
      send({ type: 'ApproveFloorRequest', requestId: r.id });
    } else if (k === 'g' && !busy) {
      send({ type: 'GrantFloor', requestId: r.id });
    } else if (k === 'r' || k === 't') {
      reject(r);
    } else {
      return;
    }
    e.preventDefault();
  };
  return (
    <div>
      {list.length === 0 && <p class="muted" data-testid="queue-empty">{state.queue.open ? t('queue.empty') : t('queue.closed')}</p>}
      {list.length > 1 && <p class="hint">{t('queue.dragHint')}</p>}
      {list.length > 0 && <p class="hint" data-testid="queue-shortcuts">{t('queue.shortcuts')}</p>}
      <ol ref={ref} class="queue-list chair" data-testid="queue-list">
        {list.map((r, i) => {
          const name = who(state, r);
          return (
            <li key={r.id} data-testid="queue-item" data-request-id={r.id} tabIndex={0} aria-label={t('queue.itemLabel', { n: i + 1, name })}
              onKeyDown={(e) => onKey(e as unknown as KeyboardEvent, r, i)}>
              <span class="drag-handle" aria-hidden="true" title={t('queue.dragHint')} data-testid="drag-handle">⠿ <span class="queue-pos">{i + 1}.</span></span>
              <RequestLine state={state} r={r} />
              <span class="queue-actions">
                <button type="button" class="small secondary" disabled={i === 0} aria-label={t('queue.moveUp', { name })}
                  onClick={() => send({ type: 'MoveFloorRequest', requestId: r.id, position: i - 1 })}>↑</button>
                <button type="button" class="small secondary" disabled={i === list.length - 1} aria-label={t('queue.moveDown', { name })}
                  onClick={() => send({ type: 'MoveFloorRequest', requestId: r.id, position: i + 1 })}>↓</button>
                {r.status === 'WAITING' && (
                  <button type="button" class="small" onClick={() => send({ type: 'ApproveFloorRequest', requestId: r.id })}>{t('queue.approve')}</button>
                )}
                <button type="button" class="small primary" disabled={busy} data-testid="grant"
                  onClick={() => send({ type: 'GrantFloor', requestId: r.id })}>{t('queue.grant')}</button>
                <button type="button" class="small danger" data-testid="reject" onClick={() => reject(r)}>
                  {t('queue.reject')}</button>
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** Request the floor (for oneself, or for the hall) and withdraw. */
export function RequestFloor(props: { state: ConferenceState; forHall: boolean; articleId?: string | null }) {
  const { state } = props;
  const mine = myWaitingRequest(state);
  const [kind, setKind] = useState<'CONTRIBUTION' | 'POINT_OF_ORDER' | 'REPLY'>('CONTRIBUTION');
  const [onArticle, setOnArticle] = useState(false);
  const pending = pendingCommand('RequestFloor') || pendingCommand('WithdrawFloorRequest');
  const speaking = state.queue.current?.participantId === state.me?.id && !!state.me?.id;
  if (mine) {
    const pos = state.queue.waiting.indexOf(mine.id!) + 1;
    return (
      <div class="request-floor" data-testid="my-request">
        <p>{t('queue.yourPosition', { n: pos })} <span class={`badge req-${mine.status}`}>{t(`queue.status.${mine.status === 'APPROVED' ? 'APPROVED' : 'WAITING'}`)}</span></p>
        <button type="button" class="secondary" disabled={!!pending} data-testid="withdraw"
          onClick={() => send({ type: 'WithdrawFloorRequest', requestId: mine.id })}>{t('queue.withdraw')}</button>
      </div>
    );
  }
  if (speaking) return null;
  if (!state.queue.open) return <p class="muted">{t('queue.closed')}</p>;
  const art = props.articleId ? docIndex(state).nodes[props.articleId] : undefined;
  return (
    <form class="request-floor" onSubmit={(e) => {
      e.preventDefault();
      send({ type: 'RequestFloor', kind, forHall: props.forHall, articleId: onArticle && props.articleId ? props.articleId : null });
    }}>
      <label for={`floor-kind-${props.forHall}`}>{t('queue.kind')}</label>
      <select id={`floor-kind-${props.forHall}`} value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as typeof kind)}>
        {(['CONTRIBUTION', 'POINT_OF_ORDER', 'REPLY'] as const).map((k) => <option key={k} value={k}>{t(`queue.kind.${k}`)}</option>)}
      </select>
      {art && (
        <label class="checkbox">
          <input type="checkbox" checked={onArticle} onChange={(e) => setOnArticle((e.target as HTMLInputElement).checked)} />
          {t('queue.onArticle')} {t('draft.article', { n: art.number ?? '' })}
        </label>
      )}
      <button type="submit" class="primary" disabled={!!pending || state.info?.status !== 'LIVE'} data-testid="request-floor">
        {props.forHall ? t('queue.requestHall') : t('queue.request')}
      </button>
    </form>
  );
}
