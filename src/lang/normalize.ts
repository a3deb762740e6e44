import type { Span } from '../model.js';
import { ALWAYS_CONTINUE, DOTTED, USUALLY_CONTINUE } from './abbreviations.js';
import { isDigit, isSpace, isWide, TO_CJK_PUNCT, unifyWidth } from './chars.js';
import { isHan, isLatinLetter } from './script.js';

/**
 * Normalised text plus, for each of its UTF-16 code units, the offset of the source code unit
 * it came from; one last entry holds the end of the source range.
 */
export interface Normalized {
  text: string;
  map: number[];
}

/**
 * Normalises Chinese as speech recognisers print it, keeping a map back to the source.
 *
 * Spaces (any run of blanks, including a single line break):
 * - a run touching a wide character (Han, CJK punctuation) is dropped:
 *   `好 , 大 家 好` → `好，大家好`, and also at the script boundary:
 *   `实 现 收 入 RMB 1.16 billion, 毛 利 率 5.2%` → `实现收入RMB 1.16 billion，毛利率5.2%`.
 *   The recogniser puts a space around every Han character, so that space says nothing; without
 *   it the text reads as printed Chinese does (`营收1611.2亿元`), and `超 15%` / `20 余 家`
 *   become `超15%` / `20余家`, one form for the quantity stage. The script change itself still
 *   marks the token boundary.
 * - between two non-wide characters the run becomes one space (`Xiaomi Kingsoft ecosystem`,
 *   `RMB 1.16 billion`, `CFO Henry`), except `5 %` → `5%`, and a decimal the recogniser split
 *   inside Chinese, `毛 利 率 的话 21. 44` → `21.44`. Digits split by a space (`20 25 年`,
 *   `7 000 多 万`) are left for the quantity stage: `21 1 亿` is not safely one number.
 * - a run holding a blank line becomes one `\n` (a paragraph break; sentences end there).
 *
 * ASCII punctuation inside Chinese becomes Chinese punctuation, so that later stages meet one
 * form and the `.` that closes a sentence is told from a decimal point once, here:
 * `,` `;` `:` next to a wide character → `，` `；` `：`; `!` `?` next to one → `！` `？`;
 * `.` after a wide character, or before one (`超 15%. 其 次`, `Xiaodan Zhang. 我 这 边`) → `。`,
 * but never inside a number (`21. 44`), in an ellipsis (`大 ...`) or after an abbreviation.
 * `1,000` and `1.16` stay ASCII.
 *
 * Full-width digits and letters become ASCII (see `unifyWidth`). Traditional and simplified
 * characters are kept as they are.
 */
export function normalizeText(text: string, span?: Span): Normalized {
  const norm = normalizeLazily(text, span);
  return norm instanceof InPlaceText ? { text: norm.text, map: norm.map } : norm;
}

/**
 * `normalizeText`, except that the map of a text normalised in place (see `InPlaceText`) is
 * written out only when it is read: the sentence table needs it for few paragraphs.
 */
export function normalizeLazily(text: string, span?: Span): Normalized {
  const start = span?.start ?? 0;
  const end = span?.end ?? text.length;
  return normalizeInPlace(text, start, end) ?? normalizeNarrow(text, start, end) ?? normalizeGeneral(text, start, end);
}

/**
 * A normalised text whose code units sit where they were in the source: unit k came from
 * source offset `first + k`, so the map need not be written out until someone reads it. Every
 * blank of its source is a space or a line feed between two non-blanks (see `normalizeInPlace`).
 */
export class InPlaceText implements Normalized {
  #map: number[] | undefined;

  constructor(
    readonly text: string,
    readonly first: number,
    /** The end of the source range (the map's last entry). */
    readonly end: number,
  ) {}

  get map(): number[] {
    if (this.#map === undefined) {
      const n = this.text.length;
      const map = new Array<number>(n + 1);
      for (let k = 0; k < n; k++) map[k] = this.first + k;
      map[n] = this.end;
      this.#map = map;
    }
    return this.#map;
  }
}

/**
 * What keeps a span from being normalised in place (see `normalizeInPlace`): a code unit from
 * U+3000 up, a blank other than the space and the line feed (or a control), two blanks in a
 * row, or the blank of `5 %`.
 */
