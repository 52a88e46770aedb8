// File names for what the views download. Always Vietnamese (the documents are), with their diacritics in NFC, and
// safe on every desktop system: no path separators, no characters Windows refuses (: * ? " < > |), no control
// characters, no trailing dot or space, and short enough for any file system once the folder is added.

/** Characters no file name may hold on Windows, macOS or Linux, and control characters. */
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
export const MAX_STEM = 140;

/** A safe file name from a stem and an extension (without dot). */
export function safeFileName(stem: string, ext: string, max = MAX_STEM): string {
  let s = stem.normalize('NFC').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim();
  if (s.length > max) {
    // Cut at a word boundary, never inside a surrogate pair, and say that something was left out.
    const cut = s.slice(0, max - 1);
    const space = cut.lastIndexOf(' ');
    s = (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\uD800-\uDBFF]$/, '').trim() + '…';
  }
  s = s.replace(/[. ]+$/, '');
  if (!s) s = 'tai-lieu';
  return `${s}.${ext.replace(/^\.+/, '')}`;
}

/** "27-11-2026 14h05" in Vietnam time: a date and time a file name may carry (no colon). */
export function stamp(at: Date, timeZone = 'Asia/Ho_Chi_Minh'): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}h${parts.minute}`;
}

/** A conference title short enough to sit in a file name beside the document's own name. */
function shortTitle(title: string | null | undefined, max = 70): string {
  const t = (title ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > 30 ? cut.slice(0, space) : cut).replace(/[,;:–-]+$/, '').trim() + '…';
}

const join = (parts: (string | null | undefined | false)[]) => parts.filter((p): p is string => !!p && !!p.trim()).join(' - ');

export interface ReportNameInput {
  title?: string | null;
  /** The endpoint the report is limited to, if any. */
  endpointName?: string | null;
  isFinal: boolean;
  /** The draft version reported on, named only when it is not the current one. */
  olderVersion?: number | null;
  at: Date;
}

/** "Báo cáo tổng hợp ý kiến góp ý - <hội nghị> - <điểm cầu> - tạm thời - 27-11-2026 14h05.docx" */
export function reportFileName(r: ReportNameInput, ext: string): string {
  return safeFileName(join(['Báo cáo tổng hợp ý kiến góp ý', shortTitle(r.title), r.endpointName,
    r.olderVersion ? `dự thảo lần ${r.olderVersion}` : null, r.isFinal ? null : 'tạm thời', stamp(r.at)]), ext);
}

/** "Nhật ký hội nghị - <hội nghị> - 27-11-2026 14h05.csv" */
export function auditFileName(title: string | null | undefined, at: Date, ext: 'csv' | 'jsonl'): string {
  return safeFileName(join(['Nhật ký hội nghị', shortTitle(title), stamp(at)]), ext);
}

/** "Dự thảo lần 2 - <hội nghị>.docx"; a preview not yet created says so. */
export function draftFileName(title: string | null | undefined, version: number, ext: 'md' | 'docx', preview = false): string {
  return safeFileName(join([`Dự thảo lần ${version}${preview ? ' (xem trước)' : ''}`, shortTitle(title)]), ext);
}

/** "Bảng so sánh dự thảo lần 1 và 2 - <hội nghị>.docx" */
export function comparisonFileName(title: string | null | undefined, from: number, to: number, ext: 'md' | 'docx'): string {
  return safeFileName(join([`Bảng so sánh dự thảo lần ${from} và ${to}`, shortTitle(title)]), ext);
}
