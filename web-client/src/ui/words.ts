// A selection snaps to whole words: a drag that starts or ends inside a word takes the whole word, and spaces at
// either end are dropped. Offsets are UTF-16 code units of the node's text, as the anchors count them.

const WORD = /[\p{L}\p{M}\p{N}_]/u;

function isWord(text: string, i: number): boolean {
  return i >= 0 && i < text.length && WORD.test(text[i]);
}

/** [start, end) widened to whole words and trimmed of white space; null when nothing but space is left. */
export function snapToWords(text: string, start: number, end: number): [number, number] | null {
  let a = Math.max(0, Math.min(start, end));
  let b = Math.min(text.length, Math.max(start, end));
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  if (b <= a) return null;
  while (a > 0 && isWord(text, a - 1) && isWord(text, a)) a--;
  while (b < text.length && isWord(text, b - 1) && isWord(text, b)) b++;
  return [a, b];
}