const NOT_IN_PLACE = /[\0-\t\v-\x1f\u00a0\u2000-\u200b\u202f\u205f\u3000-\uffff]|[ \n]{2}|[0-9][ \n]%/;

/**
 * `normalizeText` for a span that stays in place, or null. In place means no code unit from
 * U+3000 up (so, as in `normalizeNarrow`, only blanks change) and every blank inside the span a
 * space or a line feed standing alone, not the one of `5 %` (which is dropped): then each blank
 * is a space where it stood, and the text is the span, trimmed, with its line feeds turned into
 * spaces. Most paragraphs are: the 10 generated calls of the stage benchmark have 1,153 English
 * paragraphs, wrapped by single line feeds. Two native scans (a regular expression and
 * `replaceAll`) replace `normalizeNarrow`'s loop over every code unit, and the map is left
 * unwritten (see `InPlaceText`): `readParagraph` over the paragraphs of those calls went from
 * 106.1 to 66.0 M instructions a round (callgrind, steady state).
 */
export function normalizeInPlace(text: string, start: number, end: number): InPlaceText | null {
  let first = start;
  while (first < end && isSpace(text.charCodeAt(first))) first++;
  let last = end;
  while (last > first && isSpace(text.charCodeAt(last - 1))) last--;
  if (first === last) return null;
  const span = text.slice(first, last);
  if (NOT_IN_PLACE.test(span)) return null;
  return new InPlaceText(span.replaceAll('\n', ' '), first, end);
}

/**
 * `toSourceSpan(norm.map, span)`, without writing out the map of a text normalised in place.
 */
export function sourceSpanOf(norm: Normalized, span: Span): Span {
  if (!(norm instanceof InPlaceText)) return toSourceSpan(norm.map, span);
  const n = norm.text.length;
  if (span.start < 0 || span.end < span.start || span.end > n) {
    throw new RangeError(`span ${span.start}-${span.end} is outside the normalised text (length ${n})`);
  }
  const at = (k: number): number => (k < n ? norm.first + k : norm.end);
  if (span.end === span.start) return { start: at(span.start), end: at(span.start) };
  return { start: norm.first + span.start, end: norm.first + span.end };
}

/** Every rule of `normalizeText`, for any text; exported so tests can hold the narrow path to it. */
export function normalizeGeneral(text: string, start: number, end: number): Normalized {
  const units = collectUnits(text, start, end);
  convertPunctuation(units);
  return emit(units, end);
}

/**
 * `normalizeText` for a span with no code unit from U+3000 up (no Han, kana, CJK or full-width
 * punctuation, full-width letters or digits, surrogates), or null when it has one. Most English
 * paragraphs qualify, curly quotes and dashes included. Nothing there is wide and no letter is
 * Han, so no punctuation turns Chinese, no width changes and no blank run is dropped but the
 * one in `5 %`: the rules reduce to joining each blank run into one space, or one `\n` when it
 * holds a blank line. On the paragraphs of the benchmark's 100 English calls (4.6 M code
 * units) the general path took 28.5 ns a unit, 1.3 ms a call; this one 7.4-8.5 ns, mostly
 * because the map is written by index into an array of its final size rather than pushed entry
 * by entry (8.7 ns), and a little because the text is copied in a few slices (one per changed
 * blank run) rather than one per word.
 */
export function normalizeNarrow(text: string, start: number, end: number): Normalized | null {
  // Written by index and cut to length at the end: the output is never longer than the span.
  const map: number[] = new Array<number>(Math.max(0, end - start) + 1);
  let m = 0;
  let out = '';
  // The source from `copied` on is not in `out` yet. A blank run that is one plain space
  // between two kept characters stays in the source as it is, so most of a paragraph is copied
  // in a few slices: only the runs that change (line breaks, doubled blanks, `5 %`) cut it.
  let copied = -1;
  let gap = -1;
  let breaks = 0;
  let prev = -1;
  let last = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3000) return null;
    if (isSpace(c)) {
      if (gap < 0) gap = i;
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) breaks++;
      continue;
    }
    if (prev < 0) copied = i;
    else if (gap >= 0) {
      const blank = breaks >= 2 ? '\n' : c === 0x25 && isDigit(prev) ? '' : ' ';
      if (blank !== '') map[m++] = gap;
      if (!(blank === ' ' && i - gap === 1 && text.charCodeAt(gap) === 0x20)) {
        out += text.slice(copied, gap) + blank;
        copied = i;
      }
    }
    gap = -1;
    breaks = 0;
    map[m++] = i;
    prev = c;
    last = i + 1;
  }
  if (copied >= 0) out += text.slice(copied, last);
  map[m++] = end;
  map.length = m;
  return { text: out, map };
}

