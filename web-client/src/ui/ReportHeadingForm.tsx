// The report's thể thức văn bản (heading block, drafting body, signature, Nơi nhận), saved once for the conference
// with SetReportHeading (docs/report.md, "Layout options"). Every download then uses it: the server lays the stored
// heading under each request. For the moderators (organizer, chair, secretary), the only ones the state gives it to.
// User text is rendered as text (JSX), never as markup.
import { useEffect, useState } from 'preact/hooks';
import type { ReportHeading } from '../protocol.gen';
import { t, type MessageKey } from '../i18n';
import type { ConferenceState } from '../state/conference';
import { pendingCommand, send } from '../state/store';

type Text = 'agency' | 'parentBody' | 'number' | 'place' | 'headTitle' | 'signerTitle' | 'signerName';
type Signing = NonNullable<ReportHeading['signing']>;

interface Draft {
  style: NonNullable<ReportHeading['style']>;
  draftingBody: NonNullable<ReportHeading['draftingBody']>;
  signing: Signing;
  texts: Record<Text, string>;
  recipients: string;
}

const TEXTS: Text[] = ['agency', 'parentBody', 'number', 'place', 'headTitle', 'signerTitle', 'signerName'];
const MAX_RECIPIENTS = 20;

function draftOf(h: ReportHeading | null): Draft {
  const texts = Object.fromEntries(TEXTS.map((k) => [k, h?.[k] ?? ''])) as Record<Text, string>;
  return { style: h?.style ?? 'STATE', draftingBody: h?.draftingBody ?? 'BAN_SOAN_THAO', signing: h?.signing ?? 'TM', texts,
    recipients: (h?.recipients ?? []).join('\n') };
}

/** The command's heading: an empty field is null (its default); no recipient lines: the default recipients. */
export function headingOf(d: Draft): ReportHeading {
  const h: ReportHeading = { style: d.style, draftingBody: d.draftingBody, signing: d.signing };
  for (const k of TEXTS) h[k] = d.texts[k].trim() ? d.texts[k].trim() : null;
  const lines = d.recipients.split('\n').map((x) => x.trim()).filter(Boolean);
  h.recipients = lines.length ? lines : null;
  return h;
}

/** What the server would refuse, said before sending (the server checks again). */
export function problemOf(d: Draft): string | null {
  if (d.recipients.split('\n').filter((x) => x.trim()).length > MAX_RECIPIENTS) return t('report.h.errTooMany');
  if (d.signing === 'KT' && !d.texts.signerTitle.trim()) return t('report.h.errKt');
  return null;
}

const SIGNINGS: { value: Signing; label: MessageKey }[] = [
  { value: 'TM', label: 'report.h.signTm' }, { value: 'KT', label: 'report.h.signKt' },
  { value: 'Q', label: 'report.h.signQ' }, { value: 'NONE', label: 'report.h.signNone' },
];

/** The stored heading in a few readable lines (what the Word file will carry). */
function Current(props: { h: ReportHeading }) {
  const h = props.h;
  const body = h.draftingBody === 'TO_BIEN_TAP' ? 'Tổ biên tập' : 'Ban soạn thảo';
  const def = `(${t('report.h.default')})`;
  const signing = SIGNINGS.find((x) => x.value === (h.signing ?? 'TM'))!;
  return (
    <dl class="heading-current" data-testid="heading-current">
      <dt>{t('report.h.draftingBody')}</dt><dd data-testid="hc-body">{body}</dd>
      <dt>{t('report.h.agency')}</dt><dd data-testid="hc-agency">{h.agency ?? def}</dd>
      {h.parentBody && <><dt>{t('report.h.parentBody')}</dt><dd>{h.parentBody}</dd></>}
      <dt>{t('report.h.number')}</dt><dd data-testid="hc-number">{h.number ?? def}</dd>
      <dt>{t('report.h.place')}</dt><dd>{h.place ?? def}</dd>
      {h.headTitle && <><dt>{t('report.h.headTitle')}</dt><dd data-testid="hc-head">{h.headTitle}</dd></>}
      <dt>{t('report.h.signing')}</dt><dd data-testid="hc-signing">{t(signing.label)}{h.signerTitle ? ` — ${h.signerTitle}` : ''}</dd>
      <dt>{t('report.h.signerName')}</dt><dd data-testid="hc-signer">{h.signerName ?? ''}</dd>
      <dt>{t('report.h.recipients')}</dt>
      <dd data-testid="hc-recipients">{h.recipients ? <ul>{h.recipients.map((r, i) => <li key={i}>{r}</li>)}</ul> : def}</dd>
    </dl>
  );
}

