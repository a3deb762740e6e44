/**
 * Generators for the property tests (test/properties.test.ts): transcript-like text that mixes
 * speaker headers of every layout, Chinese, English, figures and hostile characters; and
 * amounts written out in Chinese numerals and in English, with the value they stand for.
 */
import fc from 'fast-check';

/** How many runs each property gets: small in CI, large with ECALL_PROPERTY_RUNS (see scripts/properties-long.mjs). */
export function runs(ciDefault: number): number {
  const env = Number(process.env.ECALL_PROPERTY_RUNS);
  return Number.isInteger(env) && env > 0 ? env : ciDefault;
}

/** One fixed seed, so a failure in CI is the same failure on a laptop; override with ECALL_PROPERTY_SEED. */
export const SEED = Number(process.env.ECALL_PROPERTY_SEED ?? 20241122);

// ───────────────────────────────────────────────────────────── Chinese numerals

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const PLACES = ['', '十', '百', '千'];

/** 0 < n < 10,000, as the four places of one group: 3540 → 三千五百四十, 305 → 三百零五. */
function group(n: number): string {
  let out = '';
  let zero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(n / 10 ** p) % 10;
    if (d === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + (PLACES[p] as string);
  }
  return out;
}

/**
 * A non-negative safe integer in Chinese numerals with 万 and 亿 groups, as speakers and
 * reports write them: 1835400000 → 十八亿三千五百四十万, 100000005 → 一亿零五, 10 → 十,
 * 0 → 零. A leading 一十 is written 十.
 */
export function zhInteger(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`zhInteger: ${n}`);
  if (n === 0) return '零';
  const groups: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 10_000)) groups.push(x % 10_000);
  // Units of the groups from the lowest: '', 万, 亿, 万亿 (what 10^12 is called in reports).
  const units = ['', '万', '亿', '万亿'];
  let out = '';
  let pendingZero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const v = groups[g] as number;
    if (v === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    // A group under 1000 after a higher one starts with 零: 一亿零五, 十万零三百.
    if (out !== '' && (pendingZero || v < 1000)) out += '零';
    pendingZero = false;
    out += group(v) + (units[g] as string);
  }
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** Digits after 点 are read one by one: 0.05 → 零点零五. */
export function zhDecimal(intPart: number, decimals: string): string {
  return decimals === '' ? zhInteger(intPart) : `${zhInteger(intPart)}点${[...decimals].map((d) => DIGITS[Number(d)]).join('')}`;
}

export interface WrittenAmount {
  text: string;
  value: number;
  unit: string;
}

const ZH_SCALES: Array<[string, number]> = [
  ['', 1],
  ['万', 1e4],
  ['亿', 1e8],
];

/**
 * An amount in Chinese: 人民币十八点四亿元, 三千五百四十万元, 百分之十二点五. The integer part stays
 * below 10,000 before a scale (as people write 一千二百万, not 一千二百万万).
 */
export const zhAmount: fc.Arbitrary<WrittenAmount> = fc
  .record({
    scale: fc.constantFrom(...ZH_SCALES),
    intPart: fc.integer({ min: 1, max: 9_999 }),
    bigInt: fc.integer({ min: 1, max: 9_999_999_999 }),
    decimals: fc.stringMatching(/^[0-9]{0,2}$/),
    form: fc.constantFrom('money', 'rmb', 'percent'),
  })
  .map(({ scale, intPart, bigInt, decimals, form }) => {
    const [word, factor] = scale;
    if (form === 'percent') {
      const v = intPart % 100;
      return { text: `百分之${zhDecimal(v, decimals)}`, value: Number(`${v}${decimals ? `.${decimals}` : ''}`), unit: '%' };
    }
    // Without a scale word, a large integer written out whole: 十八亿三千五百四十万元.
    const whole = word === '' ? bigInt : intPart;
    const number = word === '' ? zhInteger(whole) : zhDecimal(whole, decimals);
    const value = word === '' ? whole : Number(`${whole}${decimals ? `.${decimals}` : ''}`) * factor;
    return { text: `${form === 'rmb' ? '人民币' : ''}${number}${word}元`, value, unit: 'CNY' };
  });

