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
 * The figures of a block's sentences, every Chinese figure weighed against every English one
 * once. The bead programme scores the figures of every bead of every cell: through
 * `matchFigures` that was a list of candidate objects, a sort and two sets per bead, a figure
 * list copied for each two-sentence side, and two map lookups per pair of figures (memoised
 * per block). Here a side of a bead is a range of the block's figures and a pair's strength a
 * cell of one table; the same candidates in the same order, so the same sums as `matchFigures`.
 */
export interface FigureGrid {
  /**
   * The figures of Chinese sentences `i .. i + a - 1` against English `j .. j + b - 1`: the
   * strengths of the best one-to-one matching less `unmatchedCost` per unit of informativeness
   * left without a partner. With `matched`, the pairs it made (`zh = en`) are pushed to it.
   */
  score(i: number, a: number, j: number, b: number, unmatchedCost: number, matched?: string[]): number;
  /** Whether Chinese sentence `t` and English sentence `u` have a matching pair of figures. */
  shares(t: number, u: number): boolean;
}

export function figureGrid(zh: ReadonlyArray<readonly Figure[]>, en: ReadonlyArray<readonly Figure[]>, match: (zh: Figure, en: Figure) => number = figureMatch): FigureGrid {
  // Plain arrays built by loops: `flat`, `Float64Array.from` and seven typed arrays per block
  // made building the grid cost more than scoring with it (131 vs 53 ms self in a warm profile
  // of the aligner alone; its instructions per round over 10 generated calls 175 -> 167 M).
  const { all: zs, from: zFrom } = flatten(zh);
  const { all: es, from: eFrom } = flatten(en);
  const zInfo = zs.map(informativeness);
  const eInfo = es.map(informativeness);
  const E = es.length;
  // Every pair, as the programme's one-sentence beads would ask them all anyway.
  const strength: number[] = [];
  for (const f of zs) for (const g of es) strength.push(match(f, g));
  /** Flags of figures matched in the bead being scored, cleared by `left`. */
  const usedZ = zs.map(() => false);
  const usedE = es.map(() => false);
  /** Scratch for the candidates of a bead, the first `n` read. */
  const cands: number[] = [];

  /**
   * Informativeness summed over the figures of a range not flagged in `used` (the order of
   * `sumInfo`); the flags are cleared for the next bead.
   */
  const left = (info: readonly number[], used: boolean[], from: number, to: number): number => {
    let s = 0;
    for (let p = from; p < to; p++) {
      if (!used[p]) s += info[p] as number;
      used[p] = false;
    }
    return s;
  };

  return {
    score(i, a, j, b, unmatchedCost, matched) {
      const z0 = zFrom[i] as number;
      const z1 = zFrom[i + a] as number;
      const e0 = eFrom[j] as number;
      const e1 = eFrom[j + b] as number;
      // Candidate pairs (index into `strength`), strongest first, ties in the order met: the
      // stable sort of `matchFigures`, by insertion since a bead holds a few figures.
      let n = 0;
      for (let p = z0; p < z1; p++) {
        for (let q = e0; q < e1; q++) {
          const c = p * E + q;
          const s = strength[c] as number;
          if (!(s > 0)) continue;
          let k = n++;
          for (; k > 0 && (strength[cands[k - 1] as number] as number) < s; k--) cands[k] = cands[k - 1] as number;
          cands[k] = c;
        }
      }
      let score = 0;
      for (let k = 0; k < n; k++) {
        const c = cands[k] as number;
        const p = Math.floor(c / E);
        const q = c - p * E;
        if (usedZ[p] === true || usedE[q] === true) continue;
        usedZ[p] = true;
        usedE[q] = true;
        score += strength[c] as number;
        matched?.push(`${(zs[p] as Figure).text} = ${(es[q] as Figure).text}`);
      }
      return score - unmatchedCost * (left(zInfo, usedZ, z0, z1) + left(eInfo, usedE, e0, e1));
    },
    shares(t, u) {
      for (let p = zFrom[t] as number; p < (zFrom[t + 1] as number); p++) {
        for (let q = eFrom[u] as number; q < (eFrom[u + 1] as number); q++) if ((strength[p * E + q] as number) > 0) return true;
      }
      return false;
    },
  };
}

/** The items of all lists in order; list t's are `all[from[t]] .. all[from[t + 1] - 1]`. */
function flatten<T>(lists: ReadonlyArray<readonly T[]>): { all: T[]; from: number[] } {
  const all: T[] = [];
  const from = [0];
  for (const list of lists) {
    for (const x of list) all.push(x);
    from.push(all.length);
  }
  return { all, from };
}

function sumInfo(fs: readonly Figure[]): number {
  return fs.reduce((s, f) => s + informativeness(f), 0);
}

export function toFigure(q: Quantity): Figure {
  return { value: q.value, unit: q.unit, approx: q.approx, text: q.text };
}
