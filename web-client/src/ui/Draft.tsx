// The draft, navigable by chapter and article, with clauses and points; others' annotations as highlights; a text
// selection inside one node becomes an annotation with TextQuoteSelector and TextPositionSelector.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Annotation, DraftNode } from '../protocol.gen';
import { t } from '../i18n';
import { segments, selectorsFor, type Selectors } from '../state/anchoring';
import type { ConferenceState } from '../state/conference';
import { docIndex, draftTextReady, threadsOfArticle } from '../state/selectors';
import { draftText, send } from '../state/store';
import { AnnotationThread, type ThreadActions } from './Annotations';
import { href } from '../app/router';
import { VersionArticle } from './VersionText';
import { snapToWords } from './words';

/** Offset of (container, offset) inside `root`, counted in the text the root renders. */
function offsetIn(root: Element, node: Node, offset: number): number {
  const r = document.createRange();
  r.setStart(root, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

function closestNodeText(n: Node | null): HTMLElement | null {
  const el = n instanceof Element ? n : n?.parentElement ?? null;
  return (el?.closest('[data-node-text]') as HTMLElement | null) ?? null;
}

/** The DOM position of a text offset inside `root` (its text nodes in order). */
function pointAt(root: Element, offset: number): [Node, number] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let left = offset;
  let last: Text | null = null;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (left <= n.length) return [n, left];
    left -= n.length;
    last = n;
  }
  return last ? [last, last.length] : [root, 0];
}

/** Shows `[start, end)` of the node text `root` as the page's selection. */
function selectOffsets(root: Element, start: number, end: number): void {
  const s = window.getSelection();
  if (!s) return;
  const r = document.createRange();
  const [sn, so] = pointAt(root, start);
  const [en, eo] = pointAt(root, end);
  r.setStart(sn, so);
  r.setEnd(en, eo);
  s.removeAllRanges();
  s.addRange(r);
}

/**
 * The selection as selectors of one node's text, snapped to whole words (and shown so), or null when it is empty or
 * spans several nodes.
 */
export function readSelection(nodes: Record<string, DraftNode>): { nodeId: string; sel: Selectors } | null {
  const s = window.getSelection();
  if (!s || s.rangeCount === 0 || s.isCollapsed) return null;
  const range = s.getRangeAt(0);
  const a = closestNodeText(range.startContainer);
  const b = closestNodeText(range.endContainer);
  if (!a || a !== b) return null;
  const nodeId = a.dataset.nodeText!;
  const text = nodes[nodeId]?.text ?? '';
  const snapped = snapToWords(text, offsetIn(a, range.startContainer, range.startOffset), offsetIn(a, range.endContainer, range.endOffset));
  if (!snapped) return null;
  const [start, end] = snapped;
  if (range.toString() !== text.slice(start, end)) selectOffsets(a, start, end);
  const sel = selectorsFor(text, start, end);
  return sel ? { nodeId, sel } : null;
}

function NodeText(props: { node: DraftNode; annotations: Annotation[]; onOpen?(id: string): void }) {
  const text = props.node.text ?? '';
  if (!text) return null;
  const segs = segments(text, props.annotations);
  return (
    <span class="node-text" data-node-text={props.node.id}>
      {segs.map((sg) =>
        sg.ids.length === 0 ? (
          sg.text
        ) : !props.onOpen ? (
          <mark key={sg.start} class={`hl hl-${Math.min(sg.ids.length, 3)}`} data-testid="highlight" data-annotation-ids={sg.ids.join(' ')}>{sg.text}</mark>
        ) : (
          <mark key={sg.start} class={`hl hl-${Math.min(sg.ids.length, 3)}`} data-testid="highlight" data-annotation-ids={sg.ids.join(' ')}
            tabIndex={0} role="button" aria-label={t('ann.open')}
            onClick={() => props.onOpen?.(sg.ids[0])}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                props.onOpen?.(sg.ids[0]);
              }
            }}>{sg.text}</mark>
        ),
      )}
    </span>
  );
}

