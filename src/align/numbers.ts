import type { Quantity } from '../model.js';

/**
 * Number evidence: how strongly a Chinese figure and an English one say the same thing.
 * `十八点四亿元` (1.84e9, CNY) and `RMB 1.84 billion` agree exactly; `约四百人` and
 * `approximately 400 people` agree, but approximate values weigh less; `五点三个百分点` (pp)
 * finds `5.3 percentage points` and only weakly a `5.3%`.
 */

/** A figure reduced to what matching needs. */
export interface Figure {
  value: number | [number, number];
  unit: string;
  approx: boolean;
  text: string;
}

const CURRENCY = /^[A-Z]{3}$/;

/** Units that carry meaning in the match (a year or a bare count says less). */
function unitWeight(a: string, b: string): number {
  if (a === b) return a === '' || a === 'count' ? 0.6 : 1;
  // `百分之` percent against `percentage points`: interpreters do mix them up, but the
  // figure then says less.
  if ((a === '%' && b === 'pp') || (a === 'pp' && b === '%')) return 0.35;
  // `人民币十八点四亿元` against `1.84 billion` with the currency left implicit.
  if ((CURRENCY.test(a) && (b === '' || b === 'count')) || (CURRENCY.test(b) && (a === '' || a === 'count'))) return 0.7;
  if ((a === '' && b === 'count') || (a === 'count' && b === '')) return 0.6;
  return 0;
}

/** Significant digits of a value as written: 1.84e9 → 3, 207e6 → 3, 400 → 1, 11.3 → 3. */
export function significantDigits(v: number): number {
  let d = DIGITS.get(v);
  if (d === undefined) {
    if (v === 0 || !Number.isFinite(v)) d = 1;
    else d = Math.max(1, Math.abs(v).toPrecision(12).replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length);
    // Memoised: the bead programme asks about the same few values thousands of times.
    if (DIGITS.size > 10000) DIGITS.clear();
    DIGITS.set(v, d);
  }
  return d;
}

const DIGITS = new Map<number, number>();

function roundTo(v: number, digits: number): number {
  return Number(v.toPrecision(digits));
}

/**
 * 1 when two values are equal, less when they agree only after rounding the more precise to
 * the precision of the other (`十八点四亿` against `1.8 billion`), 0 when they differ.
 */
export function valueAgreement(a: number, b: number): number {
  if (a === b) return 1;
  if (Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))) return 1;
  if (Math.sign(a) !== Math.sign(b)) return 0;
  const d = Math.min(significantDigits(a), significantDigits(b));
  // Two values that round alike to d significant digits differ by at most half a unit of the
  // d-th digit of each, so by at most 10^(1-d) of the larger; twice that leaves room for
  // floating error. Most pairs the bead programme meets are far apart; the two toPrecision
  // round trips took 25 ms (6 with this test) of a warm profile of 4 x 50 generated calls.
  // Same result (and on 3M fuzzed pairs).
  if (Math.abs(a - b) > 2 * 10 ** (1 - d) * Math.max(Math.abs(a), Math.abs(b))) return 0;
  if (roundTo(a, d) === roundTo(b, d)) return 0.7;
  return 0;
}

function agreement(a: Figure['value'], b: Figure['value']): number {
  if (typeof a === 'number' && typeof b === 'number') {
    const direct = valueAgreement(a, b);
    // `负的百分之三点三` against `negative 3.3%` is exact; against a bare `3.3%` (the sign
    // said in words, `a loss of`, `down`) still a good sign.
    return direct > 0 ? direct : 0.6 * valueAgreement(Math.abs(a), Math.abs(b));
  }
  if (typeof a !== 'number' && typeof b !== 'number') return Math.min(valueAgreement(a[0], b[0]), valueAgreement(a[1], b[1]));
  // A range against one of its ends: `一到两个季度` against `two quarters`.
  const [r, v] = typeof a === 'number' ? [b as [number, number], a] : [a, b as number];
  return 0.5 * Math.max(valueAgreement(r[0], v), valueAgreement(r[1], v));
}

/** How much a value on its own tells: small whole numbers (`two questions`) occur everywhere. */
function informativeness(f: Figure): number {
  const v = typeof f.value === 'number' ? Math.abs(f.value) : Math.abs(f.value[1]);
  if (f.unit === '' || f.unit === 'count') {
    if (Number.isInteger(v) && v <= 12) return 0.25;
    if (Number.isInteger(v) && v >= 1900 && v <= 2100) return 0.4; // a year
    return 0.8;
  }
  return 1;
}

