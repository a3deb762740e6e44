/**
 * Years, dates and periods, and the spans that hold numbers which are not quantities at all.
 *
 * Policy: a year (`2023`, `二零二三年`), a date (`June 30, 2023`, `6月30日`) or a period (`Q2`,
 * `第二季度`, `second quarter`, `FY2023`, `1H23`) is emitted with kind `year`/`date`/`period`,
 * unit '' and a normalised `label`, so that later stages can resolve periods; it is never an
 * amount. Its `value` is the year when one is written, else the ordinal of the period (2 for
 * Q2), else 0. Identifiers (`Section 21E`, `Speaker 7`), phone instructions (`press star one
 * one`), list markers, clock times, timestamps and URLs are blocked: nothing inside them is
 * reported.
 */
import type { QuantityKind } from './types.js';
import { ZH_DIGITS } from './zh-numerals.js';
import { isDigitCode, isSpaceCode } from './chars.js';

export interface PeriodMatch {
  start: number;
  end: number;
  kind: Extract<QuantityKind, 'year' | 'date' | 'period'>;
  label: string;
  value: number;
}

const MONTHS: Readonly<Record<string, number>> = {
  January: 1, February: 2, March: 3, April: 4, May: 5, June: 6, July: 7, August: 8, September: 9, October: 10,
  November: 11, December: 12, Jan: 1, Feb: 2, Mar: 3, Apr: 4, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Sept: 9, Oct: 10,
  Nov: 11, Dec: 12,
};
const MONTH = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|')})\\.?`;
const ORD: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };
const ZH_SMALL = '[一二三四五六七八九十两]';
const ZH_Q: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
function year4(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}
/** 二零二三 → 2023; 十二 → 12; 三十 → 30 (month and day numerals). */
function zhSmall(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 4) return Number([...s].map((c) => ZH_DIGITS[c] ?? 0).join(''));
  let v = 0;
  let cur = 0;
  for (const c of s) {
    if (c === '十') {
      v += (cur || 1) * 10;
      cur = 0;
    } else cur = ZH_DIGITS[c] ?? 0;
  }
  return v + cur;
}

/** Starts `min` to `max` code units before each `ch` (`年` is four after the start of `2023年`). */
function before(ch: string, min: number, max: number): (s: string, months: () => number[]) => number[] {
  return (s) => {
    const out: number[] = [];
    for (let y = s.indexOf(ch); y >= 0; y = s.indexOf(ch, y + 1)) for (let p = y - max; p <= y - min; p++) out.push(p);
    return out;
  };
}

/** Where a month's name (MONTH) can start: each begins with one of these, after a word boundary. */
const MONTH_PREFIXES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A word character as `\b` knows it without the `u` flag: `[A-Za-z0-9_]`. */
function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * Where one of `prefixes` (each starting with a word character) occurs after a word boundary,
 * in increasing order: the starts of `/\b(?:Jan|Feb|…)/g`. Two such starts are never within
 * one prefix of each other (there is no boundary inside a word), so a global scan, which goes
 * on after each match, finds every one. Found with indexOf, a prefix at a time: the regex
 * tried the alternation at every character. With the starts of the Q, H and fiscal-year
 * rules below, findPeriods over 10 generated calls (callgrind per round, steady state) went
 * from 14.9 to 8.4 M instructions.
 */
function prefixStarts(s: string, prefixes: readonly string[]): number[] {
  const out: number[] = [];
  for (const w of prefixes) for (let p = s.indexOf(w); p >= 0; p = s.indexOf(w, p + 1)) if (p === 0 || !isWordCode(s.charCodeAt(p - 1))) out.push(p);
  return out.sort((a, b) => a - b);
}

function matchStarts(re: RegExp, s: string): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push(m.index);
  return out;
}
/** Where a month's name can start: found once a call (`months` in findPeriods), for three rules. */
function atMonths(_s: string, months: () => number[]): number[] {
  return months();
}
const QUARTER_HALF = /quarter|half/gi;

/**
 * Starts of a word of `min` to `max` code units that ends where the white space (`\s+`, at
 * least one) before one of `find`'s positions begins: `30` in `30 June`, `second` in `second
 * quarter`.
 */
