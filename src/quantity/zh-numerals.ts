/**
 * Chinese numerals: the character tables and a parser from a run of numeral characters (and
 * Arabic digits mixed in: `1.3965亿`, `5万4千6百`, `240多萬`) to a value.
 */

/** Digits, ordinary and financial (大写) forms, simplified and traditional. */
export const ZH_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0,
  一: 1, 壹: 1, 弌: 1,
  二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 倆: 2, 俩: 2,
  三: 3, 叁: 3, 參: 3, 叄: 3,
  四: 4, 肆: 4,
  五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6,
  七: 7, 柒: 7,
  八: 8, 捌: 8,
  九: 9, 玖: 9,
};

/** Units below 万. */
export const ZH_UNITS: Readonly<Record<string, number>> = {
  十: 10, 拾: 10,
  百: 100, 佰: 100,
  千: 1000, 仟: 1000,
};

/**
 * Scale characters. 兆 is 10^12 as in Taiwan and in the Recognizers-Text tables (mainland
 * metrology uses it for 10^6, but not in money).
 */
export const ZH_SCALES: Readonly<Record<string, number>> = {
  万: 1e4, 萬: 1e4,
  亿: 1e8, 億: 1e8,
  兆: 1e12,
};

export const ZH_POINT = new Set(['点', '點']);

/**
 * Characters that make a number approximate when they follow a numeral: `五百余万`, `十多万`,
 * `二十几万`, `一千三百余家`, `四百多`.
 */
export const ZH_APPROX_INNER: Readonly<Record<string, string>> = { 余: '余', 餘: '余', 多: '多', 几: '几', 幾: '几', 来: '来', 來: '来' };

export type ZhToken =
  | { t: 'd'; v: number; ch: string }
  | { t: 'a'; v: number; text: string } // Arabic digits
  | { t: 'u'; v: number }
  | { t: 's'; v: number; ch: string }
  | { t: 'p' }
  | { t: 'x'; word: string }; // approximation inside (`五百余万`)

export interface ZhValue {
  value: number | [number, number];
  /** Digits read one by one (`二零二三`, `九九`): the string, for years and discounts. */
  digitString?: string;
  approx: boolean;
  approxWord?: string;
  scale?: string;
}

/** Rounds away binary noise (`1.3965 * 1e8`) without touching real precision. */
export function tidy(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  // An integer of at most 15 digits prints exactly at 15 significant digits and reads back as
  // itself: skip the string round trip (tidy was 203 of 12,412 ms self in a warm analyze run).
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return x;
  return Number.parseFloat(x.toPrecision(15));
}

/** Value of integer tokens (digits, Arabic, units, scales, zero); null when malformed. */
function integerValue(toks: readonly ZhToken[]): number | null {
  let total = 0;
  let section = 0;
  let cur: number | null = null;
  let curIsSingleZh = false;
  let lastUnit = 0;
  let prev: ZhToken['t'] | 'z' | null = null;
  let maxScale = 0;
  for (const tk of toks) {
    switch (tk.t) {
      case 'd':
        if (tk.v === 0) {
          prev = 'z';
          continue;
        }
        cur = cur === null ? tk.v : cur * 10 + tk.v;
        curIsSingleZh = prev !== 'd';
        prev = 'd';
        break;
      case 'a':
        if (cur !== null) return null;
        cur = tk.v;
        curIsSingleZh = false;
        prev = 'a';
        break;
      case 'u':
        section += (cur ?? 1) * tk.v;
        cur = null;
        lastUnit = tk.v;
        prev = 'u';
        break;
      case 's': {
        const v = section + (cur ?? 0);
        if (v === 0 && total > 0) total *= tk.v; // 四万万, 四万亿
        else if (v === 0 && total === 0) return null; // a scale with nothing to scale
        else if (tk.v > maxScale) total = (total + v) * tk.v;
        else total += v * tk.v;
        maxScale = Math.max(maxScale, tk.v);
        section = 0;
        cur = null;
        lastUnit = tk.v;
        prev = 's';
        break;
      }
      case 'x':
        // `二十几万`: the vague digit counts as nothing; the flag is carried by the caller.
        prev = 'x';
        break;
      case 'p':
        return null;
    }
  }
  if (cur !== null) {
    // `一万三` is 13000 and `两千四百五` is 2450: a lone digit right after a unit counts in the
    // next unit down. After 零 it does not (`一千零五` is 1005).
    if (curIsSingleZh && cur < 10 && lastUnit >= 10 && (prevBeforeLast(toks) === 'u' || prevBeforeLast(toks) === 's')) {
      cur = (cur * lastUnit) / 10;
    }
    return total + section + cur;
  }
  return total + section;
}

