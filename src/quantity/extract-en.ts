/**
 * English context around a numeral: scale words (`1.84 billion`, `40k`), units (`%`, `percent`,
 * `percentage points`, `basis points`, `times`, `x`), currency before or after (`RMB 1,835.4
 * million`, `US$75 billion`, `420 million finnish markka`, `50 cents`), signs (`negative`,
 * `minus`, `-`, `(30.7)`, `a gross loss of`) and approximation words (`about`, `more than`).
 */
import type { Atom } from './atoms.js';
import type { UnitHit } from './candidate.js';
import { EN_APPROX_BEFORE, EN_LOSS_BEFORE, EN_SIGN_BEFORE } from './approx.js';
import { CURRENCY_PREFIX, CURRENCY_SUFFIX_SIGNS, CURRENCY_WORDS_EN, alternation } from './currencies.js';
import { EN_SCALE_ABBREV, EN_SCALE_MONEY_ONLY, EN_SCALE_WORDS } from './scale.js';
import { tidy } from './zh-numerals.js';
import { codeSet, endingTest, firstNonSpace, lastNonBlank } from './chars.js';

const SCALE_WORD = new RegExp(`^[ \\t]+(${alternation(Object.keys(EN_SCALE_WORDS))})\\b`, 'i');
const SCALE_ABBREV = new RegExp(`^ ?(${alternation(Object.keys(EN_SCALE_ABBREV))})(?![A-Za-z])`);
const SCALE_MONEY = new RegExp(`^(${alternation(Object.keys(EN_SCALE_MONEY_ONLY))})(?![A-Za-z])`);
const DOZEN = /^\s+(dozens?|dzs|dozs)\b/i;
/** The first characters of the words above (either case): each pattern starts with white space, then one of them. */
const SCALE_FIRST = codeSet(
  [...Object.keys(EN_SCALE_WORDS), ...Object.keys(EN_SCALE_ABBREV), ...Object.keys(EN_SCALE_MONEY_ONLY), 'd'].map((k) => k[0] as string),
  true,
);

export interface ScaleHit {
  end: number;
  factor: number;
  word: string;
}

/** A scale word or abbreviation right after the number. `moneyBefore`: a currency precedes (`$5m`). */
export function enScaleAfter(s: string, p: number, moneyBefore: boolean): ScaleHit | null {
  // Every pattern is white space, then a word that starts with one of SCALE_FIRST (most
  // numbers are followed by `%`, a word such as `new`, or nothing of the kind in Chinese): the
  // check saves a slice and four failed matches.
  if (!SCALE_FIRST.has(s.charCodeAt(firstNonSpace(s, p)))) return null;
  const rest = s.slice(p, p + 16);
  let m = SCALE_WORD.exec(rest);
  if (m) return { end: p + m[0].length, factor: EN_SCALE_WORDS[(m[1] as string).toLowerCase()] as number, word: m[1] as string };
  m = SCALE_ABBREV.exec(rest);
  if (m) return { end: p + m[0].length, factor: EN_SCALE_ABBREV[m[1] as string] as number, word: m[1] as string };
  if (moneyBefore) {
    m = SCALE_MONEY.exec(rest);
    if (m) return { end: p + m[0].length, factor: EN_SCALE_MONEY_ONLY[m[1] as string] as number, word: m[1] as string };
  }
  m = DOZEN.exec(rest);
  if (m) return { end: p + m[0].length, factor: 12, word: m[1] as string };
  return null;
}

const PP = /^\s*(?:percentage[ -]points?|percent(?:age)? points?|ppts?|pps?|pp)\b/i;
const BPS = /^\s*(?:basis[ -]points?|bps|bp)\b/i;
const PERCENT = /^\s*(?:%|percent(?:age)?s?\b|per cent\b|pct\b)/i;
const MULTIPLE = /^(?:\s*(?:times\b|-fold\b|fold\b)|x\b)/i;
const CURRENCY_WORD = new RegExp(`^[ \\t]*-?(${alternation(Object.keys(CURRENCY_WORDS_EN))})\\b`, 'i');
const CURRENCY_SIGN_AFTER = new RegExp(`^[ \\t]*(${alternation(Object.keys(CURRENCY_SUFFIX_SIGNS))})(?![A-Za-z])`);
/**
 * What each pattern above may find first after white space (either case): `p` (PP, PERCENT),
 * `b` (BPS), `%`, `t`, `f`, `-`, `x` (MULTIPLE), `-` or a currency word (CURRENCY_WORD), a
 * currency sign.
 */
const UNIT_FIRST = codeSet(
  ['p', 'b', '%', 't', 'f', '-', 'x', ...Object.keys(CURRENCY_WORDS_EN), ...Object.keys(CURRENCY_SUFFIX_SIGNS)].map((k) => k[0] as string),
  true,
);

/** Units after an English or digit numeral. */
export function enUnitAfter(s: string, atom: Atom, value: number | [number, number], p: number): UnitHit | null {
  // Most numbers are followed by none of UNIT_FIRST (`5 new stores`, `20.1%` is the Chinese
  // rule's): the check saves a slice and six failed matches.
  if (!UNIT_FIRST.has(s.charCodeAt(firstNonSpace(s, p)))) return null;
  const rest = s.slice(p, p + 40);
  let m = PP.exec(rest);
  if (m) return { end: p + m[0].length, kind: 'pp', unit: 'pp', value };
  m = BPS.exec(rest);
  if (m) return { end: p + m[0].length, kind: 'pp', unit: 'pp', value: typeof value === 'number' ? tidy(value / 100) : [tidy(value[0] / 100), tidy(value[1] / 100)] };
  m = PERCENT.exec(rest);
  if (m) return { end: p + m[0].length, kind: 'percent', unit: '%', value };
  m = MULTIPLE.exec(rest);
  if (m && (m[0].trim() !== 'x' || atom.script !== 'words')) return { end: p + m[0].length, kind: 'multiple', unit: 'x', value };
  m = CURRENCY_WORD.exec(rest);
  if (m) {
    const [iso, div] = CURRENCY_WORDS_EN[(m[1] as string).toLowerCase()] as [string, number];
    const v = div === 1 ? value : typeof value === 'number' ? tidy(value / div) : [tidy(value[0] / div), tidy(value[1] / div)] as [number, number];
    return { end: p + m[0].length, kind: 'money', unit: iso, value: v };
  }
  m = CURRENCY_SIGN_AFTER.exec(rest);
  if (m) return { end: p + m[0].length, kind: 'money', unit: CURRENCY_SUFFIX_SIGNS[m[1] as string] as string, value };
  return null;
}