export function ReportHeadingForm(props: { state: ConferenceState }) {
  const stored = props.state.reportHeading;
  const [d, setD] = useState<Draft>(() => draftOf(stored));
  const [problem, setProblem] = useState<string | null>(null);
  // A heading saved here or by a colleague replaces what the form shows.
  useEffect(() => setD(draftOf(stored)), [stored]);
  const saving = !!pendingCommand('SetReportHeading');
  const text = (k: Text, ph?: string) => (
    <div class="field">
      <label for={`h-${k}`}>{t(`report.h.${k}`)}</label>
      <input id={`h-${k}`} data-testid={`h-${k}`} value={d.texts[k]} maxLength={200} placeholder={ph}
        onInput={(e) => setD({ ...d, texts: { ...d.texts, [k]: (e.target as HTMLInputElement).value } })} />
    </div>
  );
  const submit = (e: Event) => {
    e.preventDefault();
    const p = problemOf(d);
    setProblem(p);
    if (!p) send({ type: 'SetReportHeading', heading: headingOf(d) });
  };
  return (
    <section class="heading-form" data-testid="heading-form" aria-labelledby="h-title">
      <h3 class="sub" id="h-title">{t('report.h.title')}</h3>
      <p class="hint">{t('report.h.intro')}</p>
      {stored ? <><p class="ok" data-testid="heading-saved">{t('report.h.saved')}</p><Current h={stored} /></>
        : <p class="muted" data-testid="heading-not-set">{t('report.h.notSet')}</p>}
      <details open={!stored} data-testid="heading-edit">
        <summary>{t('report.h.edit')}</summary>
        <form onSubmit={submit} aria-label={t('report.h.title')}>
          <fieldset>
            <legend>{t('report.h.style')}</legend>
            <label class="radio"><input type="radio" name="h-style" checked={d.style === 'STATE'} onChange={() => setD({ ...d, style: 'STATE' })} />
              {t('report.h.state')}</label>
            <label class="radio"><input type="radio" name="h-style" checked={d.style === 'PARTY'} onChange={() => setD({ ...d, style: 'PARTY' })} />
              {t('report.h.party')}</label>
          </fieldset>
          <fieldset>
            <legend>{t('report.h.draftingBody')}</legend>
            <label class="radio"><input type="radio" name="h-body" data-testid="h-body-bst" checked={d.draftingBody === 'BAN_SOAN_THAO'}
              onChange={() => setD({ ...d, draftingBody: 'BAN_SOAN_THAO' })} />Ban soạn thảo</label>
            <label class="radio"><input type="radio" name="h-body" data-testid="h-body-tbt" checked={d.draftingBody === 'TO_BIEN_TAP'}
              onChange={() => setD({ ...d, draftingBody: 'TO_BIEN_TAP' })} />Tổ biên tập</label>
          </fieldset>
          <div class="fields">
            {text('agency', t('report.h.agencyPh'))}
            {text('parentBody', t('report.h.parentBodyPh'))}
            {text('number', t('report.h.numberPh'))}
            {text('place', 'Hà Nội')}
            <div class="field">
              <label for="h-signing">{t('report.h.signing')}</label>
              <select id="h-signing" data-testid="h-signing" value={d.signing}
                onChange={(e) => setD({ ...d, signing: (e.target as HTMLSelectElement).value as Signing })}>
                {SIGNINGS.map((s) => <option key={s.value} value={s.value}>{t(s.label)}</option>)}
              </select>
            </div>
            {text('headTitle', 'TRƯỞNG BAN')}
            {text('signerTitle', t('report.h.signerTitlePh'))}
            {text('signerName')}
          </div>
          <div class="field">
            <label for="h-recipients">{t('report.h.recipients')}</label>
            <textarea id="h-recipients" data-testid="h-recipients" rows={4} value={d.recipients} placeholder={t('report.h.recipientsPh')}
              onInput={(e) => setD({ ...d, recipients: (e.target as HTMLTextAreaElement).value })} />
          </div>
          {problem && <p class="error" role="alert" data-testid="heading-problem">{problem}</p>}
          <button type="submit" class="primary small" data-testid="heading-save" disabled={saving}>
            {saving ? t('report.h.saving') : t('report.h.save')}</button>
        </form>
      </details>
    </section>
  );
}
