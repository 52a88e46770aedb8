// Draft files the secretary uploads (POST …/draft/preview, then POST …/draft): which files are sent with which
// content type, the size limit, and the outline and counts of the parsed draft shown before importing.

/** The server's body limit (docs/api.md): a larger file is refused with 413, so it is refused here first. */
export const MAX_UPLOAD_BYTES = 3 * 1024 * 1024;

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The content type to send a file with, from its name (browsers often give .md files no type); null: not accepted. */
export function uploadType(fileName: string): string | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.docx')) return DOCX_TYPE;
  if (name.endsWith('.md') || name.endsWith('.markdown')) return 'text/markdown; charset=utf-8';
  if (name.endsWith('.txt')) return 'text/plain; charset=utf-8';
  return null;
}

export interface OutlineNode { kind: string; number?: string; title?: string; children?: OutlineNode[] }
export interface OutlineRow { depth: number; kind: string; number: string; title: string }

const STRUCTURE = new Set(['PART', 'CHAPTER', 'SECTION', 'ARTICLE']);

/** Parts, chapters, sections and articles, depth first, for a tree outline (clauses and points are counted only). */
export function outline(nodes: OutlineNode[] | undefined, depth = 0, out: OutlineRow[] = []): OutlineRow[] {
  for (const n of nodes ?? []) {
    if (!STRUCTURE.has(n.kind)) continue;
    out.push({ depth, kind: n.kind, number: n.number ?? '', title: n.title ?? '' });
    outline(n.children, depth + 1, out);
  }
  return out;
}

export type Counts = Record<'PART' | 'CHAPTER' | 'SECTION' | 'ARTICLE' | 'CLAUSE' | 'POINT', number>;

export function counts(nodes: OutlineNode[] | undefined, c: Counts = { PART: 0, CHAPTER: 0, SECTION: 0, ARTICLE: 0, CLAUSE: 0, POINT: 0 }): Counts {
  for (const n of nodes ?? []) {
    if (n.kind in c) c[n.kind as keyof Counts]++;
    counts(n.children, c);
  }
  return c;
}

/** The text of a 1-based line of the text made from a .docx, shortened, for showing next to a problem. */
export function lineText(text: string | undefined, line: number, max = 120): string {
  if (!text || line < 1) return '';
  const l = text.split('\n')[line - 1] ?? '';
  return l.length <= max ? l : l.slice(0, max - 1) + '…';
}
