/**
 * Chinese context around a numeral: units after it (个百分点, %, 倍, 成, 折, currency words,
 * measure words, 左右) and words before it (百分之 is handled as a fraction, 负/负的, 约/超/近,
 * 人民币, 亏损, 第).
 */
import type { Atom } from './atoms.js';
import { type UnitHit, mapValue } from './candidate.js';
import { ZH_APPROX_AFTER, ZH_APPROX_BEFORE, ZH_APPROX_LINK, ZH_APPROX_NOT_AFTER, ZH_LOSS_BEFORE, ZH_SIGN_BEFORE } from './approx.js';
import { CURRENCY_WORDS_ZH, alternation } from './currencies.js';
import { ZH_COUNT_WORDS, ZH_ORDINAL_PREFIX } from './zh-words.js';
import { ZH_DIGITS, ZH_UNITS, tidy } from './zh-numerals.js';
import { codeSet } from './chars.js';

const PP = /^(?:个|個)?百分(?:点|點)/;
const MULTIPLE = /^倍(多|余|餘)?/;
/** 成 is a tenth (`三成` = 30%) unless it starts a word: 成本 (cost), 成长 (growth), 成为 (become). */
const CHENG = /^成(半)?(?![本长長为為功立员員果交熟都就品年人效绩績])/;
/** 折 is a discount (`九五折` = 95%) unless it starts 折旧 (depreciation), 折合 (converted to), 折扣 … */
const ZHE = /^折(?![旧舊合算扣价價现現叠疊损損射让讓磨腾騰返])/;
const CURRENCY = new RegExp(`^(?:个|個)?(${alternation(Object.keys(CURRENCY_WORDS_ZH))})`);
const COUNT = new RegExp(`^(${alternation(ZH_COUNT_WORDS)})`);
/** 打 is a dozen after a number (`十打`), not the verb of 打造, 打算. */
const DOZEN = /^打(?![造算开開通入破击擊出压壓响響工包折车車开])/;
const SUBUNITS = /^(?:([0-9一二三四五六七八九两])[角毛])?(?:([0-9一二三四五六七八九两])分)?/;
const APPROX_AFTER_FIRST = codeSet(ZH_APPROX_AFTER.map((w) => w[0] as string));
const APPROX_AFTER = new RegExp(`^(${alternation(ZH_APPROX_AFTER)})`);

/** The first characters of the patterns below (PP, %, MULTIPLE, CURRENCY, CHENG, ZHE, DOZEN, COUNT). */
const UNIT_FIRST = codeSet(['个', '個', '百', '%', '倍', '成', '折', '打', ...Object.keys(CURRENCY_WORDS_ZH).map((k) => k[0] as string), ...ZH_COUNT_WORDS.map((k) => k[0] as string)]);

/** Units written after a Chinese (or digit) numeral. */
export function zhUnitAfter(s: string, atom: Atom, value: number | [number, number], p: number): UnitHit | null {
  // Most numbers are followed by none of the characters the patterns start with.
  if (!UNIT_FIRST.has(s.charCodeAt(p))) return null;
  const rest = s.slice(p, p + 12);
  let m = PP.exec(rest);
  if (m) return { end: p + m[0].length, kind: 'pp', unit: 'pp', value: value };
  if (rest.startsWith('%')) return { end: p + 1, kind: 'percent', unit: '%', value: value };
  m = MULTIPLE.exec(rest);
  if (m) {
    const hit: UnitHit = { end: p + m[0].length, kind: 'multiple', unit: 'x', value: value };
    if (m[1]) hit.approxWord = m[1];
    return hit;
  }
  m = CURRENCY.exec(rest);
  if (m) {
    let end = p + m[0].length;
    let iso = CURRENCY_WORDS_ZH[m[1] as string] as string;
    // `8亿元人民币`: a second currency word naming the same currency belongs to the amount; after
    // a bare yuan it says which yuan: `570.5亿元新台币` is TWD, `1.2亿元港币` HKD (a Taiwanese
    // briefing writes 元 for New Taiwan dollars).
    const again = CURRENCY.exec(s.slice(end, end + 8));
    const generic = /^[元圆圓块塊]$/.test(m[1] as string);
    if (again && (CURRENCY_WORDS_ZH[again[1] as string] === iso || generic)) {
      iso = CURRENCY_WORDS_ZH[again[1] as string] as string;
      end += again[0].length;
    }
    // `50元6角三分`: jiao and fen after yuan.
    let v = value;
    if (typeof v === 'number' && /^[元圆块塊]$/.test(m[1] as string)) {
      const sub = SUBUNITS.exec(s.slice(end, end + 6));
      if (sub && sub[0].length > 0) {
        const jiao = sub[1] ? (ZH_DIGITS[sub[1]] ?? Number(sub[1])) : 0;
        const fen = sub[2] ? (ZH_DIGITS[sub[2]] ?? Number(sub[2])) : 0;
        v = tidy(v + jiao / 10 + fen / 100);
        end += sub[0].length;
      }
    }
    return { end, kind: 'money', unit: iso, value: v };
  }
  if (typeof value === 'number') {
    m = CHENG.exec(rest);
    if (m && value <= 10) {
      // `三成半` is 35%, `七成六` 76%.
      const d = m[1] ? undefined : ZH_DIGITS[rest[m[0].length] ?? ''];
      if (d !== undefined && d > 0 && !ZH_UNITS[rest[m[0].length + 1] ?? '']) {
        return { end: p + m[0].length + 1, kind: 'percent', unit: '%', value: tidy(value * 10 + d) };
      }
      return { end: p + m[0].length, kind: 'percent', unit: '%', value: tidy(value * 10 + (m[1] ? 5 : 0)) };
    }
    m = ZHE.exec(rest);
    if (m && value > 0 && value < 100) {
      const v = atom.digitString && atom.digitString.length === 2 ? value : value < 10 ? value * 10 : -1;
      if (v > 0) return { end: p + m[0].length, kind: 'percent', unit: '%', value: tidy(v) };
    }
    m = DOZEN.exec(rest);
    if (m && atom.script !== 'arabic') return { end: p + 1, kind: 'number', unit: '', value: value * 12, numeric: true };
  }
  m = COUNT.exec(rest);
  if (m) return { end: p + m[0].length, kind: 'number', unit: 'count', value: value };
  return null;
}