/** Maps a span of normalised text back to the source: exact, with no spaces at either end. */
export function toSourceSpan(map: readonly number[], span: Span): Span {
  // The last entry of the map is the end of the source range, not a character.
  if (span.start < 0 || span.end < span.start || span.end > map.length - 1) {
    throw new RangeError(`span ${span.start}-${span.end} is outside the normalised text (length ${map.length - 1})`);
  }
  const first = map[span.start] as number;
  if (span.end === span.start) return { start: first, end: first };
  return { start: first, end: (map[span.end - 1] as number) + 1 };
}

/**
 * The non-space characters of the source, each with the blank run that preceded it. Typed
 * arrays: a 50 KB transcript has 40 000 of them, and this runs on every paragraph.
 */
interface Units {
  n: number;
  cp: Int32Array;
  src: Int32Array;
  /** Source offset where the blank run before this unit starts, or -1 for none. */
  gap: Int32Array;
  /** Line breaks in that run. */
  breaks: Int32Array;
}

/**
 * Scratch arrays for paragraphs up to SCRATCH code units. The aligner and the metrics stage
 * normalise every paragraph, and five typed arrays a call (~0.3-0.5 µs each to allocate) were
 * much of `normalizeText`'s own time (195 of 7,422 ms self in a warm analyze run). Fixed size:
 * memory does not grow with the input. Nothing is read past `n` (see convertPunctuation).
 */
const SCRATCH = 4096;
const scratch: Units = { n: 0, cp: new Int32Array(SCRATCH), src: new Int32Array(SCRATCH), gap: new Int32Array(SCRATCH), breaks: new Int32Array(SCRATCH) };
const scratchOut = new Uint16Array(3 * SCRATCH);

