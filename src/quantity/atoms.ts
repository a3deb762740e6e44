/**
 * The numeral extractor: finds numeric atoms (the numeral alone, before any unit, currency or
 * sign is considered) in the compact text. An atom is a run of Arabic digits, of Chinese
 * numeral characters, or of both mixed (`1.3965亿`, `5万4千6百`, `240多萬`).
 * Spelled-out English numbers are found by `en-words.ts`.
 */
import { isHanAt, isLatinAt, isDigitAt } from './chars.js';
import { ZH_APPROX_INNER, ZH_DIGITS, ZH_POINT, ZH_SCALES, ZH_UNITS, parseZhTokens, tidy, type ZhToken } from './zh-numerals.js';
import { ZH_NOT_NUMBER_WORDS } from './zh-words.js';
import { CURRENCY_PREFIX } from './currencies.js';

export interface Atom {
  /** The numeral in compact offsets, end exclusive, without a trailing `多`/`余`. */
  start: number;
  end: number;
  /** End including a trailing approximation character (`四百多`); equals `end` when none. */
  tail: number;
  value: number | [number, number];
  approx: boolean;
  approxWord?: string;
  /** A scale character inside the atom (`亿` in `十八点四亿`). */
  scale?: string;
  /** Digits read one by one (`二零二三`, `2023`): for years and discounts. */
  digitString?: string;
  /** How it is written. */
  script: 'zh' | 'arabic' | 'mixed' | 'words';
  /** Arabic only: written with a decimal point or thousands separators. */
  decimal?: boolean;
  grouped?: boolean;
}

/**
 * An atom with every field, the optional ones undefined until set: one object shape for all
 * atoms. wrap reads a dozen fields of each, and with a shape per combination of optional fields
 * (an integer, a decimal, a grouped number, one with a scale…) those reads were megamorphic
 * lookups: extractQuantities over 10 generated calls took 179 M instructions, now 168 M
 * (callgrind). Spelled-out numbers (en-words.ts, a handful a call) add their own fields.
 */
function newAtom(start: number, end: number, value: Atom['value'], script: Atom['script']): Atom {
  return {
    start, end, tail: end, value, approx: false, approxWord: undefined, scale: undefined, digitString: undefined, script,
    decimal: undefined, grouped: undefined,
  };
}

const ARABIC = /(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:\.\d+)?(?:[eE][-+]?\d+(?![\d.]))?|\.\d+/y;
const SPACE_GROUPED = /\d{1,3}(?:[ \u202f\u00a0]\d{3})+(?:\.\d+)?(?![\d])/y;
const DOTTED_CHAIN = /\d+(?:\.\d+){2,}/y;
const CARET = /\^([-+]*)(\d+(?:\.\d+)?)/y;
const GLUED_CURRENCY = new RegExp(`(?:^|[^A-Za-z])(?:${Object.keys(CURRENCY_PREFIX).filter((k) => /^[A-Za-z]+$/.test(k)).join('|')})$`);
const EURO_DECIMAL = /(\d+),(\d{1,2})(?![\d,])/y;

function numeralIndex(): Map<string, { word: string; at: number }[]> {
  const idx = new Map<string, { word: string; at: number }[]>();
  for (const word of ZH_NOT_NUMBER_WORDS) {
    for (let p = 0; p < word.length; p++) {
      const ch = word[p] as string;
      if (ZH_DIGITS[ch] === undefined && ZH_UNITS[ch] === undefined && ZH_SCALES[ch] === undefined) continue;
      const list = idx.get(ch) ?? [];
      list.push({ word, at: p });
      idx.set(ch, list);
    }
  }
  return idx;
}
const NOT_NUMBER = numeralIndex();

/** A numeral run lying wholly inside a word such as `零售` or `统一` is not a number. */
function insideNonNumberWord(s: string, start: number, end: number): boolean {
  const list = NOT_NUMBER.get(s[start] as string);
  if (!list) return false;
  for (const { word, at } of list) {
    const ws = start - at;
    if (ws >= 0 && end <= ws + word.length && s.startsWith(word, ws)) {
      // `之一` is "one of", but `三分之一` is a third.
      if (word === '之一' && s[ws - 1] === '分') continue;
      return true;
    }
  }
  return false;
}

