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
import { isHSpace, isHanAt, isDigitAt } from './chars.js';

export interface Compact {
  text: string;
  /**
   * `map[k]` is the offset in the original text of compact character k; `map[text.length]` is
   * the original length. Null when nothing was removed: then `map[k]` would be `k`.
   */
  map: Int32Array | null;
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

/** A string from UTF-16 code units, in chunks (apply has an argument limit). */
const UTF16 = new TextDecoder('utf-16le');
function fromCodes(codes: Uint16Array, len: number, surrogates: boolean): string {
  // Without surrogates `fromCharCode` gives the same string, and for a sentence it is cheaper:
  // the decoder costs about 0.9 µs a call whatever the length, and the aligner extracts each
  // sentence on its own (10,920 calls for 50 generated transcripts).
  if (!surrogates && len <= 128) return String.fromCharCode.apply(null, codes.subarray(0, len) as unknown as number[]);
  // Lone surrogates become U+FFFD, one unit for one: offsets hold, and spans are cut from the original.
  return UTF16.decode(codes.subarray(0, len));
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

/**
 * Scratch buffers for sentence-sized texts: the aligner and the metrics stage extract every
 * sentence on its own, and three typed arrays per call (~0.3-0.5 µs each to allocate) were
 * most of `compact`'s 3.3 µs a sentence (713 of 5,276 ms self, 10,920 sentences × 20). Fixed
 * size, so memory does not grow with the input; longer texts allocate as before.
 */
const SCRATCH = 4096;
const scratchCodes = new Uint16Array(SCRATCH);
const scratchOut = new Uint16Array(SCRATCH);
const scratchMap = new Int32Array(SCRATCH + 1);

export function compact(original: string): Compact {
  const n = original.length;
  const small = n <= SCRATCH;
  // Scratch contents are read before compact returns (strings and the map are copied out).
  const codes = small ? scratchCodes : new Uint16Array(n);
  // Whether folding changed anything, and whether there is any surrogate (which the decoder
  // would replace): without either, the folded text is the original and needs no decoding.
  let changed = false;
  let surrogates = false;
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
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
    codes[i] = f;
    if (f !== c) changed = true;
    if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
  }
  const folded = changed || surrogates ? fromCodes(codes, n, surrogates) : original;
  const out = small ? scratchOut : new Uint16Array(n);
  const map = small ? scratchMap : new Int32Array(n + 1);
  const joins: Span[] = [];
  let k = 0;
  let i = 0;
  while (i < n) {
    const c = folded.charCodeAt(i);
    if (!isHSpace(c) || i === 0) {
      out[k] = c;
      map[k++] = i;
      i++;
      continue;
    }
    let j = i;
    while (j < n && isHSpace(folded.charCodeAt(j))) j++;
    const a = i - 1;
    const b = j;
    let remove = false;
    if (b < n) {
      const aHan = isHanAt(folded, a);
      const bHan = isHanAt(folded, b);
      const aDigit = isDigitAt(folded, a);
      const bDigit = isDigitAt(folded, b);
      if ((aHan || aDigit) && (bHan || bDigit) && !(aDigit && bDigit)) remove = true;
      else if (aDigit && bDigit && j - i === 1 && chineseAround(folded, a, b)) {
        // `21 1 亿`, `34 300 万`, `20 25 年`: a recogniser split one number in two.
        remove = true;
        joins.push(digitGroup(folded, a, b));
      } else if (aDigit && folded[b] === '%' && chineseAround(folded, a, b)) remove = true; // `5. 83 %`
      else if (folded[a] === '%' && bHan) remove = true; // `5.83 % 左 右`
      else if (folded[a] === '.' && isDigitAt(folded, a - 1) && bDigit && j - i === 1 && chineseAround(folded, a, b)) {
        remove = true; // `5. 83`
        joins.push(digitGroup(folded, a, b));
      }
    }
    if (remove) {
      i = j;
      continue;
    }
    for (let t = i; t < j; t++) {
      out[k] = codes[t] as number;
      map[k++] = t;
    }
    i = j;
  }
  map[k] = n;
  // Nothing folded, nothing removed: the compact text is the original.
  const same = k === n && !changed && !surrogates;
  // Nothing removed: every character kept its offset (English sentences, mostly).
  const identity = k === n;
  return {
    text: same ? original : fromCodes(out, k, surrogates),
    map: identity ? null : small ? map.slice(0, k + 1) : map.subarray(0, k + 1),
    joins,
  };
}

/** `c.map[k]`, with the identity map left implicit; 0 outside the map, as before. */
function originalAt(c: Compact, k: number): number {
  if (c.map !== null) return c.map[k] ?? 0;
  return k >= 0 && k <= c.text.length && Number.isInteger(k) ? k : 0;
}

/** Maps a compact span (end exclusive) back to the original text. */
export function toOriginal(c: Compact, start: number, end: number): Span {
  const s = originalAt(c, start);
  const e = end > start ? originalAt(c, end - 1) + 1 : s;
  return { start: s, end: e };
}
