// The chair's and secretary's people section: join requests of every hall, attendance per hall, and — for those who
// may change it (roles.md: the secretary and organizers import and edit; the chair marks attendance and ends
// sessions) — the delegate list of a chosen hall with its import. Folded away by default below the report.
import { useState } from 'preact/hooks';
import { session } from '../app/session';
import { t } from '../i18n';
import type { ConferenceState } from '../state/conference';
import { AttendanceSummary } from '../ui/AttendanceSummary';
import { DelegateImport } from '../ui/DelegateImport';
import { DelegateList } from '../ui/DelegateList';
import { JoinRequestsPanel } from '../ui/JoinRequests';

export function People(props: { state: ConferenceState }) {
  const s = props.state;
  const sess = session.value;
  const mayEdit = sess?.kind === 'organizer' || !!sess?.roles.includes('SECRETARY');
  const [hall, setHall] = useState<string>(s.endpointOrder[0] ?? '');
  return (
    <details class="panel people-section" data-testid="people-section" open={s.joinRequestOrder.some((id) => s.joinRequests[id]?.status === 'PENDING')}>
      <summary><h2 class="section-title inline">{t('people.heading')}</h2></summary>
      <JoinRequestsPanel state={s} endpointId={null} />
      <AttendanceSummary />
      <div class="row">
        <label for="people-hall">{t('attendance.hall')}</label>
        <select id="people-hall" value={hall} data-testid="people-hall" onChange={(e) => setHall((e.target as HTMLSelectElement).value)}>
          {s.endpointOrder.map((id) => <option key={id} value={id}>{s.endpoints[id]?.name ?? id}</option>)}
        </select>
      </div>
      {hall && <DelegateList state={s} endpointId={hall} canEdit={mayEdit} canMark={sess?.kind !== 'organizer'} />}
      {mayEdit && <DelegateImport />}
    </details>
  );
}