function wordBefore(
  find: (s: string, months: () => number[]) => number[],
  min: number,
  max: number,
): (s: string, months: () => number[]) => number[] {
  return (s, months) => {
    const out: number[] = [];
    for (const y of find(s, months)) {
      let k = y;
      while (k > 0 && isSpaceCode(s.charCodeAt(k - 1))) k--;
      if (k < y) for (let p = k - max; p <= k - min; p++) out.push(p);
    }
    return out;
  };
}

/**
 * Where `FY`, `[Ff]iscal` or `[Ff]ull` can start, in increasing order, as `anchored` wants.
 * Each word is looked for whole: an indexOf for `iscal` or `ull` stops at every `i` or `u` of
 * the text (findPeriods over 10 generated calls, callgrind per round: 9.4 -> 8.4 M instructions).
 */
function fiscalStarts(s: string): number[] {
  const out: number[] = [];
  for (const w of ['FY', 'Fiscal', 'fiscal', 'Full', 'full']) occurrences(s, w, out);
  return out.sort((a, b) => a - b);
}

interface Rule {
  /** The pattern cannot match without an ASCII digit (a mandatory `\d` or `[1-4]`). */
  digit?: true;
  /**
   * Where a match can start, in increasing order (repeats allowed): the pattern is tried only
   * there (see `anchored`) instead of at every character.
   */
  starts?: (s: string, months: () => number[]) => number[];
  re: RegExp;
  make: (m: RegExpExecArray) => Omit<PeriodMatch, 'start' | 'end'> | null;
}