function Children(props: { node: DraftNode; byNode: Record<string, Annotation[]>; onOpen?(id: string): void }) {
  const kids = props.node.children ?? [];
  if (kids.length === 0) return null;
  return (
    <ol class={`nodes nodes-${props.node.kind?.toLowerCase()}`}>
      {kids.map((c) => (
        <li key={c.id} class={`node node-${c.kind?.toLowerCase()}`} data-node-id={c.id}>
          <span class="node-number">{c.kind === 'POINT' ? `${c.number})` : c.kind === 'ALTERNATIVE' ? `${t('vote.alternative', { n: c.number ?? '' })}:` : `${c.number}.`}</span>{' '}
          {c.title && <strong>{c.title} </strong>}
          <NodeText node={c} annotations={props.byNode[c.id!] ?? []} onOpen={props.onOpen} />
          <Children node={c} byNode={props.byNode} onOpen={props.onOpen} />
        </li>
      ))}
    </ol>
  );
}

/** An article with its clauses and points; highlights open their thread when `onOpen` is given (none on screens). */
export function ArticleText(props: { state: ConferenceState; articleId: string; onOpen?(id: string): void; large?: boolean }) {
  const idx = docIndex(props.state);
  const node = idx.nodes[props.articleId];
  if (!node) return null;
  const threads = threadsOfArticle(props.state, props.articleId).filter((a) => a.status !== 'DELETED');
  const byNode: Record<string, Annotation[]> = {};
  for (const a of threads) (byNode[a.anchor?.nodeId ?? ''] ??= []).push(a);
  const entry = idx.articles[idx.articleIndex[props.articleId]];
  return (
    <section class={`article ${props.large ? 'large' : ''}`} data-testid="article" data-article-id={props.articleId} aria-labelledby={`h-${props.articleId}`}>
      {entry?.chapter && (
        <p class="chapter-label">{t('draft.chapter', { n: entry.chapter.number ?? '' })}. {entry.chapter.title}</p>
      )}
      <h2 id={`h-${props.articleId}`} class="article-title">{t('draft.article', { n: node.number ?? '' })}. {node.title}</h2>
      {node.text && (
        <p class="article-intro">
          <NodeText node={node} annotations={byNode[node.id!] ?? []} onOpen={props.onOpen} />
        </p>
      )}
      <Children node={node} byNode={byNode} onOpen={props.onOpen} />
    </section>
  );
}

/** Table of contents as a grouped select (compact on a phone) with previous/next. */
export function ArticlePicker(props: { state: ConferenceState; value: string | null; onChange(id: string): void }) {
  const idx = docIndex(props.state);
  const i = props.value ? idx.articleIndex[props.value] ?? -1 : -1;
  const groups: { chapter: DraftNode | null; items: DraftNode[] }[] = [];
  for (const a of idx.articles) {
    const last = groups[groups.length - 1];
    if (last && last.chapter === a.chapter) last.items.push(a.node);
    else groups.push({ chapter: a.chapter, items: [a.node] });
  }
  return (
    <div class="article-picker">
      <button type="button" class="secondary small" disabled={i <= 0} aria-label={t('draft.prev')}
        onClick={() => props.onChange(idx.articles[i - 1].node.id!)}>‹</button>
      <label class="sr-only" for="article-select">{t('draft.pickArticle')}</label>
      <select id="article-select" data-testid="article-select" value={props.value ?? ''} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
        {groups.map((g, gi) => (
          <optgroup key={gi} label={g.chapter ? `${t('draft.chapter', { n: g.chapter.number ?? '' })}. ${g.chapter.title ?? ''}` : t('draft.heading')}>
            {g.items.map((n) => (
              <option key={n.id ?? undefined} value={n.id ?? undefined}>{t('draft.article', { n: n.number ?? '' })}. {n.title}</option>
            ))}
          </optgroup>
        ))}
      </select>
      <button type="button" class="secondary small" disabled={i < 0 || i >= idx.articles.length - 1} aria-label={t('draft.next')}
        onClick={() => props.onChange(idx.articles[i + 1].node.id!)}>›</button>
    </div>
  );
}