function collectUnits(text: string, start: number, end: number): Units {
  const size = Math.max(0, end - start);
  const u: Units =
    size <= SCRATCH ? scratch : { n: 0, cp: new Int32Array(size), src: new Int32Array(size), gap: new Int32Array(size), breaks: new Int32Array(size) };
  u.n = 0;
  let gap = -1;
  let breaks = 0;
  let n = 0;
  for (let i = start; i < end; ) {
    let cp = text.codePointAt(i) as number;
    // A surrogate pair cut by the end of the span counts as its lone half.
    if (cp > 0xffff && i + 1 >= end) cp = text.charCodeAt(i);
    if (isSpace(cp)) {
      if (gap < 0) gap = i;
      // `\r\n` is one break, and so is a lone `\r`.
      if (cp === 10 || (cp === 13 && text.charCodeAt(i + 1) !== 10)) breaks++;
    } else {
      u.cp[n] = unifyWidth(cp);
      u.src[n] = i;
      u.gap[n] = gap;
      u.breaks[n] = breaks;
      n++;
      gap = -1;
      breaks = 0;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  u.n = n;
  // `１．５` : the full-width stop between digits is a decimal point.
  for (let k = 1; k + 1 < n; k++) {
    if (u.cp[k] === 0xff0e && isDigit(u.cp[k - 1] as number) && isDigit(u.cp[k + 1] as number)) u.cp[k] = 0x2e;
  }
  return u;
}

const DOT = 0x2e;

const STOPS = new Set([0x2e, 0x21, 0x3f]); // . ! ?

function convertPunctuation(u: Units): void {
  const n = u.n;
  // Whether the last letter before k was Han.
  let inChinese = false;
  for (let k = 0; k < n; k++) {
    const cp = u.cp[k] as number;
    const cjk = cp < 0x40 ? TO_CJK_PUNCT.get(cp) : undefined;
    if (cjk === undefined) {
      if (isHan(cp)) inChinese = true;
      else if (isLatinLetter(cp)) inChinese = false;
      continue;
    }
    const prev = k > 0 ? (u.cp[k - 1] as number) : -1;
    const next = k + 1 < n ? (u.cp[k + 1] as number) : -1;
    const prevWide = prev >= 0 && isWide(prev);
    const nextWide = next >= 0 && isWide(next);
    // `第 一 大 客 户 占 比 降 低 至 约 16%.` at the end: a stop after a number or a sign
    // still closes the Chinese sentence it ends, unless Latin text follows straight on.
    const closesChinese = STOPS.has(cp) && inChinese && !isLatinLetter(prev) && !(isLatinLetter(next) && (u.gap[k + 1] as number) < 0);
    if (!prevWide && !nextWide && !closesChinese) continue;
    if (cp === DOT) {
      // `大 ...` is an ellipsis; `21. 44` a decimal the recogniser split.
      if (prev === DOT || next === DOT) continue;
      if (isDigit(prev) && isDigit(next)) continue;
      // `U.S. 市 场`, `Mr. 邹`: the dot belongs to the abbreviation.
      if (!prevWide && isAbbreviationBefore(u.cp, k)) continue;
    }
    u.cp[k] = cjk;
  }
}

function isAbbreviationBefore(cps: Int32Array, k: number): boolean {
  let j = k;
  while (j > 0 && (isLatinLetter(cps[j - 1] as number) || (cps[j - 1] === DOT && j - 1 > 0))) j--;
  if (j === k) return false;
  const word = String.fromCodePoint(...cps.subarray(j, k)).toLowerCase();
  return ALWAYS_CONTINUE.has(word) || USUALLY_CONTINUE.has(word) || DOTTED.test(word);
}

function emit(u: Units, end: number): Normalized {
  // At most two code units per unit (a surrogate pair) plus one per blank run before it.
  const out = u.n <= SCRATCH ? scratchOut : new Uint16Array(3 * u.n);
  const map: number[] = [];
  let o = 0;
  // Whether the last letter written was Han: `21. 44` is joined only in Chinese.
  let lastLetterHan = false;
  for (let k = 0; k < u.n; k++) {
    const cp = u.cp[k] as number;
    const gap = u.gap[k] as number;
    if (k > 0 && gap >= 0) {
      const a = u.cp[k - 1] as number;
      let blank = 0x20;
      if ((u.breaks[k] as number) >= 2) blank = 0x0a;
      else if (isWide(a) || isWide(cp)) blank = 0; // see normalizeText
      else if (cp === 0x25 && isDigit(a)) blank = 0; // `5. 83 %`
      else if (a === DOT && isDigit(cp) && k > 1 && isDigit(u.cp[k - 2] as number) && lastLetterHan) blank = 0; // `毛 利 率 的话 21. 44 是`
      if (blank !== 0) {
        out[o++] = blank;
        map.push(gap);
      }
    }
    const src = u.src[k] as number;
    if (cp > 0xffff) {
      out[o++] = 0xd800 + ((cp - 0x10000) >> 10);
      out[o++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
      map.push(src, src + 1);
    } else {
      out[o++] = cp;
      map.push(src);
    }
    if (isHan(cp)) lastLetterHan = true;
    else if (isLatinLetter(cp)) lastLetterHan = false;
  }
  map.push(end);
  return { text: decodeUnits(out, o), map };
}

/**
 * UTF-16 code units to a string, in chunks (no TextDecoder: it would replace lone surrogates).
 * `apply` rather than a spread: the spread walks the typed array's iterator, 8 times slower
 * (200 units: 8.8 µs → 0.9 µs), and `decodeUnits` was the top self time of a warm analyze run
 * (550 of 11,675 ms on 50 generated calls). The same arguments, so the same string.
 */
function decodeUnits(units: Uint16Array, length: number): string {
  let text = '';
  for (let i = 0; i < length; i += 8192) {
    text += String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + 8192)) as unknown as number[]);
  }
  return text;
}
