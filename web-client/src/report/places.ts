// Places in the draft named as a reader names them: "Điều 8, khoản 1, điểm a" (or "Article 8, clause 1, point a").
import { lang, t } from '../i18n';
import type { DocIndex } from '../state/selectors';
import { nodePath } from './revision';

export function placeLabel(idx: DocIndex, nodeId: string): string {
  return nodePath(idx, nodeId).map((n, i) => {
    const label = n.kind === 'ARTICLE' ? t('draft.article', { n: n.number ?? '' })
      : n.kind === 'CLAUSE' ? t('revise.clause', { n: n.number ?? '' }) : t('revise.point', { n: n.number ?? '' });
    return i === 0 ? label : label.toLocaleLowerCase(lang.value);
  }).join(', ');
}
