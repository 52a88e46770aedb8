// A failed REST call as a message in both languages, for notices and error panels.
import { ApiFailure } from '../api/rest';
import { lang, t, translate, type MessageKey } from '../i18n';

export function errorMessage(e: unknown, fallback: MessageKey): { vi: string; en: string } {
  if (e instanceof ApiFailure) {
    if (e.error.code === 'NETWORK') return { vi: translate('vi', 'err.network'), en: translate('en', 'err.network') };
    if (e.error.code === 'FORBIDDEN') return { vi: translate('vi', 'err.forbidden'), en: translate('en', 'err.forbidden') };
    if (e.error.message) return e.error.message;
    return { vi: `${translate('vi', fallback)} (${e.error.code})`, en: `${translate('en', fallback)} (${e.error.code})` };
  }
  return { vi: translate('vi', fallback), en: translate('en', fallback) };
}

/** A failed read, in the reader's language, with a way to try again. */
export function ErrorPanel(props: { error: unknown; fallback: MessageKey; onRetry?(): void }) {
  const m = errorMessage(props.error, props.fallback);
  return (
    <div class="panel error-panel" role="alert">
      <p class="error">{lang.value === 'vi' ? m.vi : m.en}</p>
      {props.onRetry && <button type="button" class="secondary small" onClick={props.onRetry}>{t('common.retry')}</button>}
    </div>
  );
}