const RULES: readonly Rule[] = [
  // 2023年6月30日, 二零二三年第二季度, 2019年上半年, 2023年
  {
    starts: before('年', 4, 4),
    re: new RegExp(`((?:19|20)\\d{2}|[零〇一二三四五六七八九]{4})年(?:度)?(?:(第?[一二三四1-4]季度?)|([上下]半年)|(\\d{1,2}|${ZH_SMALL}{1,3})月(?:份)?(?:(\\d{1,2}|${ZH_SMALL}{1,3})[日号號])?)?`, 'g'),
    make: (m) => {
      const y = zhSmall(m[1] as string);
      if (y < 1900 || y > 2100) return null;
      if (m[2]) return { kind: 'period', label: `${y}-Q${ZH_Q[(m[2].match(/[一二三四1-4]/) ?? ['1'])[0]] ?? 1}`, value: y };
      if (m[3]) return { kind: 'period', label: `${y}-${m[3] === '上半年' ? 'H1' : 'H2'}`, value: y };
      if (m[4]) {
        const mo = zhSmall(m[4]);
        if (mo < 1 || mo > 12) return { kind: 'year', label: String(y), value: y };
        return { kind: 'date', label: m[5] ? `${y}-${pad(mo)}-${pad(zhSmall(m[5]))}` : `${y}-${pad(mo)}`, value: y };
      }
      return { kind: 'year', label: String(y), value: y };
    },
  },
  // 6月30日, 5月29号, 6月, and 去年十月 ("last October": a relative year is not a numeral
  // year, so only `2023年`/`二零二三年` before the month leave it to the rule above)
  {
    starts: before('月', 1, 3),
    re: new RegExp(`(?<!\\d)(?<![\\d零〇一二三四五六七八九]年)(\\d{1,2}|${ZH_SMALL}{1,3})月(?:份|底|初|中)?(?:(\\d{1,2}|${ZH_SMALL}{1,3})[日号號])?`, 'g'),
    make: (m) => {
      const mo = zhSmall(m[1] as string);
      if (mo < 1 || mo > 12) return null;
      return { kind: 'date', label: m[2] ? `--${pad(mo)}-${pad(zhSmall(m[2]))}` : `--${pad(mo)}`, value: 0 };
    },
  },
  // 第二季度, 二季度, 前三季度
  {
    starts: before('季', 1, 2),
    re: /(第|前)?([一二三四1-4])季度/g,
    make: (m) => {
      const q = ZH_Q[m[2] as string] ?? 1;
      return { kind: 'period', label: m[1] === '前' ? `Q1-Q${q}` : `Q${q}`, value: q };
    },
  },
  // Q2, Q2 2023, 2Q23, Q 2 (a match starts at its Q or at the digit before it)
  {
    digit: true,
    starts: before('Q', 0, 1),
    re: /\b(?:Q ?([1-4])|([1-4])Q)(?:\s*'?(\d{4}|\d{2})\b)?(?![A-Za-z0-9])/g,
    make: (m) => {
      const q = Number(m[1] ?? m[2]);
      const y = m[3] ? year4(m[3]) : null;
      return { kind: 'period', label: y ? `${y}-Q${q}` : `Q${q}`, value: y ?? q };
    },
  },
  // H1, 1H23, H2 2024 (a match starts at its H or at the digit before it)
  {
    digit: true,
    starts: before('H', 0, 1),
    re: /\b(?:H([12])|([12])H)(?:\s*'?(\d{4}|\d{2})\b)?(?![A-Za-z0-9])/g,
    make: (m) => {
      const h = Number(m[1] ?? m[2]);
      const y = m[3] ? year4(m[3]) : null;
      return { kind: 'period', label: y ? `${y}-H${h}` : `H${h}`, value: y ?? h };
    },
  },
  // FY2023, FY23, fiscal 2023, fiscal year 2023, full year 2023
  {
    digit: true,
    starts: fiscalStarts,
    re: /\b(?:FY|[Ff]iscal(?:\s+[Yy]ear)?|[Ff]ull\s+[Yy]ear)\s*'?(\d{4}|\d{2})\b/g,
    make: (m) => {
      const y = year4(m[1] as string);
      return { kind: 'period', label: `FY${y}`, value: y };
    },
  },
  // second quarter (of) (fiscal) 2023, first half 2024
  {
    starts: wordBefore((s) => matchStarts(QUARTER_HALF, s), 3, 6),
    re: /\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+(quarter|half)(?:\s+(?:of\s+)?(?:fiscal\s+)?((?:19|20)\d{2})\b)?/gi,
    make: (m) => {
      const n = ORD[(m[1] as string).toLowerCase()] ?? 1;
      const isQ = (m[2] as string).toLowerCase() === 'quarter';
      if (!isQ && n > 2) return null;
      const p = `${isQ ? 'Q' : 'H'}${n}`;
      return { kind: 'period', label: m[3] ? `${m[3]}-${p}` : p, value: m[3] ? Number(m[3]) : n };
    },
  },
  // June 30, 2023; May 4th; Sept. 30
  {
    digit: true,
    starts: atMonths,
    re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+((?:19|20)\\d{2})\\b)?`, 'g'),
    make: (m) => {
      const mo = MONTHS[m[1] as string] ?? 1;
      const d = Number(m[2]);
      if (d < 1 || d > 31) return null;
      return { kind: 'date', label: m[3] ? `${m[3]}-${pad(mo)}-${pad(d)}` : `--${pad(mo)}-${pad(d)}`, value: m[3] ? Number(m[3]) : 0 };
    },
  },
  // 30 June 2023
  {
    digit: true,
    starts: wordBefore(atMonths, 1, 2),
    re: new RegExp(`\\b(\\d{1,2})\\s+${MONTH}(?:,?\\s+((?:19|20)\\d{2}))?\\b`, 'g'),
    make: (m) => {
      const mo = MONTHS[m[2] as string] ?? 1;
      const d = Number(m[1]);
      if (d < 1 || d > 31) return null;
      return { kind: 'date', label: m[3] ? `${m[3]}-${pad(mo)}-${pad(d)}` : `--${pad(mo)}-${pad(d)}`, value: m[3] ? Number(m[3]) : 0 };
    },
  },
  // June 2023
  {
    digit: true,
    starts: atMonths,
    re: new RegExp(`\\b${MONTH}\\s+((?:19|20)\\d{2})\\b`, 'g'),
    make: (m) => ({ kind: 'date', label: `${m[2]}-${pad(MONTHS[m[1] as string] ?? 1)}`, value: Number(m[2]) }),
  },
  // 6/30/2023, 2023-06-30
  {
    digit: true,
    re: /\b(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})\b/g,
    make: (m) => ({ kind: 'date', label: `${m[3]}-${pad(Number(m[1]))}-${pad(Number(m[2]))}`, value: Number(m[3]) }),
  },
  {
    digit: true,
    re: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g,
    make: (m) => ({ kind: 'date', label: `${m[1]}-${m[2]}-${m[3]}`, value: Number(m[1]) }),
  },
];

/**
 * A pattern whose matches hold numbers that are not quantities. With `starts`, the pattern is
 * tried only there (sticky, as `anchored` does for the period rules) instead of at every
 * character; `starts` gives, in increasing order, a superset of where a match can begin.
 */
interface Blocker {
  re: RegExp;
  /** Cannot match without an ASCII digit (skipped when there is none). */
  digit?: true;
  starts?: (s: string) => number[];
}

/** Each place `word` occurs, in increasing order. */
function occurrences(s: string, word: string, out: number[] = []): number[] {
  for (let p = s.indexOf(word); p >= 0; p = s.indexOf(word, p + 1)) out.push(p);
  return out;
}

/**
 * `http://` and `https://` begin four or five before their `://`, `www.` at itself. (Found by
 * `://` rather than by `http`: an indexOf for `http` stops at every `h` of the text.)
 */
function urlStarts(s: string): number[] {
  const out = occurrences(s, 'www.');
  for (let y = s.indexOf('://'); y >= 0; y = s.indexOf('://', y + 1)) out.push(y - 5, y - 4);
  return out.sort((a, b) => a - b);
}

/**
 * `12:30`, `(00:00:12)`: one or two digits before a colon that a digit follows (`Operator:`
 * has none, and most colons of a transcript end a speaker's name).
 */
function clockStarts(s: string): number[] {
  const out: number[] = [];
  for (let y = s.indexOf(':'); y >= 0; y = s.indexOf(':', y + 1)) {
    if (!isDigitCode(s.charCodeAt(y - 1)) || !isDigitCode(s.charCodeAt(y + 1))) continue;
    if (y >= 2 && isDigitCode(s.charCodeAt(y - 2))) out.push(y - 2);
    out.push(y - 1);
  }
  return out;
}

/**
 * A list marker starts the text or a line: offset 0, and each line feed after which, past
 * spaces and tabs, comes a digit or `(`.
 */
function listStarts(s: string): number[] {
  const out = [0];
  for (let y = s.indexOf('\n'); y >= 0; y = s.indexOf('\n', y + 1)) {
    let k = y + 1;
    while (s.charCodeAt(k) === 32 || s.charCodeAt(k) === 9) k++;
    const c = s.charCodeAt(k);
    if (isDigitCode(c) || c === 40) out.push(y);
  }
  return out;
}

/**
 * Spans whose numbers are not quantities at all. The starts of the URL, clock and list-marker
 * patterns: findBlocked over 10 generated calls (callgrind per round, steady state) went from
 * 17.0 to 12.2 M instructions (gen200new: 16.5 to 15.4).
 */
const BLOCKERS: readonly Blocker[] = [
  // URLs and e-mail addresses
  { re: /(?:https?:\/\/|www\.)\S+/g, starts: urlStarts },
  // `press star one one`: phone-keypad instructions
  { re: /\b(?:star|press|dial|pound)\s+(?:(?:zero|one|two|three|four|five|six|seven|eight|nine|\d)\b[\s,]*)+/gi },
  // Speech-recogniser timestamps `[33.020 --> 37.620]` and `(00:00:12)`
  { re: /\[\s*\d+(?:\.\d+)?\s*-->\s*\d+(?:\.\d+)?\s*\]/g, digit: true },
  { re: /\b\d{1,2}:\d{2}(?::\d{2})?\b/g, digit: true, starts: clockStarts },
  // `Section 21E of the Securities Exchange Act`, `Speaker 7`, `Form 20-F`, `Rule 10b-5`
  { re: /\b(?:Section|Sections|Rule|Item|Form|Exhibit|Chapter|Article|Speaker|Slide|Page|Note|No\.)\s*\d[\w.-]*/g, digit: true },
  // list markers at the start of a line: `1. `, `2) `, `(3) `
  { re: /(?:^|\n)[ \t]*(?:\d{1,2}[.)]|\(\d{1,2}\))(?=[ \t])/g, digit: true, starts: listStarts },
  // ordinals in digits: `4th`, `21st`, `20th century`
  { re: /\b\d+(?:st|nd|rd|th)\b/g, digit: true },
];
const TIMESTAMP = (BLOCKERS[2] as Blocker).re;
/** Sticky copies of the patterns of the blockers with `starts`. */
const STICKY_BLOCKERS = new Map(BLOCKERS.filter((b) => b.starts).map((b) => [b, new RegExp(b.re.source, b.re.flags.replace('g', 'y'))]));

/**
 * Whether the text has an ASCII digit: most patterns here need one, and the aligner and the
 * metrics stage run them on every sentence, most of which have none (a failed scan of a
 * sentence still costs a few hundred ns per pattern; 20 patterns a call).
 */
function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (isDigitCode(s.charCodeAt(i))) return true;
  }
  return false;
}

