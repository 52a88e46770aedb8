// The revised draft: the drafting team picks the proposed wordings to take in and may edit any article by hand,
// previews the result (POST …/drafts/revise with dryRun: the composed text and its differences), then creates
// version N+1. For a larger rewrite the whole composed text can be edited and imported as it is. Refusals are shown
// item by item in the reader's language: a stale base version, a wording that no longer fits, importer problems
// with their line numbers.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AlternativePicker } from '../ui/AlternativePicker';
import type { DraftNode } from '../protocol.gen';
import { ApiFailure } from '../api/rest';
import { reportApi, type ImportProblem, type ReviseDone, type RevisePreview } from '../api/report';
import { href } from '../app/router';
import { session } from '../app/session';
import { lang, t } from '../i18n';
import { draftFileName } from '../report/fileNames';
import { buildRevision, candidates, isEmpty, lineRange, preselected, seedText, structureLines, type Candidate,
  type EditDraft } from '../report/revision';
import { placeLabel } from '../report/places';
import { idsOf, lineOf, localized } from '../report/serverText';
import type { ConferenceState } from '../state/conference';
import { docIndex, draftTextReady, endpointName, hasRole, openVotes, participantName, type DocIndex } from '../state/selectors';
import { conference, notify, send } from '../state/store';
import { ResponseBadge } from '../ui/Annotations';
import { ArticlePicker } from '../ui/Draft';
import { ArticleDiff, DiffLegend } from '../ui/DiffText';
import { DownloadButton } from '../ui/Download';
import { errorMessage } from '../ui/errors';
import { Shell } from '../ui/Shell';
import { downloadText } from '../ui/textFile';

