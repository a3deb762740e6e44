/**
 * A compact view of the text for the extractors, with a map back to the original offsets.
 *
 * Speech recognisers and some transcript sites put a space between every Chinese character
 * (`收 入 达 人 民 币 十 八 点 四 亿 元`) and split digits (`21 1 亿` for 211亿, `5. 83 %` for
 * 5.83%). The extractors read a copy with those spaces removed and full-width forms folded
 * (`１８．４` → `18.4`, one code unit for one, so offsets survive), and every span they find is
 * mapped back through `map` to the original text, so a span covers the whole spaced form.
 */
import type { Span } from '../model.js';
import { isHSpace, isHanAt, isHanCode, isDigitAt } from './chars.js';

export interface Compact {
  text: string;
  /**
   * The map back, kept sparse: `gapAt[r]` is the compact offset of the first character after
   * the r-th removed run of spaces, and `shift[r]` the number of characters removed up to and
   * including that run, so compact offset k is original offset k + shift[r] for the last r
   * with `gapAt[r] <= k`. Null when nothing was removed (then k is k).
   */
  map: { gapAt: Int32Array; shift: Int32Array } | null;
  /** Original spans where digits separated by a space were joined (`21 1 亿`), for diagnostics. */
  joins: Span[];
}

/** Full-width ASCII (U+FF01..U+FF5E) to ASCII, and the few look-alike signs transcripts use. */
function foldChar(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0x2212) return 0x2d; // − minus sign
  if (c === 0xfe6a) return 0x25; // ﹪
  return c;
}

/**
 * A line break inside a paragraph reads as a space: PDF exports wrap figures over two lines
 * ("…a loss of $27\nmillion…" in the Zillow call, `十八点\n四亿元`), and the extractors saw
 * `$27` and `十八点`/`四亿元`. A blank line (two breaks with only spaces between) still ends
 * a paragraph, and nothing is read across it. One code unit for one (CRLF gives two spaces).
 */
function wrapBreak(s: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9)) j--;
  // The LF of a CRLF looks back past its CR.
  if (s.charCodeAt(i) === 10 && s.charCodeAt(j) === 13) j--;
  while (j >= 0 && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9)) j--;
  if (j < 0 || s.charCodeAt(j) === 10 || s.charCodeAt(j) === 13) return false;
  let k = i + 1;
  if (s.charCodeAt(i) === 13 && s.charCodeAt(k) === 10) k++;
  while (k < s.length && (s.charCodeAt(k) === 32 || s.charCodeAt(k) === 9)) k++;
  return k < s.length && s.charCodeAt(k) !== 10 && s.charCodeAt(k) !== 13;
}

function isFullDigit(c: number): boolean {
  return c >= 0xff10 && c <= 0xff19;
}

function skippable(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 44 || c === 37 || isHSpace(c);
}

/**
 * Whether digits at a join point sit in Chinese text: the nearest character on either side
 * that is not a digit, a separator or a space is a Han character. `34 300 万` and `毛利率的话
 * 21. 44 是` join; `1 234 567` in English and `Q2 2023 20 stores` do not.
 */
function chineseAround(s: string, left: number, right: number): boolean {
  let i = left;
  let steps = 0;
  while (i >= 0 && steps < 40 && skippable(s.charCodeAt(i))) {
    i--;
    steps++;
  }
  if (isHanAt(s, i)) return true;
  let j = right;
  steps = 0;
  while (j < s.length && steps < 40 && skippable(s.charCodeAt(j))) {
    j++;
    steps++;
  }
  return isHanAt(s, j);
}

/** The whole digit group around a join (`21 1`, `5. 83`), for the diagnostic. */
function digitGroup(s: string, a: number, b: number): Span {
  let start = a;
  while (start > 0 && /[0-9.]/.test(s[start - 1] as string)) start--;
  let end = b + 1;
  while (end < s.length && /[0-9.]/.test(s[end] as string)) end++;
  return { start, end };
}

/** Lone surrogates become U+FFFD, one unit for one: offsets hold, and spans are cut from the original. */
// ignoreBOM: a leading U+FEFF is a character here (a second byte-order mark, or a span that
// starts on one), not a mark to drop: dropping it would shift every offset after it by one.
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });
function wellFormed(s: string): string {
  const codes = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) codes[i] = s.charCodeAt(i);
  return UTF16.decode(codes);
}

const MAY_FOLD = /[\n\r\u2212\ud800-\udfff\ufe6a-\uffff]/g;
/**
 * The folded text: full-width forms to ASCII (`１８．４` → `18.4`), line breaks inside a
 * paragraph to spaces, lone surrogates to U+FFFD; one code unit for one.
 */
function fold(original: string): string {
  let out = '';
  let from = 0;
  let surrogates = false;
  // Only line breaks, U+2212, surrogates and U+FE6A and above may change (ASCII and Han do
  // not): the regex finds them (a loop over every code unit cost ~2 ns a unit), and the text
  // is copied only around the few that change.
  const re = MAY_FOLD;
  re.lastIndex = 0;
  while (re.test(original)) {
    const i = re.lastIndex - 1;
    const c = original.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      surrogates = true;
      continue;
    }
    // A full-width comma is a thousands separator only between full-width digits (`４，５６５`);
    // in `$20，300美圆` it separates two prices.
    const f =
      c === 10 || c === 13
        ? wrapBreak(original, i)
          ? 0x20
          : c
        : c === 0xff0c && !(isFullDigit(original.charCodeAt(i - 1)) && isFullDigit(original.charCodeAt(i + 1)))
          ? c
          : foldChar(c);
    if (f === c) continue;
    out += original.slice(from, i) + String.fromCharCode(f);
    from = i + 1;
  }
  const folded = from === 0 ? original : out + original.slice(from);
  return surrogates ? wellFormed(folded) : folded;
}