/** Sticky copies of the patterns of the rules with `starts`, by rule. */
const STICKY = new Map(RULES.filter((r) => r.starts).map((r) => [r, new RegExp(r.re.source, r.re.flags.replace('g', 'y'))]));

/**
 * The matches a global scan of `re` finds, in the same order, tried only where one can start
 * (`rule.starts`). A global scan takes the leftmost start from where the last match ended, and
 * so does this (starts in increasing order, each tried once). The Chinese patterns cost
 * ~100-145 µs a generated call as global scans (every character is a possible start), the
 * three with a month's name ~40 µs each; most calls have a handful of `年` or months.
 */
function anchored(s: string, rule: Rule, re: RegExp, months: () => number[], out: PeriodMatch[]): void {
  // The first start not tried yet, and never before the end of the last match. Starting at 0
  // also drops the negative starts a rule may give near the beginning of the text (`3月31日`
  // at offset 0 puts its look-back start before it): `lastIndex` would clamp them to 0 and the
  // match would be recorded at a start below 0.
  let next = 0;
  for (const p of (rule.starts as NonNullable<Rule['starts']>)(s, months)) {
    if (p < next) continue;
    re.lastIndex = p;
    const m = re.exec(s);
    next = p + 1;
    if (!m) continue;
    const made = rule.make(m);
    if (made) out.push({ start: p, end: p + m[0].length, ...made });
    next = p + m[0].length;
  }
}

