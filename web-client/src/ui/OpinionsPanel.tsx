// The drafting team's table of opinions (issue 15): every opinion of the report's one table — annotations, ballots'
// "ý kiến khác", summarized speeches, written opinions of agencies — with an answer form per row (no default choice;
// it names the row's place), a form for a written opinion (or a CSV/XLSX import) and one for a speech summary.
// Rows are merged ("Gộp ý kiến": checkboxes naming each row's STT and place, confirmed inline, then the undo window;
// MergeOpinions of the rows' first ids in the table's order, so the first row chosen gives place, content and
// answer) and split again ("Tách ý kiến": UnmergeOpinion for each opinion merged into the row, with the undo window).
// The table is read from GET …/report (table, tableTotals) and read again whenever the conference moves on.
import { useEffect, useState } from 'preact/hooks';
import { reportApi, type SynthesisReport, type TableRow } from '../api/report';
import { ApiFailure } from '../api/rest';
import { importContentType } from '../api/people';
import { lang, t } from '../i18n';
import { localized } from '../report/serverText';
import { docIndex, participantName, endpointName } from '../state/selectors';
import { conference, send } from '../state/store';
import type { ConferenceState } from '../state/conference';
import type { DraftNode } from '../protocol.gen';
import { errorText } from '../views/LoginView';
import { ConfirmButton, later } from './Undo';

type Kind = 'ACCEPTED' | 'EXPLAINED' | 'NOTED';

function placeLabel(r: TableRow): string {
  if (!r.placeNow) return r.placeAtOpinion;
  return r.placeNow === 'đã bỏ' ? `${r.placeAtOpinion} (đã bỏ)` : `${r.placeAtOpinion} (nay là ${r.placeNow})`;
}

function AnswerForm(props: { row: TableRow }) {
  const r = props.row;
  const [kind, setKind] = useState<Kind | null>(null);
  const [text, setText] = useState('');
  const id = r.opinionIds[0];
  const place = placeLabel(r);
  return (
    <form class="respond-form" data-testid={`opinion-answer-${r.stt}`} onSubmit={(ev) => {
      ev.preventDefault();
      if (!kind || (kind === 'EXPLAINED' && !text.trim())) return;
      send({ type: 'RespondToOpinion', opinionId: id, response: kind, text: text.trim() || null });
      setKind(null);
      setText('');
    }}>
      <fieldset>
        <legend>{t('op.answerAt', { stt: r.stt, place })}</legend>
        {(['ACCEPTED', 'EXPLAINED', 'NOTED'] as const).map((k) => (
          <label key={k} class="radio">
            <input type="radio" name={`op-resp-${id}`} value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(`resp.${k}`)}
          </label>
        ))}
      </fieldset>
      <label for={`op-text-${id}`}>{t('op.answerText')}</label>
      <textarea id={`op-text-${id}`} rows={2} maxLength={4000} value={text} required={kind === 'EXPLAINED'}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      {!kind && <p class="hint">{t('op.chooseKind')}</p>}
      {kind === 'EXPLAINED' && !text.trim() && <p class="hint">{t('resp.explainNeedsText')}</p>}
      <button type="submit" class="small" disabled={!kind || (kind === 'EXPLAINED' && !text.trim())}>{t('op.answerSubmit')}</button>
    </form>
  );
}

/** Every article, clause and point of the current draft as "Điều 5, khoản 2", for the written-opinion form. */
function places(s: ConferenceState): { id: string; label: string }[] {
  const out: { id: string; label: string }[] = [];
  const idx = docIndex(s);
  const walk = (n: DraftNode, parent: string) => {
    const label = n.kind === 'ARTICLE' ? `Điều ${n.number}` : n.kind === 'CLAUSE' ? `${parent}, khoản ${n.number}`
      : n.kind === 'POINT' ? `${parent}, điểm ${n.number}` : '';
    if (label) out.push({ id: n.id!, label });
    for (const c of n.children ?? []) walk(c, label || parent);
  };
  for (const a of idx.articles) walk(a.node, '');
  return out;
}

