// A download of a file the server makes (report exports, the audit log, draft versions): fetched with the access
// token — a plain link could not send it — then saved under a Vietnamese file name.
import { useState } from 'preact/hooks';
import { downloadFile } from '../api/report';
import { t } from '../i18n';
import { notify } from '../state/store';
import { errorMessage } from './errors';

export function DownloadButton(props: { label: string; describedBy?: string; path: string | (() => string); fileName: string | (() => string);
  testId?: string; kind?: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button type="button" class="secondary small download" data-testid={props.testId} data-kind={props.kind} aria-busy={busy}
      aria-describedby={props.describedBy} disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const path = typeof props.path === 'function' ? props.path() : props.path;
          const name = typeof props.fileName === 'function' ? props.fileName() : props.fileName;
          await downloadFile(path, name);
        } catch (e) {
          notify('error', errorMessage(e, 'dl.failed'));
        } finally {
          setBusy(false);
        }
      }}>
      <span aria-hidden="true">⤓ </span>{busy ? t('dl.busy') : props.label}
    </button>
  );
}