/** The type of the token before the last one (for the abbreviation rule above). */
function prevBeforeLast(toks: readonly ZhToken[]): ZhToken['t'] | null {
  const t = toks[toks.length - 2];
  return t ? t.t : null;
}

/** Parses a scanned token run. Returns null when the run is not a number (`万万`). */
export function parseZhTokens(toks: readonly ZhToken[]): ZhValue | null {
  if (toks.length === 0) return null;
  const approxTok = toks.find((t): t is Extract<ZhToken, { t: 'x' }> => t.t === 'x');
  const approx = approxTok !== undefined;
  let scaleTok: Extract<ZhToken, { t: 's' }> | undefined;
  for (let k = toks.length - 1; k >= 0 && scaleTok === undefined; k--) {
    const t = toks[k] as ZhToken;
    if (t.t === 's') scaleTok = t;
  }
  // Results are built field by field, not by spreading a shared base: object spread of these
  // few shapes was most of parseZhTokens' self time (370 of 12,412 ms in a warm analyze run).
  // The only reader (atoms.ts) reads the fields by name.
  const base = { approx, approxWord: approxTok?.word, scale: scaleTok?.ch };
  const hasStructure = toks.some((t) => t.t === 'u' || t.t === 's' || t.t === 'a');
  const pIdx = toks.findIndex((t) => t.t === 'p');
  const intToks = pIdx >= 0 ? toks.slice(0, pIdx) : toks;

  // Digits read one by one: 二零二三, 九九 (no units anywhere before the point).
  const intDigits = intToks.every((t) => t.t === 'd');
  if (pIdx < 0 && intDigits && intToks.length >= 2) {
    // `两两` is an adverb (in pairs), not 22.
    if (intToks.some((t) => t.t === 'd' && /[两兩倆俩]/.test(t.ch))) return null;
    const ds = intToks.map((t) => (t.t === 'd' ? String(t.v) : '')).join('');
    return zhValue(base, Number(ds), ds);
  }
  // `四五千万`, `二三十`: two neighbouring digits before a unit are a spoken range.
  const first = toks[0];
  const second = toks[1];
  if (
    pIdx < 0 && first && second && first.t === 'd' && second.t === 'd' && second.v === first.v + 1 &&
    toks.length >= 3 && toks.slice(2).every((t) => t.t === 'u' || t.t === 's')
  ) {
    const rest = toks.slice(2);
    const lo = integerValue([first, ...rest]);
    const hi = integerValue([second, ...rest]);
    if (lo === null || hi === null) return null;
    return zhValue({ approx: true, approxWord: base.approxWord ?? `${first.ch}${second.ch}`, scale: base.scale }, [tidy(lo), tidy(hi)]);
  }
  if (pIdx < 0) {
    if (!hasStructure && intToks.length === 1 && first?.t !== 'd') return null;
    const v = integerValue(toks);
    return v === null ? null : zhValue(base, tidy(v));
  }
  // A decimal: integer part, 点, digits read one by one, then scales (`十八点四亿`).
  const iv = intToks.length === 0 ? 0 : integerValue(intToks);
  if (iv === null) return null;
  let k = pIdx + 1;
  let frac = '';
  while (k < toks.length) {
    const t = toks[k] as ZhToken;
    if (t.t === 'd') frac += String(t.v);
    else if (t.t === 'a' && /^\d+$/.test(t.text)) frac += t.text;
    else break;
    k++;
  }
  if (frac === '') return null;
  let v = iv + Number(`0.${frac}`);
  for (; k < toks.length; k++) {
    const t = toks[k] as ZhToken;
    if (t.t === 's') v *= t.v;
    else if (t.t === 'u') v *= t.v;
    else if (t.t === 'x') continue;
    else return null;
  }
  return zhValue(base, tidy(v));
}

/** A ZhValue with only the optional fields that are set. */
function zhValue(base: { approx: boolean; approxWord: string | undefined; scale: string | undefined }, value: ZhValue['value'], digitString?: string): ZhValue {
  const r: ZhValue = { value, approx: base.approx };
  if (base.approxWord !== undefined) r.approxWord = base.approxWord;
  if (base.scale !== undefined) r.scale = base.scale;
  if (digitString !== undefined) r.digitString = digitString;
  return r;
}
