// Any version of the draft, read-only: an earlier version is read over REST (GET …/drafts/{N}?format=json) and shown
// article by article as the current one is, without highlights — annotations are anchored to the current version.
import { useState } from 'preact/hooks';
import type { DraftDocument, DraftNode } from '../protocol.gen';
import { reportApi } from '../api/report';
import { t } from '../i18n';
import { indexDocument } from '../state/selectors';
import { ErrorPanel } from './errors';
import { useRemote } from './useRemote';

function Nodes(props: { node: DraftNode }) {
  const kids = props.node.children ?? [];
  if (kids.length === 0) return null;
  return (
    <ol class={`nodes nodes-${props.node.kind?.toLowerCase()}`}>
      {kids.map((c) => (
        <li key={c.id} class={`node node-${c.kind?.toLowerCase()}`}>
          <span class="node-number">{c.kind === 'POINT' ? `${c.number})` : `${c.number}.`}</span>{' '}
          {c.title && <strong>{c.title} </strong>}
          {c.text && <span class="node-text">{c.text}</span>}
          <Nodes node={c} />
        </li>
      ))}
    </ol>
  );
}

/** One article of a given document, read-only. */
export function PlainArticle(props: { doc: DraftDocument; articleId: string }) {
  const idx = indexDocument(props.doc);
  const node = idx.nodes[props.articleId];
  if (!node) return <p class="muted">{t('version.articleMissing')}</p>;
  const entry = idx.articles[idx.articleIndex[props.articleId]];
  return (
    <section class="article" data-testid="version-article" data-article-id={props.articleId}>
      {entry?.chapter && <p class="chapter-label">{t('draft.chapter', { n: entry.chapter.number ?? '' })}. {entry.chapter.title}</p>}
      <h3 class="article-title">{t('draft.article', { n: node.number ?? '' })}. {node.title}</h3>
      {node.text && <p class="article-intro"><span class="node-text">{node.text}</span></p>}
      <Nodes node={node} />
    </section>
  );
}

/** An article picker over any document (the current one has its own, with highlights, in the draft reader). */
export function DocArticlePicker(props: { doc: DraftDocument; value: string | null; onChange(id: string): void; id: string }) {
  const idx = indexDocument(props.doc);
  return (
    <select id={props.id} value={props.value ?? ''} data-testid="version-article-select"
      onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
      {idx.articles.map((a) => (
        <option key={a.node.id} value={a.node.id ?? ''}>{t('draft.article', { n: a.node.number ?? '' })}. {a.node.title}</option>
      ))}
    </select>
  );
}

/** An earlier version's article, loaded on demand; the article follows the reader's choice by its stable id. */
export function VersionArticle(props: { conferenceId: string; version: number; articleId: string | null }) {
  const doc = useRemote(() => reportApi.version(props.conferenceId, props.version), [props.conferenceId, props.version]);
  const [own, setOwn] = useState<string | null>(null);
  if (doc.error) return <ErrorPanel error={doc.error} fallback="version.loadFailed" onRetry={doc.reload} />;
  if (!doc.data) return <p class="loading">{t('app.loading')}</p>;
  const idx = indexDocument(doc.data);
  const articleId = own ?? (props.articleId && idx.nodes[props.articleId] ? props.articleId : idx.articles[0]?.node.id ?? null);
  return (
    <div class="version-reader" data-testid="version-reader" data-version={props.version}>
      <p class="notice-inline" role="note">{t('version.readOnly', { v: props.version })}</p>
      {props.articleId && !idx.nodes[props.articleId] && !own && <p class="muted">{t('version.articleMissing')}</p>}
      <label class="sr-only" for="version-article">{t('draft.pickArticle')}</label>
      <DocArticlePicker doc={doc.data} value={articleId} onChange={setOwn} id="version-article" />
      {articleId && <PlainArticle doc={doc.data} articleId={articleId} />}
    </div>
  );
}
