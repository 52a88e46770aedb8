// Attendance per hall (GET …/attendance): registered / present / absent, following the log (at most every 10 s) and
// on request. Present: connected now or marked present by the host (docs/domain.md, attendance).
import { attendance } from '../api/people';
import { session } from '../app/session';
import { t } from '../i18n';
import { errorText } from '../views/LoginView';
import { useRemote } from './useRemote';

export function AttendanceSummary(props: { endpointId?: string | null }) {
  const s = session.value;
  const r = useRemote(() => attendance(s!.conferenceId, props.endpointId ?? null), [s?.conferenceId, props.endpointId], { throttleMs: 10_000 });
  const a = r.data;
  return (
    <section class="panel" aria-labelledby="att-h" data-testid="attendance">
      <h2 id="att-h" class="section-title">{t('attendance.heading')}
        <button type="button" class="small secondary" onClick={r.reload} data-testid="attendance-reload">{t('attendance.reload')}</button></h2>
      {r.error && <p class="error">{errorText(r.error)}</p>}
      {a && (
        <>
          <p data-testid="attendance-total">{t('attendance.total', { r: a.registered, p: a.present, a: a.absent })}</p>
          <table class="data-table">
            <thead>
              <tr><th scope="col">{t('attendance.hall')}</th><th scope="col">{t('attendance.registered')}</th>
                <th scope="col">{t('attendance.present')}</th><th scope="col">{t('attendance.absent')}</th></tr>
            </thead>
            <tbody>
              {a.endpoints.map((e) => (
                <tr key={e.endpointId} data-testid={`attendance-${e.code}`}>
                  <th scope="row">{e.name}</th><td>{e.registered}</td><td>{e.present}</td><td>{e.absent}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {!a && r.loading && <p class="loading">{t('app.loading')}</p>}
    </section>
  );
}
