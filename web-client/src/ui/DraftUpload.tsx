// The secretary's draft upload: a file picker and a drop zone (.docx, .txt, .md), the importer's preview of the
// file (counts, an outline, every problem and every left-out part with its line), then "Nhập dự thảo" with a note.
import { useState } from 'preact/hooks';
import { reportApi, type DraftFileCheck } from '../api/report';
import { lang, t, type MessageKey } from '../i18n';
import { counts, lineText, MAX_UPLOAD_BYTES, outline, uploadType } from '../report/draftUpload';
import { errorMessage } from './errors';

interface Picked { file: File; type: string }

const LABEL: Record<string, MessageKey> = { PART: 'upload.part', CHAPTER: 'draft.chapter', SECTION: 'upload.section', ARTICLE: 'draft.article' };

export function DraftUpload(props: { conferenceId: string }) {
  const [picked, setPicked] = useState<Picked | null>(null);
  const [check, setCheck] = useState<DraftFileCheck | null>(null);
  const [busy, setBusy] = useState<'checking' | 'importing' | null>(null);
  const [checking, setChecking] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [note, setNote] = useState('');
  const [over, setOver] = useState(false);
  const say = (m: { vi: string; en: string }) => (lang.value === 'vi' ? m.vi : m.en);

  async function pick(file: File | undefined) {
    if (!file) return;
    setCheck(null);
    setPicked(null);
    const type = uploadType(file.name);
    if (!type) return setMessage({ text: t('upload.unsupported', { name: file.name }), error: true });
    if (file.size > MAX_UPLOAD_BYTES) return setMessage({ text: t('upload.tooLarge', { name: file.name }), error: true });
    setMessage(null);
    setChecking(file.name);
    setBusy('checking');
    try {
      setCheck(await reportApi.previewDraftFile(props.conferenceId, file, type));
      setPicked({ file, type });
    } catch (e) {
      setMessage({ text: say(errorMessage(e, 'upload.failed')), error: true });
    } finally {
      setBusy(null);
    }
  }

  async function importIt() {
    if (!picked) return;
    setBusy('importing');
    try {
      await reportApi.importDraftFile(props.conferenceId, picked.file, picked.type, note, `upload-${crypto.randomUUID()}`);
      setMessage({ text: t('upload.imported', { name: picked.file.name }), error: false });
      setCheck(null);
      setPicked(null);
      setNote('');
    } catch (e) {
      setMessage({ text: say(errorMessage(e, 'upload.importFailed')), error: true });
    } finally {
      setBusy(null);
    }
  }

  const nodes = check?.document?.nodes;
  const c = counts(nodes);
  return (
    <section class="panel draft-upload" aria-labelledby="upload-h" data-testid="draft-upload">
      <h2 id="upload-h" class="section-title">{t('upload.heading')}</h2>
      <div class={`drop-zone${over ? ' over' : ''}`} data-testid="drop-zone"
        onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)}
        onDrop={(e) => { e.preventDefault(); setOver(false); void pick(e.dataTransfer?.files?.[0]); }}>
        <p class="muted">{t('upload.hint')}</p>
        <label class="button secondary small file-pick">
          {t('upload.choose')}
          <input type="file" accept=".docx,.txt,.md,.markdown" data-testid="draft-file" class="sr-only"
            onChange={(e) => { const input = e.target as HTMLInputElement; void pick(input.files?.[0]); input.value = ''; }} />
        </label>
      </div>
      {busy === 'checking' && <p class="muted" role="status">{t('upload.checking', { name: checking })}</p>}
      {message && <p class={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'} data-testid="upload-message">{message.text}</p>}
      {check && (
        <div class="upload-preview" data-testid="upload-preview">
          {check.document?.title && <p>{t('upload.title', { title: check.document.title })}</p>}
          <p data-testid="upload-counts">{t('upload.counts', { c: c.CHAPTER, a: c.ARTICLE, k: c.CLAUSE, p: c.POINT })}</p>
          {check.problems.length > 0 ? (
            <div>
              <h3>{t('upload.problems', { n: check.problems.length })}</h3>
              <ul data-testid="upload-problems">
                {check.problems.map((p, i) => (
                  <li key={i} class="error">
                    <strong>{t('upload.line', { n: p.line })}</strong>: {lang.value === 'vi' ? p.messageVi : p.messageEn}
                    {check.text && <code class="muted"> {lineText(check.text, p.line)}</code>}
                  </li>
                ))}
              </ul>
            </div>
          ) : <p class="ok">{t('upload.ok')}</p>}
          {check.notices.length > 0 && (
            <div>
              <h3>{t('upload.notices', { n: check.notices.length })}</h3>
              <ul data-testid="upload-notices">
                {check.notices.map((p, i) => (
                  <li key={i}><strong>{t('upload.line', { n: p.line })}</strong>: {lang.value === 'vi' ? p.messageVi : p.messageEn}</li>
                ))}
              </ul>
            </div>
          )}
          <details>
            <summary>{t('upload.outline')}</summary>
            <ul class="outline" data-testid="upload-outline">
              {outline(nodes).map((r, i) => (
                <li key={i} style={{ marginInlineStart: `${r.depth * 1.5}em` }}>
                  {t(LABEL[r.kind] ?? 'draft.article', { n: r.number })}{r.title ? `. ${r.title}` : ''}
                </li>
              ))}
            </ul>
          </details>
          {check.text && (
            <details>
              <summary>{t('upload.text')}</summary>
              <ol class="upload-text">{check.text.split('\n').map((l, i) => <li key={i}>{l}</li>)}</ol>
            </details>
          )}
          <div class="row">
            <label for="upload-note">{t('upload.note')}</label>
            <input id="upload-note" value={note} maxLength={200} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
            <button type="button" data-testid="upload-import" disabled={!check.ok || busy !== null} onClick={() => void importIt()}>
              {busy === 'importing' ? t('upload.importing') : t('upload.import')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