function matchAt(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

/** One flag per UTF-16 code unit: is it a Chinese numeral character (digit, unit or scale)? */
const NUMERAL_FLAGS: Uint8Array = (() => {
  const f = new Uint8Array(65536);
  for (const t of [ZH_DIGITS, ZH_UNITS, ZH_SCALES]) for (const k of Object.keys(t)) f[k.charCodeAt(0)] = 1;
  return f;
})();
/** The characters the fast path of findNumeralAtoms stops at: digits, `.`, numerals, 半. */
const MAY_START: Uint8Array = (() => {
  const f = NUMERAL_FLAGS.slice();
  for (const ch of '0123456789.半') f[ch.charCodeAt(0)] = 1;
  return f;
})();
/** The characters scanRun reads past a digit: numerals, 点, the inner approximations, 半. */
const RUN_CHAR: Uint8Array = (() => {
  const f = NUMERAL_FLAGS.slice();
  for (const ch of [...ZH_POINT, ...Object.keys(ZH_APPROX_INNER), '半']) f[ch.charCodeAt(0)] = 1;
  return f;
})();
function isZhNumeralChar(ch: string): boolean {
  return ch.length > 0 && NUMERAL_FLAGS[ch.charCodeAt(0)] === 1;
}

/** Whether the text around offset i is Chinese (for the European decimal comma, which is not). */
function hanNear(s: string, i: number, j: number): boolean {
  for (let k = Math.max(0, i - 3); k < Math.min(s.length, j + 3); k++) if (isHanAt(s, k)) return true;
  return false;
}

/**
 * The tables keyed by code unit, for scanRun: looking a record up with a fresh one-character
 * string (`s[j]`) interns the string first, and that was a tenth of findNumeralAtoms. Every
 * key is one code unit.
 */
function byCode<T>(table: Readonly<Record<string, T>>): Map<number, T> {
  return new Map(Object.entries(table).map(([k, v]) => [k.charCodeAt(0), v]));
}
const DIGIT_AT = byCode(ZH_DIGITS);
const UNIT_AT = byCode(ZH_UNITS);
const SCALE_AT = byCode(ZH_SCALES);
const APPROX_AT = byCode(ZH_APPROX_INNER);
const POINT_AT = new Set([...ZH_POINT].map((k) => k.charCodeAt(0)));

interface Scan {
  toks: ZhToken[];
  end: number;
}

/** Scans a run of numeral tokens from i (Arabic numbers, Chinese digits, units, scales, 点, inner 余/多). */
function scanRun(s: string, i: number): Scan {
  const toks: ZhToken[] = [];
  let j = i;
  while (j < s.length) {
    const code = s.charCodeAt(j);
    const last = toks[toks.length - 1];
    if ((code >= 48 && code <= 57) || (toks.length === 0 && code === 46)) {
      // `667.123五点八` is two numbers; `1千零1` is one.
      if (last && (last.t === 'a' || (last.t === 'd' && last.v !== 0))) break;
      const m = matchAt(ARABIC, s, j);
      if (!m) break;
      toks.push({ t: 'a', v: Number(m[0].includes(',') ? m[0].replace(/,/g, '') : m[0]), text: m[0] });
      j += m[0].length;
      continue;
    }
    // Every rule below wants a character of the tables (a run of digits ends at `%`, a space…).
    if (RUN_CHAR[code] !== 1) break;
    const ch = s[j] as string;
    const d = DIGIT_AT.get(code);
    if (d !== undefined) {
      if (last && last.t === 'a') break;
      // After 点 only digits may follow, and `一点两小时` is 一 and 两, not 1.2.
      if (last?.t === 'p' && /[两兩倆俩]/.test(ch)) {
        toks.pop();
        j--;
        break;
      }
      toks.push({ t: 'd', v: d, ch });
      j++;
      continue;
    }
    // `半百` is 50, `半成` 5%.
    if (ch === '半' && toks.length === 0 && /^[百佰千仟成]/.test(s[j + 1] ?? '')) {
      toks.push({ t: 'd', v: 0.5, ch });
      j++;
      continue;
    }
    const u = UNIT_AT.get(code);
    if (u !== undefined) {
      toks.push({ t: 'u', v: u });
      j++;
      continue;
    }
    const sc = SCALE_AT.get(code);
    if (sc !== undefined) {
      if (!last) break;
      toks.push({ t: 's', v: sc, ch });
      j++;
      continue;
    }
    if (POINT_AT.has(code) && last && last.t !== 'p' && last.t !== 'x') {
      const next = s[j + 1] ?? '';
      if (DIGIT_AT.get(s.charCodeAt(j + 1)) !== undefined && !/[两兩倆俩]/.test(next)) {
        toks.push({ t: 'p' });
        j++;
        continue;
      }
      break;
    }
    const ax = APPROX_AT.get(code);
    if (ax !== undefined && last && last.t !== 'p' && last.t !== 'x') {
      // Inside only when a unit or scale follows (`五百余万`, `十多万`); a trailing one is the caller's.
      const next = s.charCodeAt(j + 1);
      if (SCALE_AT.get(next) !== undefined || UNIT_AT.get(next) !== undefined) {
        toks.push({ t: 'x', word: ax });
        j++;
        continue;
      }
    }
    break;
  }
  // Do not end on a dangling point.
  while (toks.length > 0 && toks[toks.length - 1]?.t === 'p') {
    toks.pop();
    j--;
  }
  return { toks, end: j };
}

/** Finds every numeric atom (digits and Chinese numerals) in the compact text. */
export function findNumeralAtoms(s: string, blocked: (i: number) => boolean): Atom[] {
  const atoms: Atom[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    // Fast path: most characters cannot start a number. A loop of its own (a third of
    // findNumeralAtoms when it went round the big one).
    if (MAY_START[s.charCodeAt(i)] !== 1) {
      i++;
      // Four at a time while none of the four can: the loop's own checks were most of its cost
      // (findNumeralAtoms over 10 generated calls, callgrind per round, steady state: 37.2 ->
      // 34.9 M instructions).
      while (i + 3 < n && ((MAY_START[s.charCodeAt(i)] as number) | (MAY_START[s.charCodeAt(i + 1)] as number) | (MAY_START[s.charCodeAt(i + 2)] as number) | (MAY_START[s.charCodeAt(i + 3)] as number)) === 0) i += 4;
      while (i < n && MAY_START[s.charCodeAt(i)] !== 1) i++;
      continue;
    }
    const ch = s[i] as string;
    const startsDigit = isDigitAt(s, i) || (ch === '.' && isDigitAt(s, i + 1) && !isDigitAt(s, i - 1));
    // `万分之三`: a bare 万 as the denominator of a per-ten-thousand.
    if ((ch === '万' || ch === '萬') && s.startsWith('分之', i + 1) && !isZhNumeralChar(s[i - 1] ?? '')) {
      atoms.push(newAtom(i, i + 1, 1e4, 'zh'));
      i++;
      continue;
    }
    if (!startsDigit && !isZhNumeralChar(ch) && !(ch === '半' && /^[百佰千仟成]/.test(s[i + 1] ?? ''))) {
      i++;
      continue;
    }
    if (blocked(i)) {
      i++;
      continue;
    }
    // Digits glued to letters before them (`A2021`, `Q2`, `SCP173`) belong to a name or a
    // period, unless the letters are a currency (`RMB1.84 billion`, `MXN55 billion`).
    if (startsDigit && isLatinAt(s, i - 1) && !GLUED_CURRENCY.test(s.slice(Math.max(0, i - 4), i))) {
      const from = i;
      while (i < s.length && (isDigitAt(s, i) || isLatinAt(s, i))) i++;
      // `a.5`, `from CICC.5.3 percentage points`: a number that starts with `.` is neither
      // digit nor letter, so the loop did not move and this one looped forever: step over it.
      if (i === from) i++;
      continue;
    }
    if (startsDigit && !hanNear(s, i, i + 1)) {
      // English number shapes that the run scanner does not know. Each needs digits at i, then
      // a separator and a digit (`192.168`, `1 234`, `1,3`): most numbers have none, and the
      // check costs less than three failed matches.
      let e = i;
      while (isDigitAt(s, e)) e++;
      const sep = e > i && isDigitAt(s, e + 1) ? s.charCodeAt(e) : 0;
      const dotted = sep === 46 ? matchAt(DOTTED_CHAIN, s, i) : null;
      if (dotted) {
        // `192.168.1.2` is four numbers.
        let k = i;
        for (const part of dotted[0].split('.')) {
          atoms.push(newAtom(k, k + part.length, Number(part), 'arabic'));
          k += part.length + 1;
        }
        i += dotted[0].length;
        continue;
      }
      const sg = e - i <= 3 && (sep === 32 || sep === 0x202f || sep === 0xa0) ? matchAt(SPACE_GROUPED, s, i) : null;
      if (sg && /[ \u202f\u00a0]/.test(sg[0]) && !isDigitAt(s, i - 2)) {
        const v = Number(sg[0].replace(/[ \u202f\u00a0]/g, ''));
        const atom = newAtom(i, i + sg[0].length, v, 'arabic');
        atom.grouped = true;
        atom.decimal = sg[0].includes('.');
        atoms.push(atom);
        i += sg[0].length;
        continue;
      }
      const eu = sep === 44 ? matchAt(EURO_DECIMAL, s, i) : null;
      if (eu && s[i - 1] !== ',' && eu[2] !== undefined) {
        // `1,3` and `5,00`: a decimal comma (a thousands comma always has three digits after it).
        const atom = newAtom(i, i + eu[0].length, Number(`${eu[1]}.${eu[2]}`), 'arabic');
        atom.decimal = true;
        atoms.push(atom);
        i += eu[0].length;
        continue;
      }
    }
    const run = scanRun(s, i);
    if (run.toks.length === 0) {
      i++;
      continue;
    }
    let end = run.end;
    let toks = run.toks;
    // A caret power (`2^5`, `1.1^--23`) after a lone Arabic number.
    let caretValue: number | null = null;
    if (toks.length === 1 && toks[0]?.t === 'a' && s.charCodeAt(end) === 94) {
      const cm = matchAt(CARET, s, end);
      if (cm) {
        const neg = ((cm[1] ?? '').match(/-/g) ?? []).length % 2 === 1;
        caretValue = tidy(Math.pow(toks[0].v, (neg ? -1 : 1) * Number(cm[2])));
        end += cm[0].length;
      }
    }
    const hasZh = toks.some((t) => t.t !== 'a');
    if (hasZh && insideNonNumberWord(s, i, end)) {
      i = end;
      continue;
    }
    // A lone Arabic number of at most 15 characters is what parseZhTokens would make of it,
    // `{ value: tidy(v), approx: false }`, and tidy(v) is v: a decimal of at most 15
    // significant digits reads back from its double at 15 digits. tidy's string round trip
    // for `19.8` was an eighth of findNumeralAtoms.
    const lone = toks.length === 1 && toks[0]?.t === 'a' ? toks[0] : undefined;
    const parsed =
      caretValue !== null
        ? { value: caretValue, approx: false }
        : lone !== undefined && lone.text.length <= 15
          ? { value: lone.v, approx: false }
          : parseZhTokens(toks);
    if (!parsed) {
      i = end > i ? end : i + 1;
      continue;
    }
    // A trailing 多/余/几 (`四百多`, `十余`, `三倍多` is handled by the multiple rule).
    let tail = end;
    let approx = parsed.approx;
    let approxWord = parsed.approxWord;
    // (A character of no table is not in ZH_APPROX_INNER: skip the keyed miss.)
    const ax = RUN_CHAR[s.charCodeAt(end)] === 1 ? ZH_APPROX_INNER[s[end] as string] : undefined;
    if (ax !== undefined && ax !== '来' && (hasZh || isHanAt(s, end + 1) || end + 1 >= s.length || !isLatinAt(s, end + 1))) {
      tail = end + 1;
      approx = true;
      approxWord = ax;
    }
    const onlyArabic = !hasZh;
    const a = toks[0];
    const atom = newAtom(i, end, parsed.value, onlyArabic ? 'arabic' : toks.some((t) => t.t === 'a') ? 'mixed' : 'zh');
    atom.tail = tail;
    atom.approx = approx;
    if (approxWord !== undefined) atom.approxWord = approxWord;
    if ('scale' in parsed && parsed.scale !== undefined) atom.scale = parsed.scale;
    if ('digitString' in parsed && parsed.digitString !== undefined) atom.digitString = parsed.digitString;
    if (onlyArabic && a?.t === 'a' && caretValue === null) {
      // (The text is an ARABIC match: digits, `,`, `.`, an exponent. Tested with includes, not
      // a regex each, for every number.)
      const grouped = a.text.includes(',');
      const decimal = a.text.includes('.') || a.text.includes('e') || a.text.includes('E');
      if (decimal) atom.decimal = true;
      if (grouped) atom.grouped = true;
      if (!grouped && !decimal) atom.digitString = a.text;
    }
    atoms.push(atom);
    i = tail;
  }
  return atoms;
}