/**
 * A Han character (`isHanCode`), a digit, `%` or `.`, then a horizontal space (`isHSpace`),
 * where the run of spaces ends before a Han character, a digit or `%`: every rule of
 * `removable` wants one there, so `470 million` and `19.8% year` keep their spaces without a
 * stop of the regex at each (a call cost more than the check; compact over 10 generated
 * calls, callgrind per round, steady state: 33.0 -> 29.5 M instructions). The match is still
 * the character and the first space.
 */
const SPACE_AFTER = /[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff0-9%.][ \t\u3000\u00a0\u202f\u2009](?=[ \t\u3000\u00a0\u202f\u2009]*[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff0-9%])/g;

/** The characters before a run of spaces that `removable` may remove (as in SPACE_AFTER). */
function spaceAfter(c: number): boolean {
  return isHanCode(c) || (c >= 48 && c <= 57) || c === 37 || c === 46;
}

/** Whether the run of spaces [i, j) goes (j < length); a join is recorded in `joins`. */
function removable(folded: string, i: number, j: number, joins: Span[]): boolean {
  const a = i - 1;
  const b = j;
  const aHan = isHanAt(folded, a);
  const bHan = isHanAt(folded, b);
  const aDigit = isDigitAt(folded, a);
  const bDigit = isDigitAt(folded, b);
  if ((aHan || aDigit) && (bHan || bDigit) && !(aDigit && bDigit)) return true;
  if (aDigit && bDigit && j - i === 1 && chineseAround(folded, a, b)) {
    // `21 1 亿`, `34 300 万`, `20 25 年`: a recogniser split one number in two.
    joins.push(digitGroup(folded, a, b));
    return true;
  }
  if (aDigit && folded[b] === '%' && chineseAround(folded, a, b)) return true; // `5. 83 %`
  if (folded[a] === '%' && bHan) return true; // `5.83 % 左 右`
  if (folded[a] === '.' && isDigitAt(folded, a - 1) && bDigit && j - i === 1 && chineseAround(folded, a, b)) {
    joins.push(digitGroup(folded, a, b)); // `5. 83`
    return true;
  }
  return false;
}

export function compact(original: string): Compact {
  const n = original.length;
  const folded = fold(original);
  // Removed runs of spaces as pairs of offsets [start, end), in text order.
  const cuts: number[] = [];
  const joins: Span[] = [];
  // Every rule in `removable` wants a Han character, a digit, `%` or `.` right before a run of
  // spaces: the regex finds those runs (most spaces in English follow a letter or a comma, and
  // a loop over every code unit cost ~2 ns a unit). A space at offset 0 is kept.
  const re = SPACE_AFTER;
  re.lastIndex = 0;
  while (re.test(folded)) {
    let i = re.lastIndex - 1;
    let j = i + 1;
    for (;;) {
      while (j < n && isHSpace(folded.charCodeAt(j))) j++;
      if (j < n && removable(folded, i, j, joins)) cuts.push(i, j);
      // `收 入 达 人 民 币`: the next run is often one character on, and is read here without
      // another call of the regex (a call costs more than the check).
      if (j + 1 < n && spaceAfter(folded.charCodeAt(j)) && isHSpace(folded.charCodeAt(j + 1))) {
        i = j + 1;
        j = i + 1;
        continue;
      }
      break;
    }
    // The character at j is not a space; it may come before the next run.
    re.lastIndex = j;
  }
  // Nothing removed: every character kept its offset (English, mostly).
  if (cuts.length === 0) return { text: folded, map: null, joins };
  return cutOut(folded, cuts, joins);
}

/**
 * The text without the runs `cuts` lists, and the map back. A function of its own: compiled
 * inside `compact` after a run of English calls (no cuts), this part had no type feedback,
 * and the first call with cuts threw the optimised code away ("insufficient type feedback",
 * 99 times in a run over 1,000 generated calls).
 */
function cutOut(folded: string, cuts: readonly number[], joins: Span[]): Compact {
  const runs = cuts.length / 2;
  const gapAt = new Int32Array(runs);
  const shift = new Int32Array(runs);
  // The kept pieces joined once: `+=` made a rope of a node per cut (two thousand in a call of
  // spaced Chinese), which the extractors' first scan then flattened (extractQuantities over 10
  // generated calls: 167.9 → 165.6 M instructions, callgrind).
  const kept: string[] = [];
  let from = 0;
  let removed = 0;
  for (let r = 0; r < runs; r++) {
    const start = cuts[2 * r] as number;
    const end = cuts[2 * r + 1] as number;
    kept.push(folded.slice(from, start));
    removed += end - start;
    gapAt[r] = end - removed;
    shift[r] = removed;
    from = end;
  }
  kept.push(folded.slice(from));
  return { text: kept.join(''), map: { gapAt, shift }, joins };
}

/** The original offset of compact offset k; 0 outside the compact text, as before. */
function originalAt(c: Compact, k: number): number {
  if (!(k >= 0 && k <= c.text.length && Number.isInteger(k))) return 0;
  if (c.map === null) return k;
  const { gapAt, shift } = c.map;
  // The last run with gapAt[r] <= k.
  let lo = 0;
  let hi = gapAt.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((gapAt[mid] as number) <= k) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? k : k + (shift[lo - 1] as number);
}

/** Maps a compact span (end exclusive) back to the original text. */
export function toOriginal(c: Compact, start: number, end: number): Span {
  const s = originalAt(c, start);
  const e = end > start ? originalAt(c, end - 1) + 1 : s;
  return { start: s, end: e };
}
