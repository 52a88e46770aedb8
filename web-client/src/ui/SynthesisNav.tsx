// The synthesis views — report, revised draft, differences, audit log — as a second row of tabs under the top bar,
// for the people who may open more than one of them.
import { href } from '../app/router';
import { session, synthesisViews, type ViewName } from '../app/session';
import { t } from '../i18n';

export function SynthesisNav(props: { view: ViewName }) {
  const s = session.value;
  if (!s) return null;
  const views = synthesisViews(s.roles, s.kind === 'organizer');
  if (views.length < 2) return null;
  return (
    <nav class="subnav" aria-label={t('nav.synthesis')} data-testid="synthesis-nav">
      {views.map((v) => (
        <a key={v} href={href({ name: 'conference', conferenceId: s.conferenceId, view: v })} data-testid={`nav-${v}`}
          aria-current={v === props.view ? 'page' : undefined}>{t(`view.${v}`)}</a>
      ))}
    </nav>
  );
}