export function zhApproxAfter(s: string, p: number): { end: number; word: string } | null {
  if (!APPROX_AFTER_FIRST.has(s.charCodeAt(p))) return null;
  const m = APPROX_AFTER.exec(s.slice(p, p + 4));
  return m ? { end: p + m[0].length, word: m[1] as string } : null;
}

const SIGN = new RegExp(`(${alternation(ZH_SIGN_BEFORE)})$`);
const APPROX = new RegExp(`(${alternation(ZH_APPROX_BEFORE)})(?:${ZH_APPROX_LINK})?$`);

/** The last characters of SIGN and APPROX, checked before the slice and the match. */
const SIGN_LAST = codeSet(ZH_SIGN_BEFORE.map((w) => w[w.length - 1] as string));
const APPROX_LAST = codeSet([...ZH_APPROX_BEFORE.map((w) => w[w.length - 1] as string), ...ZH_APPROX_LINK.split('|')]);

export function zhSignBefore(s: string, q: number, min: number): { start: number; word: string } | null {
  if (!SIGN_LAST.has(s.charCodeAt(q - 1))) return null;
  const m = SIGN.exec(s.slice(Math.max(min, q - 3), q));
  return m ? { start: q - m[0].length, word: m[1] as string } : null;
}
export function zhApproxBefore(s: string, q: number, min: number): { start: number; word: string } | null {
  if (!APPROX_LAST.has(s.charCodeAt(q - 1))) return null;
  const m = APPROX.exec(s.slice(Math.max(min, q - 4), q));
  if (!m) return null;
  const start = q - m[0].length;
  const word = m[1] as string;
  const not = ZH_APPROX_NOT_AFTER[word];
  if (not && start > 0 && not.includes(s[start - 1] as string)) return null;
  return { start, word };
}
export function zhLossBefore(s: string, q: number, min: number): string | null {
  const m = ZH_LOSS_BEFORE.exec(s.slice(Math.max(min, q - 6), q));
  return m ? (m[1] as string) : null;
}
const ORDINAL_PREFIX = ZH_ORDINAL_PREFIX.charCodeAt(0);
export function zhOrdinalBefore(s: string, q: number): boolean {
  // By code: `s[q - 1]` makes a string of a Han character to compare.
  return s.charCodeAt(q - 1) === ORDINAL_PREFIX;
}

/** `A分之B`: the denominator atom A is followed by 分之 (and maybe a sign for B). */
const FRACTION_LINK = /^分之(负|負)?/;
/** FRACTION_LINK at p: asked of every atom, and checked by its first character before a slice and a match. */
export function fractionLinkAt(s: string, p: number): RegExpExecArray | null {
  return s.charCodeAt(p) === 0x5206 ? FRACTION_LINK.exec(s.slice(p, p + 3)) : null;
}

/**
 * `百分之`, `千分之`, `万分之`: a bare 百/千/万 before 分之 makes a percentage (per thousand is
 * a tenth of a percent). Any other denominator makes a fraction (`三分之一`, `一百分之二`).
 */
export function percentBase(denominatorText: string): number | null {
  if (/^[百佰]$/.test(denominatorText)) return 1;
  if (/^[千仟]$/.test(denominatorText)) return 0.1;
  if (/^[万萬]$/.test(denominatorText)) return 0.01;
  return null;
}

export function scaleValue(v: number | [number, number], f: number): number | [number, number] {
  return mapValue(v, (x) => tidy(x * f));
}
