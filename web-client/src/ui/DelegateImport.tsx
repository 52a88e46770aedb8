// Importing a delegate list (CSV or XLSX) to POST …/delegates/import: the whole file is checked by the server and
// either added or refused with every problem named by its line, shown here in the reader's language.
import { useState } from 'preact/hooks';
import { importDelegates } from '../api/people';
import { ApiFailure } from '../api/rest';
import { session } from '../app/session';
import { lang, t } from '../i18n';
import { localized } from '../report/serverText';
import { errorText } from '../views/LoginView';

export function DelegateImport(props: { onImported?(): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string; problems: string[] } | null>(null);
  return (
    <section class="panel" aria-labelledby="imp-h" data-testid="delegate-import">
      <h2 id="imp-h" class="section-title">{t('delegates.import')}</h2>
      <p class="hint">{t('delegates.importHint')}</p>
      <form class="row" onSubmit={async (e) => {
        e.preventDefault();
        const s = session.value;
        if (!file || !s) return;
        setBusy(true);
        setResult(null);
        try {
          const key = `dl-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
          const r = await importDelegates(s.conferenceId, file, key);
          setResult({ ok: true, text: t('delegates.imported', { n: r.added ?? 0 }), problems: [] });
          props.onImported?.();
        } catch (err) {
          const details = err instanceof ApiFailure ? err.error.details ?? [] : [];
          setResult({ ok: false, text: t('delegates.importRefused', { why: errorText(err) }), problems: details });
        } finally {
          setBusy(false);
        }
      }}>
        <label for="delegate-file">{t('delegates.file')}</label>
        <input id="delegate-file" type="file" data-testid="delegate-file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />
        <button type="submit" class="primary small" disabled={!file || busy} data-testid="delegate-import-submit">{t('delegates.importSubmit')}</button>
      </form>
      {result && (
        <div role={result.ok ? 'status' : 'alert'} data-testid="delegate-import-result">
          <p class={result.ok ? 'ok' : 'error'}>{result.text}</p>
          {result.problems.length > 0 && (
            <ul class="problems" data-testid="delegate-import-problems">
              {result.problems.map((d, i) => <li key={i}>{localized(d, lang.value)}</li>)}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