/** Approximation words after an English number: `20 or so`, `20 or more`, `20+`, `20-odd`. */
const APPROX_AFTER = new RegExp(`^(?:[ \\t]+(or so|or more)\\b|(\\+)|-?(odd)\\b)`, 'i');
export function enApproxAfter(s: string, p: number): { end: number; word: string } | null {
  // A space, a tab, `+`, `-` or `o` first.
  const c = s.charCodeAt(p);
  if (c !== 32 && c !== 9 && c !== 43 && c !== 45 && (c | 0x20) !== 0x6f) return null;
  const m = APPROX_AFTER.exec(s.slice(p, p + 10));
  return m ? { end: p + m[0].length, word: (m[1] ?? m[2] ?? m[3]) as string } : null;
}

const PREFIX_KEYS = Object.keys(CURRENCY_PREFIX);
const PREFIX_END = endingTest(PREFIX_KEYS);
const PREFIX = new RegExp(`(?:^|(?<=[^A-Za-z]))(${alternation(PREFIX_KEYS)})[ \\t]*$`, 'i');

/** A currency written before the number (`RMB `, `US$`, `HK$`, `人民币`). */
export function currencyBefore(s: string, q: number, min: number): { start: number; iso: string } | null {
  // The pattern is a currency, then spaces or tabs: most numbers follow a word that is none
  // (`was 5`), and the check saves a slice and a match tried at each of its starts.
  const last = lastNonBlank(s, q);
  const from = Math.max(min, q - 12);
  if (last < from || !PREFIX_END(s, last)) return null;
  const m = PREFIX.exec(s.slice(from, q));
  if (!m) return null;
  const key = m[1] as string;
  const iso = CURRENCY_PREFIX[key] ?? CURRENCY_PREFIX[key.toUpperCase()] ?? CURRENCY_PREFIX[key.toLowerCase()];
  if (!iso) return null;
  // A code in any case (`RMB`, `rmb`, and `Rmb` as the Financial Times writes it), but never
  // the end of a longer word: PREFIX wants no Latin letter before it.
  return { start: q - m[0].length, iso };
}

const SIGN_WORD = new RegExp(`\\b(${EN_SIGN_BEFORE.join('|')})[ \\t]+$`, 'i');
const SIGN_WORD_END = endingTest(EN_SIGN_BEFORE);
/**
 * A sign before the number (or before its currency). `-` counts when glued to the number
 * (`-2.4%`, `-$5`) after a space or an opening bracket, or at the very start (`- 1 4/5`); in
 * `$275 million - $325 million` and `43%-45%` it is a dash between two numbers.
 */
export function enSignBefore(s: string, q: number, min: number): { start: number; word: string } | null {
  // Each rule below wants a space, a tab or `-` right before q (wrap asks three times an atom).
  const c = s.charCodeAt(q - 1);
  if (c !== 32 && c !== 9 && c !== 45) return null;
  // The first and the last rule want a sign word or `-` before the spaces that end at q.
  const last = lastNonBlank(s, q);
  if (SIGN_WORD_END(s, last)) {
    const m = SIGN_WORD.exec(s.slice(Math.max(min, q - 12), q));
    if (m) return { start: q - m[0].length, word: (m[1] as string).toLowerCase() };
  }
  if (s[q - 1] === '-' && q - 1 >= min) {
    const b = s[q - 2];
    if (b === undefined || /[\s([:=]/.test(b)) return { start: q - 1, word: '-' };
  }
  if (s.charCodeAt(last) !== 45) return null;
  const sp = /(?:^|\n)-[ \t]+$/.exec(s.slice(Math.max(0, q - 6), q));
  if (sp && q - sp[0].replace(/^\n/, '').length >= min) return { start: q - sp[0].replace(/^\n/, '').length, word: '-' };
  return null;
}

const APPROX = new RegExp(`(?:^|(?<=[^A-Za-z]))(${alternation(EN_APPROX_BEFORE)})[ \\t]+$`, 'i');
const APPROX_END = endingTest(EN_APPROX_BEFORE);
export function enApproxBefore(s: string, q: number, min: number): { start: number; word: string } | null {
  // The pattern ends with a space or a tab.
  // (Most numbers follow a word that is none of them: the check saves a slice and a match
  // tried at each of its starts.)
  const c = s.charCodeAt(q - 1);
  if (c !== 32 && c !== 9) return null;
  const last = lastNonBlank(s, q);
  const from = Math.max(min, q - 24);
  if (last < from || !APPROX_END(s, last)) return null;
  const m = APPROX.exec(s.slice(from, q));
  return m ? { start: q - m[0].length, word: (m[1] as string).toLowerCase() } : null;
}

export function enLossBefore(s: string, q: number, min: number): string | null {
  const m = EN_LOSS_BEFORE.exec(s.slice(Math.max(min, q - 40), q));
  return m ? (m[1] as string).toLowerCase() : null;
}