// ───────────────────────────────────────────────────────────── English amounts

function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const EN_SCALES: Array<[string, number]> = [
  ['', 1],
  [' thousand', 1e3],
  [' million', 1e6],
  [' billion', 1e9],
];

/** `RMB 1,835.4 million`, `US$12.5 billion`, `$3,200`, `12.5%`. */
export const enAmount: fc.Arbitrary<WrittenAmount> = fc
  .record({
    scale: fc.constantFrom(...EN_SCALES),
    intPart: fc.integer({ min: 1, max: 999_999 }),
    decimals: fc.stringMatching(/^[0-9]{0,2}$/),
    currency: fc.constantFrom<[string, string]>(['RMB ', 'CNY'], ['US$', 'USD'], ['$', 'USD'], ['', '%']),
  })
  .map(({ scale, intPart, decimals, currency }) => {
    const [word, factor] = scale;
    const [prefix, unit] = currency;
    const digits = `${withCommas(intPart)}${decimals ? `.${decimals}` : ''}`;
    const base = Number(`${intPart}${decimals ? `.${decimals}` : ''}`);
    if (unit === '%') return { text: `${digits}%`, value: base, unit };
    return { text: `${prefix}${digits}${word}`, value: base * factor, unit };
  });

// ───────────────────────────────────────────────────────────── transcript-like text

const HEADERS = [
  'Operator (participant)',
  'Ada Sun (CFO)',
  'Bo Li (Analyst)',
  'Speaker 7',
  '邹涛 (副董事长兼首席执行官)',
  'Operator',
  'Ada Sun -- Chief Financial Officer',
  '**Bo Li - CICC, Analyst**',
  'Ada Sun: ',
  '* Bo Li',
  'Operator [1]',
  'CORPORATE PARTICIPANTS',
  'QUESTIONS AND ANSWERS',
  'Question-and-Answer Session',
  '### Q&A',
  '[30.440 --> 33.020] ',
  '=====',
  '<?xml version="1.0"?>',
  '<transcript>',
];

const WORDS = [
  '各位投资者大家好',
  '本季度收入为',
  '十八亿三千五百四十万元',
  '同比增长百分之十二',
  '毛利率',
  '谢谢',
  '。',
  '，',
  'Revenue rose',
  'RMB 1,835.4 million',
  '5.3 percentage points',
  'Thanks.',
  'Our next question comes from Bo Li from CICC.',
  'to ask a question, press star one',
  '1e309',
  'RMB 1,2,3 million',
  '百分之百分之',
  '9'.repeat(40),
  '(00:00:12)',
  '[Foreign language]',
];

const HOSTILE = ['\x1b[31m', '\x1b[0m', '\x1b]8;;http://x.invalid\x07', '\x1b]8;;\x07', '\r', '\x00', '\x07', '\x08', '\x7f', '\u009b2J', '\u202e', '\ufeff', '\ud800', '\udc00', '𠀀', '\t', '\u3000', '\u00a0'];

const BREAKS = ['\n', '\n\n', '\r\n', '\r\n\r\n', '\r', ' ', ''];

/** Text that looks like a transcript often enough to reach every layout, and breaks them often enough. */
export const transcriptLike: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...HEADERS).map((h) => `\n\n${h}\n\n`) },
      { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
      { weight: 3, arbitrary: fc.constantFrom(...BREAKS) },
      { weight: 1, arbitrary: zhAmount.map((a) => a.text) },
      { weight: 1, arbitrary: enAmount.map((a) => a.text) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'grapheme' }) },
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

/** Any string at all: code units (lone surrogates included) or full Unicode. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 300, unit: 'binary' }),
  fc.string({ maxLength: 300, unit: 'grapheme' }),
  fc.string({ maxLength: 300, unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
  fc.string({ maxLength: 300 }),
);