/** Evidence in nats for one Chinese figure against one English figure; 0 when they do not match. */
export function figureMatch(zh: Figure, en: Figure): number {
  const u = unitWeight(zh.unit, en.unit);
  if (u === 0) return 0;
  const v = agreement(zh.value, en.value);
  if (v === 0) return 0;
  const approx = zh.approx || en.approx ? 0.6 : 1;
  return FIGURE_WEIGHT * u * v * approx * Math.min(informativeness(zh), informativeness(en));
}

/** A matched figure is worth this many nats at most: more than any length difference costs. */
export const FIGURE_WEIGHT = 5;

export interface FigureMatches {
  score: number;
  matched: string[];
  /** Informativeness summed over the figures of either side left without a partner. */
  unmatched: number;
}

/** Best one-to-one matching of two figure lists, greedy by strength (lists are short). */
export function matchFigures(zh: readonly Figure[], en: readonly Figure[], match: (zh: Figure, en: Figure) => number = figureMatch): FigureMatches {
  if (zh.length === 0 || en.length === 0) return { score: 0, matched: [], unmatched: sumInfo(zh) + sumInfo(en) };
  const cands: Array<{ i: number; j: number; s: number }> = [];
  zh.forEach((a, i) =>
    en.forEach((b, j) => {
      const s = match(a, b);
      if (s > 0) cands.push({ i, j, s });
    }),
  );
  cands.sort((x, y) => y.s - x.s);
  const usedZ = new Set<number>();
  const usedE = new Set<number>();
  let score = 0;
  const matched: string[] = [];
  for (const c of cands) {
    if (usedZ.has(c.i) || usedE.has(c.j)) continue;
    usedZ.add(c.i);
    usedE.add(c.j);
    score += c.s;
    matched.push(`${(zh[c.i] as Figure).text} = ${(en[c.j] as Figure).text}`);
  }
  const unmatched = sumInfo(zh.filter((_, i) => !usedZ.has(i))) + sumInfo(en.filter((_, j) => !usedE.has(j)));
  return { score, matched, unmatched };
}

/**
 * `matchFigures` without the `matched` strings, for the bead programme's costs: the same
 * candidates in the same order, so the same score and the same unmatched sum. The strings
 * (a template per match, for every bead of every cell) are only needed on the best path.
 */
export function scoreFigures(zh: readonly Figure[], en: readonly Figure[], match: (zh: Figure, en: Figure) => number): { score: number; unmatched: number } {
  if (zh.length === 0 || en.length === 0) return { score: 0, unmatched: sumInfo(zh) + sumInfo(en) };
  // One figure a side, the usual bead of a prepared remark: matched or not, with nothing to sort
  // and no flags to allocate (the same sums as below).
  if (zh.length === 1 && en.length === 1) {
    const a = zh[0] as Figure;
    const b = en[0] as Figure;
    const s = match(a, b);
    return s > 0 ? { score: s, unmatched: 0 } : { score: 0, unmatched: informativeness(a) + informativeness(b) };
  }
  const cands: Array<{ i: number; j: number; s: number }> = [];
  for (let i = 0; i < zh.length; i++) {
    for (let j = 0; j < en.length; j++) {
      const s = match(zh[i] as Figure, en[j] as Figure);
      if (s > 0) cands.push({ i, j, s });
    }
  }
  if (cands.length === 0) return { score: 0, unmatched: sumInfo(zh) + sumInfo(en) };
  cands.sort((x, y) => y.s - x.s);
  const usedZ = new Uint8Array(zh.length);
  const usedE = new Uint8Array(en.length);
  let score = 0;
  for (const c of cands) {
    if (usedZ[c.i] === 1 || usedE[c.j] === 1) continue;
    usedZ[c.i] = 1;
    usedE[c.j] = 1;
    score += c.s;
  }
  let uz = 0;
  for (let i = 0; i < zh.length; i++) if (usedZ[i] === 0) uz += informativeness(zh[i] as Figure);
  let ue = 0;
  for (let j = 0; j < en.length; j++) if (usedE[j] === 0) ue += informativeness(en[j] as Figure);
  return { score, unmatched: uz + ue };
}

function sumInfo(fs: readonly Figure[]): number {
  return fs.reduce((s, f) => s + informativeness(f), 0);
}

export function toFigure(q: Quantity): Figure {
  return { value: q.value, unit: q.unit, approx: q.approx, text: q.text };
}