export function findPeriods(s: string): PeriodMatch[] {
  const out: PeriodMatch[] = [];
  const digits = hasDigit(s);
  let monthStarts: number[] | undefined;
  const months = (): number[] => (monthStarts ??= prefixStarts(s, MONTH_PREFIXES));
  for (const rule of RULES) {
    if (rule.digit && !digits) continue;
    const sticky = STICKY.get(rule);
    if (sticky) {
      anchored(s, rule, sticky, months, out);
      continue;
    }
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(s); m; m = rule.re.exec(s)) {
      const made = rule.make(m);
      if (made) out.push({ start: m.index, end: m.index + m[0].length, ...made });
      if (m[0].length === 0) rule.re.lastIndex++;
    }
  }
  return out;
}

export function findBlocked(s: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  // E-mail addresses: grown outwards from each `@` (a regex scanning every word is slow).
  const word = /[\w.+-]/;
  for (let at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
    let a = at;
    while (a > 0 && word.test(s[a - 1] as string)) a--;
    let b = at + 1;
    while (b < s.length && word.test(s[b] as string)) b++;
    if (a < at && b > at + 1) out.push({ start: a, end: b });
  }
  // The spans only fill a mask, so their order does not matter.
  const digits = hasDigit(s);
  for (const blocker of BLOCKERS) {
    if (blocker.digit && !digits) continue;
    const re = blocker.re;
    // A timestamp `[33.020 --> 37.620]` holds `-->`; without one the scan (~45 µs a generated
    // call) finds nothing.
    if (re === TIMESTAMP && !s.includes('-->')) continue;
    const sticky = STICKY_BLOCKERS.get(blocker);
    if (sticky !== undefined) {
      blockedFrom(s, (blocker.starts as NonNullable<Blocker['starts']>)(s), sticky, out);
      continue;
    }
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      out.push({ start: m.index, end: m.index + m[0].length });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return out;
}

/**
 * The matches a global scan finds, tried only at `starts` (increasing): as in `anchored`, a
 * start is tried only when it is not before the end of the last match.
 */
function blockedFrom(s: string, starts: readonly number[], sticky: RegExp, out: Array<{ start: number; end: number }>): void {
  let next = 0;
  for (const p of starts) {
    if (p < next) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(s);
    next = m ? p + Math.max(1, m[0].length) : p + 1;
    if (m) out.push({ start: p, end: p + m[0].length });
  }
}
