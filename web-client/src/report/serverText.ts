// The server writes the details of a refusal in both languages, "vi / en" ("dòng 12: … / line 12: …",
// "ann-7: không phải đề xuất sửa câu chữ / not a proposed wording"). The views show the half in the reader's
// language and point at the line of the draft text a problem is on.
import type { Lang } from '../i18n';

const ID_PREFIX = /^((?:[A-Za-z0-9_.:-]+)(?:, [A-Za-z0-9_.:-]+)*): /;

/** The half of a bilingual detail in the given language; a detail with no " / " is returned as it is. */
export function localized(detail: string, lang: Lang): string {
  const parts = detail.split(' / ');
  if (parts.length < 2 || parts.length % 2 !== 0) return detail;
  const half = parts.length / 2;
  const vi = parts.slice(0, half).join(' / ');
  let en = parts.slice(half).join(' / ');
  // "ann-7: … / not a …": the object the detail is about is named once, before the Vietnamese half.
  const id = vi.match(ID_PREFIX);
  if (id && !ID_PREFIX.test(en)) en = `${id[1]}: ${en}`;
  return lang === 'vi' ? vi : en;
}

/** The line of the draft text a detail is about ("dòng 14: …", "line 14: …"), if it names one. */
export function lineOf(detail: string): number | null {
  const m = detail.match(/^(?:dòng|line) (\d+)\b/);
  return m ? Number(m[1]) : null;
}

/** The object ids a detail starts with ("ann-7: …", "ann-7, ann-9: …"). */
export function idsOf(detail: string): string[] {
  const m = detail.match(ID_PREFIX);
  return m && !/^(?:dòng|line) \d+$/.test(m[1]) ? m[1].split(', ') : [];
}