function WrittenOpinionForm(props: { state: ConferenceState; onImported(): void }) {
  const [agency, setAgency] = useState('');
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [nodeId, setNodeId] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string; problems: string[] } | null>(null);
  const options = places(props.state);
  return (
    <section class="panel" aria-labelledby="op-w-h" data-testid="written-opinion">
      <h3 id="op-w-h">{t('op.written')}</h3>
      <form class="stack" onSubmit={(e) => {
        e.preventDefault();
        if (!agency.trim() || !text.trim()) return;
        send({ type: 'RecordWrittenOpinion', agency: agency.trim(), letterNumber: number.trim() || null,
          letterDate: date || null, nodeId: nodeId || null, text: text.trim() });
        setAgency(''); setNumber(''); setDate(''); setNodeId(''); setText('');
      }}>
        <label for="op-agency">{t('op.agency')}</label>
        <input id="op-agency" data-testid="op-agency" required maxLength={200} value={agency} onInput={(e) => setAgency((e.target as HTMLInputElement).value)} />
        <label for="op-number">{t('op.letterNumber')}</label>
        <input id="op-number" data-testid="op-number" maxLength={100} value={number} onInput={(e) => setNumber((e.target as HTMLInputElement).value)} />
        <label for="op-date">{t('op.letterDate')}</label>
        <input id="op-date" data-testid="op-date" type="date" value={date} onInput={(e) => setDate((e.target as HTMLInputElement).value)} />
        <label for="op-place">{t('op.place')}</label>
        <select id="op-place" data-testid="op-place" value={nodeId} onChange={(e) => setNodeId((e.target as HTMLSelectElement).value)}>
          <option value="">{t('op.wholeText')}</option>
          {options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
        </select>
        <label for="op-text">{t('op.text')}</label>
        <textarea id="op-text" data-testid="op-text" required rows={3} maxLength={4000} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
        <button type="submit" class="primary small" data-testid="op-written-submit" disabled={!agency.trim() || !text.trim()}>{t('op.writtenSubmit')}</button>
      </form>
      <form class="row" onSubmit={async (e) => {
        e.preventDefault();
        if (!file) return;
        setResult(null);
        try {
          const key = `op-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
          const r = await reportApi.importOpinions(props.state.conferenceId, file, importContentType(file), key);
          setResult({ ok: true, text: t('op.imported', { n: r.added ?? 0 }), problems: [] });
          props.onImported();
        } catch (err) {
          const details = err instanceof ApiFailure ? err.error.details ?? [] : [];
          setResult({ ok: false, text: t('op.importRefused', { why: errorText(err) }), problems: details });
        }
      }}>
        <label for="op-file">{t('op.importFile')}</label>
        <input id="op-file" type="file" data-testid="op-file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />
        <button type="submit" class="small" disabled={!file}>{t('op.importSubmit')}</button>
      </form>
      {result && (
        <div role={result.ok ? 'status' : 'alert'} data-testid="op-import-result">
          <p class={result.ok ? 'ok' : 'error'}>{result.text}</p>
          {result.problems.length > 0 && <ul class="problems">{result.problems.map((d, i) => <li key={i}>{localized(d, lang.value)}</li>)}</ul>}
        </div>
      )}
    </section>
  );
}

function SpeechSummaryForm(props: { state: ConferenceState }) {
  const s = props.state;
  const [req, setReq] = useState('');
  const [summary, setSummary] = useState('');
  const turns = [...s.queue.history.map((h) => ({ id: h.requestId!, who: h.participantId, ep: h.endpointId, now: false }))];
  if (s.queue.current?.requestId) {
    const r = s.queue.requests[s.queue.current.requestId];
    turns.push({ id: s.queue.current.requestId, who: s.queue.current.participantId, ep: r?.endpointId, now: true });
  }
  return (
    <section class="panel" aria-labelledby="op-s-h" data-testid="speech-summary">
      <h3 id="op-s-h">{t('op.speech')}</h3>
      {turns.length === 0 ? <p class="muted">{t('op.noSpeech')}</p> : (
        <form class="stack" onSubmit={(e) => {
          e.preventDefault();
          if (!req || !summary.trim()) return;
          send({ type: 'RecordSpeechSummary', requestId: req, summary: summary.trim() });
          setSummary('');
        }}>
          <label for="op-turn">{t('op.speechPick')}</label>
          <select id="op-turn" data-testid="op-turn" value={req} onChange={(e) => setReq((e.target as HTMLSelectElement).value)}>
            <option value="">—</option>
            {turns.map((x) => (
              <option key={x.id} value={x.id}>
                {participantName(s, x.who ?? '')}{x.ep ? ` · ${endpointName(s, x.ep)}` : ''}{x.now ? ` ${t('op.speechNow')}` : ''}
              </option>
            ))}
          </select>
          <label for="op-summary">{t('op.summary')}</label>
          <textarea id="op-summary" data-testid="op-summary" rows={2} maxLength={2000} value={summary} onInput={(e) => setSummary((e.target as HTMLTextAreaElement).value)} />
          <button type="submit" class="small" disabled={!req || !summary.trim()}>{t('op.speechSubmit')}</button>
        </form>
      )}
    </section>
  );
}

export function OpinionsPanel() {
  const s = conference.value;
  const [report, setReport] = useState<SynthesisReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const upTo = s?.upTo ?? 0;
  const mayAnswer = !!s?.me?.roles?.some((r) => r === 'CHAIR' || r === 'SECRETARY');
  useEffect(() => {
    if (!s) return;
    let live = true;
    // The report moves with the log: read it again a moment after the conference moved on.
    const timer = setTimeout(() => {
      reportApi.report(s.conferenceId).then((r) => { if (live) { setReport(r); setError(null); } },
        (e) => { if (live) setError(errorText(e)); });
    }, 250);
    return () => { live = false; clearTimeout(timer); };
  }, [s?.conferenceId, upTo, tick]);
  if (!s || !mayAnswer) return null;
  const rows = report?.table ?? [];
  const tt = report?.tableTotals;
  // Rows chosen for a merge, by their first opinion id; a row that is gone (merged, split) is no longer chosen.
  const chosen = rows.filter((r) => selected.includes(r.opinionIds[0]));
  const toggle = (id: string, on: boolean) =>
    setSelected(on ? [...selected.filter((x) => x !== id), id] : selected.filter((x) => x !== id));
  const sttList = chosen.map((r) => r.stt).join(', ');
  return (
    <section class="panel opinions-panel" aria-labelledby="op-h" data-testid="opinions-panel">
      <h2 id="op-h" class="section-title">{t('op.heading')}</h2>
      <button type="button" class="small" onClick={() => setTick(tick + 1)}>{t('op.reload')}</button>
      {error && <p class="error" role="alert">{t('op.failed', { why: error })}</p>}
      {!report && !error && <p class="muted">{t('op.loading')}</p>}
      {tt && <p class="muted" data-testid="op-totals">{t('op.totals', { n: tt.rows, a: tt.answered, acc: tt.accepted, exp: tt.explained, not: tt.noted, u: tt.unanswered })}</p>}
      {report && rows.length === 0 && <p class="muted">{t('op.empty')}</p>}
      {rows.length > 1 && (
        <div class="merge-bar row" data-testid="merge-bar">
          <p class="hint" aria-live="polite" data-testid="merge-chosen">
            {chosen.length === 0 ? t('op.mergeHint') : t('op.mergeChosen', { n: chosen.length, list: sttList })}
          </p>
          <ConfirmButton label={t('op.merge')} class="secondary small" testId="op-merge" disabled={chosen.length < 2}
            question={chosen.length < 2 ? '' : t('op.mergeQuestion', { list: sttList, first: chosen[0].stt, place: placeLabel(chosen[0]) })}
            what={t('act.merge', { list: sttList })}
            act={() => {
              send({ type: 'MergeOpinions', opinionIds: chosen.map((r) => r.opinionIds[0]) });
              setSelected([]);
            }} />
        </div>
      )}
      {rows.length > 0 && (
        <ul class="opinion-rows" data-testid="opinion-rows" style={{ listStyle: 'none', paddingLeft: 0 }}>
          {rows.map((r) => {
            const head = r.opinionIds[0];
            const merged = r.opinionIds.length > 1;
            return (
              <li key={r.opinionIds.join('+')} data-testid="opinion-row" data-stt={r.stt} data-merged={merged ? 'true' : undefined}>
                <p>
                  <label class="checkbox op-select">
                    <input type="checkbox" data-testid="op-select" checked={selected.includes(head)}
                      onChange={(e) => toggle(head, (e.target as HTMLInputElement).checked)} />
                    {t('op.select', { stt: r.stt, place: placeLabel(r) })}
                  </label>
                </p>
                <p><strong>{r.stt}. {placeLabel(r)}</strong>{!merged && <> — <span class="muted">{r.sources.join('; ')}</span></>}</p>
                {merged && (
                  <div data-testid="op-merged-sources">
                    <p class="muted">{t('op.mergedSources', { n: r.opinionIds.length })}</p>
                    <ul class="op-sources">{r.sources.map((x) => <li key={x}>{x}</li>)}</ul>
                  </div>
                )}
                <p class="opinion-content">{r.content}</p>
                <p data-testid="opinion-answer">{r.answer ? r.answer : <span class="muted">{t('op.unanswered')}</span>}</p>
                {merged && (
                  <button type="button" class="secondary small" data-testid="op-unmerge"
                    onClick={() => later(t('act.unmerge', { stt: r.stt }), () => {
                      for (const id of r.opinionIds.slice(1)) send({ type: 'UnmergeOpinion', opinionId: id });
                    })}>{t('op.unmerge', { stt: r.stt })}</button>
                )}
                <AnswerForm row={r} />
              </li>
            );
          })}
        </ul>
      )}
      <WrittenOpinionForm state={s} onImported={() => setTick(tick + 1)} />
      <SpeechSummaryForm state={s} />
    </section>
  );
}