const randomKey = () => `rev-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** What the server refused, ready to show. */
interface Refusal {
  code: string;
  message: { vi: string; en: string };
  details: string[];
  problems?: ImportProblem[];
}

function refusalOf(e: unknown): Refusal {
  if (e instanceof ApiFailure) {
    const m = e.error.code === 'CONFLICT'
      ? { vi: 'Vừa có dự thảo lần mới; hãy xem trước lại trên dự thảo hiện hành.', en: 'The draft has just got a new version; preview again on the current one.' }
      : e.error.code === 'INVALID' && e.error.details?.length
        ? { vi: 'Không ghép được dự thảo lần mới; từng vấn đề ở dưới (số dòng tính trong toàn văn đã ghép):',
          en: 'The new version could not be composed; each problem below (line numbers count in the composed text):' }
        : errorMessage(e, 'revise.failed');
    return { code: e.error.code, message: m, details: e.error.details ?? [] };
  }
  return { code: 'ERROR', message: errorMessage(e, 'revise.failed'), details: [] };
}

function Problems(props: { refusal: Refusal; state: ConferenceState; cs: Candidate[]; onLine?(line: number): void }) {
  const { refusal, cs, state } = props;
  const idx = docIndex(state);
  return (
    <div class="panel error-panel" role="alert" data-testid="revise-error" data-code={refusal.code}>
      <p class="error">{lang.value === 'vi' ? refusal.message.vi : refusal.message.en}</p>
      {refusal.details.length > 0 && (
        <ul class="problems" data-testid="revise-problems">
          {refusal.details.map((d, i) => {
            const line = lineOf(d);
            const about = idsOf(d).map((id) => {
              const c = cs.find((x) => x.id === id);
              if (c) return t('revise.aboutWording', { name: participantName(state, c.annotation.authorId), place: placeLabel(idx, c.nodeId) });
              return idx.nodes[id] ? placeLabel(idx, id) : null;
            }).filter(Boolean);
            return (
              <li key={i} data-testid="revise-problem">
                {line !== null && props.onLine ? (
                  <button type="button" class="link" onClick={() => props.onLine!(line)}>{localized(d, lang.value)}</button>
                ) : <span>{localized(d, lang.value)}</span>}
                {about.length > 0 && <span class="muted"> ({about.join('; ')})</span>}
              </li>
            );
          })}
        </ul>
      )}
      {refusal.problems && refusal.problems.length > 0 && (
        <ul class="problems" data-testid="revise-problems">
          {refusal.problems.map((p, i) => (
            <li key={i} data-testid="revise-problem">
              <button type="button" class="link" onClick={() => props.onLine?.(p.line)}>
                {t('revise.line', { n: p.line })}: {lang.value === 'vi' ? p.messageVi : p.messageEn}</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CandidateRow(props: { c: Candidate; idx: DocIndex; state: ConferenceState; checked: boolean; editedByHand: boolean;
  onToggle(on: boolean): void }) {
  const { c, state } = props;
  const a = c.annotation;
  const ready = c.status === 'ready';
  return (
    <li class={`candidate candidate-${c.status}`} data-testid="wording" data-annotation-id={c.id} data-status={c.status}>
      <label class="checkbox">
        <input type="checkbox" checked={props.checked && ready} disabled={!ready} data-testid="wording-check"
          onChange={(e) => props.onToggle((e.target as HTMLInputElement).checked)} />
        <span class="sr-only">{t('revise.take', { place: placeLabel(props.idx, c.nodeId) })}</span>
      </label>
      <div class="candidate-body">
        <p class="candidate-place">
          <strong>{placeLabel(props.idx, c.nodeId)}</strong> <ResponseBadge a={a} />
          {c.status !== 'ready' && <span class={`badge ${c.status === 'inText' ? 'ok' : 'warn'}`}>{t(`revise.status.${c.status}`)}</span>}
          {c.status === 'ready' && c.earlier && <span class="badge warn" data-testid="wording-earlier">{t('revise.earlier')}</span>}
        </p>
        <p class="wording-change">
          {a.anchor?.quote?.exact ? <><del class="diff-del">{a.anchor.quote.exact}</del> → </> : <span class="muted">{t('revise.wholeNode')} → </span>}
          <ins class="diff-ins">{c.replacement}</ins>
        </p>
        {a.body && <p class="ann-body muted">{a.body}</p>}
        <div class="byline">{t('ann.by', { name: participantName(state, a.authorId), endpoint: endpointName(state, a.endpointId) })}</div>
        {props.checked && props.editedByHand && <p class="hint">{t('revise.foldedHint')}</p>}
      </div>
    </li>
  );
}

function NodeEditor(props: { node: DraftNode; label: string; seed: string; edits: EditDraft; setEdits(e: EditDraft): void; article?: boolean }) {
  const { node, edits } = props;
  const id = node.id;
  const e = edits[id] ?? {};
  const text = e.text ?? props.seed;
  const changedText = e.text !== undefined && e.text !== props.seed;
  const changedTitle = e.title !== undefined && e.title.trim() !== node.title.trim();
  const warn = structureLines(text, !!props.article);
  const put = (patch: { title?: string; text?: string }) => props.setEdits({ ...edits, [id]: { ...e, ...patch } });
  const undo = () => {
    const { [id]: _, ...rest } = edits;
    props.setEdits(rest);
  };
  return (
    <div class={`node-editor ${changedText || changedTitle ? 'edited' : ''}`} data-testid="node-editor" data-node-id={id}>
      {props.article && (
        <>
          <label for={`ed-title-${id}`}>{t('revise.articleTitle', { n: node.number })}</label>
          <input id={`ed-title-${id}`} value={e.title ?? node.title} maxLength={500} onInput={(ev) => put({ title: (ev.target as HTMLInputElement).value })} />
        </>
      )}
      {(!props.article || node.text) && (
        <>
          <label for={`ed-text-${id}`}>{props.label}</label>
          <textarea id={`ed-text-${id}`} rows={Math.min(8, Math.max(2, Math.ceil(text.length / 90)))} value={text} data-testid="node-text"
            onInput={(ev) => put({ text: (ev.target as HTMLTextAreaElement).value })} />
        </>
      )}
      {warn.length > 0 && <p class="error small-text" role="status">{t('revise.structureWarning', { lines: warn.join(', ') })}</p>}
      {(changedText || changedTitle) && (
        <p class="row"><span class="badge warn">{t('revise.edited')}</span>
          <button type="button" class="small secondary" onClick={undo}>{t('revise.undo')}</button></p>
      )}
    </div>
  );
}

function ArticleEditor(props: { state: ConferenceState; cs: Candidate[]; selected: Set<string>; edits: EditDraft; setEdits(e: EditDraft): void }) {
  const s = props.state;
  const idx = docIndex(s);
  // Open on the article of the first chosen wording (else the first with a wording, else the first article).
  const [articleId, setArticleId] = useState<string | null>(() =>
    props.cs.find((c) => props.selected.has(c.id) && c.articleId)?.articleId
    ?? props.cs.find((c) => c.status === 'ready' && c.articleId)?.articleId ?? idx.articles[0]?.node.id ?? null);
  const article = articleId ? idx.nodes[articleId] : null;
  const rows: { node: DraftNode; label: string }[] = [];
  const walk = (n: DraftNode) => {
    for (const c of n.children) {
      rows.push({ node: c, label: placeLabel(idx, c.id) });
      walk(c);
    }
  };
  if (article) walk(article);
  const editedCount = Object.keys(props.edits).length;
  return (
    <section class="panel" aria-labelledby="ed-h" data-testid="free-edits">
      <h2 id="ed-h" class="section-title">{t('revise.editHeading')} {editedCount > 0 && <small class="muted">({t('revise.editedCount', { n: editedCount })})</small>}</h2>
      <p class="hint">{t('revise.editHint')}</p>
      <ArticlePicker state={s} value={articleId} onChange={setArticleId} />
      {article && (
        <div class="article-editor">
          <NodeEditor node={article} label={t('revise.articleIntro')} article seed={seedText(article, props.cs, props.selected)} edits={props.edits}
            setEdits={props.setEdits} />
          {rows.map((r) => (
            <NodeEditor key={r.node.id} node={r.node} label={r.label} seed={seedText(r.node, props.cs, props.selected)} edits={props.edits}
              setEdits={props.setEdits} />
          ))}
        </div>
      )}
    </section>
  );
}

/** The whole composed text, edited and imported as it is (a larger rewrite: POST …/draft). */
function FullTextEditor(props: { state: ConferenceState; base: number; initial: string; note: string; taken: string[]; onClose(): void;
  onDone(version: number): void }) {
  const s = props.state;
  const [text, setText] = useState(props.initial);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [checked, setChecked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useMemo(randomKey, [text]);
  const area = useRef<HTMLTextAreaElement>(null);
  const stale = (s.draft?.version ?? 1) !== props.base;
  const voting = openVotes(s).length > 0;
  const goTo = (line: number) => {
    const r = lineRange(text, line);
    const el = area.current;
    if (!r || !el) return;
    el.focus();
    el.setSelectionRange(r[0], r[1]);
    // Bring the line into view: a line is about one line-height tall.
    const lh = parseFloat(getComputedStyle(el).lineHeight) || 20;
    el.scrollTop = Math.max(0, (line - 3) * lh);
  };
  const check = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      const r = await reportApi.checkDraft(s.conferenceId, text);
      if (r.ok) setChecked(text);
      else setRefusal({ code: 'INVALID', message: { vi: 'Văn bản có lỗi; bấm vào từng dòng để sửa.', en: 'The text has problems; click a line to fix it.' },
        details: [], problems: r.problems });
    } catch (e) {
      setRefusal(refusalOf(e));
    } finally {
      setBusy(false);
    }
  };
  const create = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      await reportApi.importDraft(s.conferenceId, text, props.note || 'Tiếp thu ý kiến góp ý', key);
      // The import does not answer the wordings it took in; answer "tiếp thu" for those that are in the text now.
      for (const id of props.taken) {
        const a = s.annotations[id];
        if (a?.replacement && text.includes(a.replacement) && a.response?.kind !== 'ACCEPTED') {
          send({ type: 'RespondToAnnotation', annotationId: id, response: 'ACCEPTED', text: null });
        }
      }
      props.onDone(props.base + 1);
    } catch (e) {
      setRefusal(refusalOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" aria-labelledby="ft-h" data-testid="full-text">
      <h2 id="ft-h" class="section-title">{t('revise.fullText')}</h2>
      <p class="hint">{t('revise.fullTextHint')}</p>
      {stale && <p class="error" role="alert">{t('revise.fullTextStale', { v: s.draft?.version ?? 1 })}</p>}
      {voting && <p class="notice-inline" role="status">{t('revise.voteOpen')}</p>}
      <label for="ft-text" class="sr-only">{t('revise.fullText')}</label>
      <textarea id="ft-text" ref={area} class="full-text" rows={22} spellcheck={false} value={text} data-testid="full-text-area"
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      {refusal && <Problems refusal={refusal} state={s} cs={[]} onLine={goTo} />}
      {checked === text && !refusal && <p class="ok" role="status">{t('revise.fullTextOk')}</p>}
      <div class="row">
        <button type="button" class="secondary" disabled={busy} onClick={check} data-testid="full-text-check">{t('revise.check')}</button>
        <button type="button" class="primary" disabled={busy || checked !== text || stale || voting} onClick={create} data-testid="full-text-create">
          {t('revise.create', { v: props.base + 1 })}</button>
        <button type="button" class="secondary" onClick={() => downloadText(text, draftFileName(s.info?.title, props.base + 1, 'md', true))}>
          {t('revise.saveText')}</button>
        <button type="button" class="secondary" onClick={props.onClose}>{t('revise.backToChoices')}</button>
      </div>
    </section>
  );
}

export function ReviseView() {
  // Edits are made on the text: wait for it the first time (the live state brings only the outline;
  // state/draftText.ts). Once shown the view stays (a version it has just made is fetched meanwhile), but it
  // previews and creates nothing until the text is here.
  const ready = draftTextReady(conference.value!);
  const [shown, setShown] = useState(ready);
  useEffect(() => {
    if (ready) setShown(true);
  }, [ready]);
  if (!ready && !shown) {
    return <Shell view="revise"><p class="muted" role="status" data-testid="draft-loading">{t('draft.loading')}</p></Shell>;
  }
  return <ReviseWithText />;
}

function ReviseWithText() {
  const s = conference.value!;
  const textReady = draftTextReady(s);
  const organizer = session.value?.kind === 'organizer';
  const mayImport = organizer || hasRole(s, 'SECRETARY');
  const base = s.draft?.version ?? 1;
  const idx = docIndex(s);
  const cs = useMemo(() => candidates(s), [s.annotations, s.annotationOrder, s.draft]);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const selectedIds = chosen ?? preselected(cs);
  const selected = new Set(selectedIds);
  const [edits, setEdits] = useState<EditDraft>({});
  const [note, setNote] = useState('');
  const [showAll, setShowAll] = useState(false);
  const [picked, setPicked] = useState<Record<string, string>>({});
  const built = buildRevision(base, idx.nodes, cs, selectedIds, edits, note);
  const revision = Object.keys(picked).length ? { ...built, request: { ...built.request, alternatives: picked } } : built;
  const requestKey = JSON.stringify(revision.request);
  const [preview, setPreview] = useState<{ key: string; data: RevisePreview } | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState<{ version: number; from: number; applied: number; answered: number } | null>(null);
  const [busy, setBusy] = useState<'preview' | 'create' | null>(null);
  const [fullText, setFullText] = useState<string | null>(null);
  const idempotency = useMemo(randomKey, [requestKey]);
  const fresh = preview?.key === requestKey;
  const empty = isEmpty(revision.request);
  // The core imports no draft while a vote is open (its ballots are on the current version's articles).
  const voting = openVotes(s).length > 0;
  const results = useRef<HTMLDivElement>(null);
  const showResults = () => setTimeout(() => results.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }), 50);

  const toggle = (id: string, on: boolean) => setChosen(on ? [...new Set([...selectedIds, id])] : selectedIds.filter((x) => x !== id));
  const reset = () => {
    setChosen(null);
    setPicked({});
    setEdits({});
    setNote('');
    setPreview(null);
    setRefusal(null);
    setFullText(null);
  };

  const runPreview = async () => {
    setBusy('preview');
    setRefusal(null);
    setDone(null);
    try {
      const data = await reportApi.revise<RevisePreview>(s.conferenceId, { ...revision.request, dryRun: true });
      setPreview({ key: requestKey, data });
    } catch (e) {
      setPreview(null);
      setRefusal(refusalOf(e));
    } finally {
      setBusy(null);
      showResults();
    }
  };

  const create = async () => {
    setBusy('create');
    setRefusal(null);
    try {
      const r = await reportApi.revise<ReviseDone>(s.conferenceId, revision.request, idempotency);
      // Wordings folded into a hand edit went in through the edit: answer them "tiếp thu" as the server does the rest.
      let answered = r.responses?.length ?? 0;
      for (const id of revision.folded) {
        if (s.annotations[id]?.response?.kind !== 'ACCEPTED') {
          send({ type: 'RespondToAnnotation', annotationId: id, response: 'ACCEPTED', text: null });
          answered += 1;
        }
      }
      reset();
      setDone({ version: r.version, from: base, applied: r.applied.length + revision.folded.length, answered });
      showResults();
      notify('info', { vi: `Đã tạo dự thảo lần ${r.version}.`, en: `Draft version ${r.version} created.` });
    } catch (e) {
      setRefusal(refusalOf(e));
      if (e instanceof ApiFailure && e.error.code === 'CONFLICT') setPreview(null);
      showResults();
    } finally {
      setBusy(null);
    }
  };

  const openFullText = async () => {
    setDone(null);
    if (preview && fresh) {
      setFullText(preview.data.text);
      return;
    }
    try {
      const res = await reportApi.versionText(s.conferenceId, base);
      setFullText(res);
    } catch (e) {
      setRefusal(refusalOf(e));
    }
  };

  const byArticle = new Map<string | null, Candidate[]>();
  for (const c of cs) if (showAll || c.status === 'ready') byArticle.set(c.articleId, [...(byArticle.get(c.articleId) ?? []), c]);
  const ready = cs.filter((c) => c.status === 'ready').length;

  return (
    <Shell view="revise" wide>
      <section class="panel" aria-labelledby="rv-h" data-testid="revise-head">
        <h2 id="rv-h" class="section-title">{t('revise.heading', { from: base, to: base + 1 })}</h2>
        <p class="hint">{t('revise.intro')}</p>
        {!mayImport && <p class="notice-inline" role="note" data-testid="revise-readonly">{t('revise.notAllowed')}</p>}
        <label for="rv-note">{t('revise.note')}</label>
        <input id="rv-note" value={note} maxLength={300} placeholder="Tiếp thu ý kiến góp ý" onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
      </section>
      {fullText === null && <AlternativePicker state={s} picked={picked} onPick={(g, a) => setPicked((p) => {
        const next = { ...p };
        if (a) next[g] = a;
        else delete next[g];
        return next;
      })} />}
      {fullText !== null ? (
        <FullTextEditor state={s} base={base} initial={fullText} note={note} taken={selectedIds} onClose={() => setFullText(null)}
          onDone={(v) => {
            reset();
            setDone({ version: v, from: base, applied: 0, answered: 0 });
          }} />
      ) : (
        <div class="layout-two revise-layout">
          <div>
            <section class="panel" aria-labelledby="wd-h" data-testid="wordings">
              <h2 id="wd-h" class="section-title">{t('revise.wordings')} <small class="muted">{t('revise.chosen', { n: revision.request.accept.length + revision.folded.length, total: ready })}</small></h2>
              <div class="row">
                <button type="button" class="small secondary" onClick={() => setChosen(cs.filter((c) => c.status === 'ready').map((c) => c.id))}>{t('revise.all')}</button>
                <button type="button" class="small secondary" onClick={() => setChosen(preselected(cs))}>{t('revise.accepted')}</button>
                <button type="button" class="small secondary" onClick={() => setChosen([])}>{t('revise.none')}</button>
                <label class="checkbox"><input type="checkbox" checked={showAll} onChange={(e) => setShowAll((e.target as HTMLInputElement).checked)} />
                  {t('revise.showAll')}</label>
              </div>
              {cs.length === 0 && <p class="muted">{t('revise.noWordings')}</p>}
              {[...byArticle.entries()].map(([articleId, list]) => (
                <div key={articleId ?? 'none'} class="wording-group">
                  <h3 class="sub">{articleId ? `${t('draft.article', { n: idx.nodes[articleId]?.number ?? '' })}. ${idx.nodes[articleId]?.title ?? ''}` : t('revise.elsewhere')}</h3>
                  <ul class="candidates">
                    {list.map((c) => (
                      <CandidateRow key={c.id} c={c} idx={idx} state={s} checked={selected.has(c.id)} editedByHand={edits[c.nodeId]?.text !== undefined}
                        onToggle={(on) => toggle(c.id, on)} />
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          </div>
          <div>
            <ArticleEditor state={s} cs={cs} selected={selected} edits={edits} setEdits={setEdits} />
          </div>
        </div>
      )}
      {fullText === null && (
        <section class="panel revise-actions" aria-labelledby="ac-h" data-testid="revise-actions">
          <h2 id="ac-h" class="sr-only">{t('revise.actions')}</h2>
          {empty && <p class="muted">{t('revise.nothing')}</p>}
          {voting && <p class="notice-inline" role="status" data-testid="revise-vote-open">{t('revise.voteOpen')}</p>}
          {preview && !fresh && !empty && <p class="notice-inline">{t('revise.stale')}</p>}
          <div class="row">
            <button type="button" class="secondary" data-testid="revise-preview" disabled={empty || busy !== null || !mayImport || !textReady} onClick={runPreview}>
              {busy === 'preview' ? t('app.loading') : t('revise.preview')}</button>
            <button type="button" class="primary" data-testid="revise-create" disabled={!fresh || busy !== null || !mayImport || voting || !textReady} onClick={create}>
              {busy === 'create' ? t('app.loading') : t('revise.create', { v: base + 1 })}</button>
            <button type="button" class="secondary" data-testid="revise-full-text" disabled={!mayImport} onClick={openFullText}>{t('revise.editFullText')}</button>
          </div>
        </section>
      )}
      <div ref={results} tabIndex={-1} class="revise-results">
        {done && (
          <section class="panel success-panel" role="status" data-testid="revise-done">
          <p class="ok">{t('revise.done', { v: done.version, n: done.applied, a: done.answered })}</p>
          <p><a href={href({ name: 'conference', conferenceId: s.conferenceId, view: 'diff', params: { from: String(done.from), to: String(done.version) } })}
            data-testid="revise-see-diff">{t('revise.seeDiff', { from: done.from, to: done.version })}</a></p>
          </section>
        )}
        {fullText === null && refusal && <Problems refusal={refusal} state={s} cs={cs} />}
        {fullText === null && preview && fresh && <PreviewResult state={s} preview={preview.data} cs={cs} base={base} />}
      </div>
    </Shell>
  );
}

function PreviewResult(props: { state: ConferenceState; preview: RevisePreview; cs: Candidate[]; base: number }) {
  const { preview, state } = props;
  const idx = docIndex(state);
  const changed = preview.diff.articles.filter((a) => a.status !== 'UNCHANGED');
  return (
    <div class="revise-preview" data-testid="revise-preview-result">
      <h3>{t('revise.previewHeading', { n: preview.changedArticles, v: props.base + 1 })}</h3>
      {preview.applied.length > 0 && (
        <ul class="applied">
          {preview.applied.map((a) => {
            const c = props.cs.find((x) => x.id === a.annotationId);
            return (
              <li key={a.annotationId} data-testid="applied">
                {placeLabel(idx, a.nodeId)}: <del class="diff-del">{a.before}</del> → <ins class="diff-ins">{a.after}</ins>
                {c && <span class="muted"> — {participantName(state, c.annotation.authorId)}, {endpointName(state, c.annotation.endpointId)}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {preview.edited.length > 0 && <p>{t('revise.editedNodes', { list: preview.edited.map((id) => placeLabel(idx, id) || id).join('; ') })}</p>}
      <div class="row">
        <button type="button" class="small secondary" onClick={() => downloadText(preview.text, draftFileName(state.info?.title, props.base + 1, 'md', true))}>
          {t('revise.saveText')}</button>
        <DownloadButton label={t('revise.currentDocx', { v: props.base })} kind="docx" path={reportApi.versionFile(state.conferenceId, props.base, 'docx')}
          fileName={draftFileName(state.info?.title, props.base, 'docx')} />
      </div>
      <DiffLegend />
      {changed.map((a) => <ArticleDiff key={a.articleId} a={a} from={preview.diff.fromVersion} to={preview.diff.toVersion} />)}
    </div>
  );
}