function Composer(props: { target: { nodeId: string; sel: Selectors | null }; onDone(): void }) {
  const [kind, setKind] = useState<'COMMENT' | 'QUESTION' | 'PROPOSED_WORDING'>('COMMENT');
  const [body, setBody] = useState('');
  const [replacement, setReplacement] = useState(props.target.sel?.quote.exact ?? '');
  return (
    <form class="composer sheet" data-testid="annotation-composer" aria-labelledby="composer-h" onSubmit={(e) => {
      e.preventDefault();
      if (!body.trim() && kind !== 'PROPOSED_WORDING') return;
      send({
        type: 'AddAnnotation', nodeId: props.target.nodeId, kind, body: body.trim(),
        replacement: kind === 'PROPOSED_WORDING' ? replacement : null,
        quote: props.target.sel?.quote ?? null, position: props.target.sel?.position ?? null,
      });
      props.onDone();
    }}>
      <h3 id="composer-h">{t('ann.compose')}</h3>
      {props.target.sel && <blockquote class="ann-quote" data-testid="composer-quote">“{props.target.sel.quote.exact}”</blockquote>}
      <fieldset>
        <legend>{t('ann.kind')}</legend>
        {(['COMMENT', 'QUESTION', 'PROPOSED_WORDING'] as const).map((k) => (
          <label key={k} class="radio">
            <input type="radio" name="ann-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(`ann.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <label for="ann-body">{t('ann.body')}</label>
      <textarea id="ann-body" rows={3} maxLength={4000} value={body} data-testid="annotation-body"
        onInput={(e) => setBody((e.target as HTMLTextAreaElement).value)} />
      {kind === 'PROPOSED_WORDING' && (
        <>
          <label for="ann-replacement">{t('ann.replacement')}</label>
          <textarea id="ann-replacement" rows={3} maxLength={4000} value={replacement}
            onInput={(e) => setReplacement((e.target as HTMLTextAreaElement).value)} />
        </>
      )}
      <div class="row">
        <button type="submit" data-testid="annotation-submit">{t('ann.submit')}</button>
        <button type="button" class="secondary" onClick={props.onDone}>{t('ann.cancel')}</button>
      </div>
    </form>
  );
}

/** The reader: picker, article text with highlights, composer, and the article's threads. */
export function DraftReader(props: { state: ConferenceState; articleId: string | null; onArticle(id: string): void; canAnnotate: boolean;
  actions: ThreadActions }) {
  const { state } = props;
  const idx = docIndex(state);
  const articleId = props.articleId && idx.nodes[props.articleId] ? props.articleId : idx.articles[0]?.node.id ?? null;
  const [target, setTarget] = useState<{ nodeId: string; sel: Selectors | null } | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  // An earlier version to read instead of the current one (null: the current version, with its highlights).
  const [reading, setReading] = useState<number | null>(null);
  const textRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!props.canAnnotate) return;
    const onSel = () => {
      const root = textRef.current;
      const s = window.getSelection();
      if (!root || !s || s.isCollapsed || !root.contains(s.anchorNode)) return;
      const r = readSelection(idx.nodes);
      if (r) setTarget(r);
    };
    // Phones select with handles and fire no mouseup: follow selectionchange too, once it settles.
    let settle: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      clearTimeout(settle);
      settle = setTimeout(onSel, 500);
    };
    const el = textRef.current;
    el?.addEventListener('mouseup', onSel);
    el?.addEventListener('keyup', onSel);
    document.addEventListener('selectionchange', onChange);
    return () => {
      clearTimeout(settle);
      el?.removeEventListener('mouseup', onSel);
      el?.removeEventListener('keyup', onSel);
      document.removeEventListener('selectionchange', onChange);
    };
  }, [props.canAnnotate, idx]);

  // On a phone the composer is a bottom sheet: scroll the page so the selected passage sits above it.
  useEffect(() => {
    if (!target?.sel) return;
    const sheet = document.querySelector<HTMLElement>('[data-testid=annotation-composer]');
    const s = window.getSelection();
    if (!sheet || !s || s.rangeCount === 0 || getComputedStyle(sheet).position !== 'fixed') return;
    const rect = s.getRangeAt(0).getBoundingClientRect();
    const room = sheet.getBoundingClientRect().top - 8;
    const top = Math.max(0, document.querySelector('.floor-banner')?.getBoundingClientRect().bottom ?? 0);
    if (rect.bottom <= room && rect.top >= top) return;
    // The passage's top a third of the way down the space left above the sheet.
    const want = top + Math.max(8, (room - top - rect.height) / 3);
    window.scrollBy({ top: rect.top - want });
  }, [target]);

  const open = (id: string) => {
    setFlash(id);
    const el = document.getElementById(`ann-${id}`);
    el?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    el?.focus({ preventScroll: true });
  };

  if (!articleId) return <p class="muted">{t('draft.none')}</p>;
  const threads = threadsOfArticle(state, articleId);
  const current = state.draft?.version ?? 1;
  const versions = state.draft?.versions ?? 1;
  const older = reading !== null && reading !== current ? reading : null;
  const ready = draftTextReady(state);
  return (
    <div class={`draft-reader ${target ? 'sheet-open' : ''}`}>
      <div class="draft-head">
        <h2 class="section-title">{t('draft.heading')} {versions <= 1 && <small class="muted">{t('draft.version', { v: current })}</small>}</h2>
        {versions > 1 && (
          <div class="version-picker">
            <label for="draft-version" class="sr-only">{t('version.pick')}</label>
            <select id="draft-version" data-testid="draft-version" value={String(older ?? current)}
              onChange={(e) => setReading(Number((e.target as HTMLSelectElement).value))}>
              {Array.from({ length: versions }, (_, i) => versions - i).map((v) => (
                <option key={v} value={String(v)}>{t('draft.version', { v })}{v === current ? ` (${t('version.current')})` : ''}</option>
              ))}
            </select>
            <a href={href({ name: 'conference', conferenceId: state.conferenceId, view: 'diff' })} data-testid="draft-compare">{t('version.compare')}</a>
          </div>
        )}
        {!older && <ArticlePicker state={state} value={articleId} onChange={(id) => { setTarget(null); props.onArticle(id); }} />}
      </div>
      {older !== null ? <VersionArticle conferenceId={state.conferenceId} version={older} articleId={articleId} /> : <>
      {ready ? (
        <div ref={textRef} class="draft-text">
          <ArticleText state={state} articleId={articleId} onOpen={open} />
        </div>
      ) : (
        // The outline came with the live state; the text comes once per version (state/draftText.ts).
        <p class="muted" role="status" data-testid="draft-loading">{t(draftText.value === 'failed' ? 'draft.loadFailed' : 'draft.loading')}</p>
      )}
      {ready && props.canAnnotate && !target && (
        <p class="hint">{t('draft.selectHint')}{' '}
          <button type="button" class="link" onClick={() => setTarget({ nodeId: articleId, sel: null })}>{t('draft.annotateWhole')}</button>
        </p>
      )}
      {props.canAnnotate && target && <Composer key={`${target.nodeId}:${target.sel?.position.start}:${target.sel?.position.end}`} target={target} onDone={() => {
        setTarget(null);
        window.getSelection()?.removeAllRanges();
      }} />}
      <section class="threads" aria-label={t('ann.heading')} data-testid="threads">
        <h3>{t('ann.heading')} <small class="muted">{t('ann.count', { n: threads.length })}</small></h3>
        {threads.length === 0 && <p class="muted">{t('ann.none')}</p>}
        {threads.map((a) => <AnnotationThread key={a.id} state={state} a={a} actions={props.actions} highlighted={flash === a.id} />)}
      </section>
      </>}
    </div>
  );
}
