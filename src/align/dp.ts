import type { BeadKind } from './types.js';

/** The moves of the programme: sentences taken from the Chinese side, then the English. */
export const MOVES: ReadonlyArray<readonly [number, number, BeadKind]> = [
  [1, 1, '1-1'],
  [1, 2, '1-2'],
  [2, 1, '2-1'],
  [2, 2, '2-2'],
  [1, 0, '1-0'],
  [0, 1, '0-1'],
];

export interface PathBead {
  /** First Chinese and English sentence of the bead. */
  i: number;
  j: number;
  /** How many of each. */
  a: number;
  b: number;
  kind: BeadKind;
  /** Posterior probability of this bead over all monotone alignments (forward–backward). */
  posterior: number;
}

/**
 * The best monotone alignment of n Chinese and m English sentences, each bead costing
 * `cost(i, a, j, b)` nats (a negative log-probability, evidence already subtracted), and each
 * bead's posterior probability: costs are read as unnormalised log-weights of alignments, so
 * the posterior of a bead is the weight of all alignments through it over the weight of all.
 * `cost` is given the move's kind too, so the aligner can pass its scorer's `cost` itself
 * rather than a closure that rebuilt the kind from `a` and `b` per call: the aligner alone
 * over 10 generated calls, 361.2 -> 358.1 M instructions a round (callgrind, steady state).
 */
// Plain loops over the moves (no forEach closure per cell): the same cells, moves and order
// of arithmetic as before, so the same path and posteriors.
const MA = MOVES.map((mv) => mv[0]);
const MB = MOVES.map((mv) => mv[1]);
const MK = MOVES.map((mv) => mv[2]);

/**
 * Scratch for the five tables of grids up to SCRATCH_CELLS cells, reused: a generated
 * bilingual call aligns 42 passages of about 3 x 7 sentences, and five new typed arrays per
 * passage cost more than the programme on them. Larger grids (Kingsoft's longest passage is
 * 48 x 47) get their own arrays, so the scratch stays small however long a passage. Every
 * cell read is written first (`fill` over the grid's part below): nothing carries over.
 */
const SCRATCH_CELLS = 4096;
const scratch = tablesOf(SCRATCH_CELLS, MOVES.length);

function tablesOf(size: number, moves: number) {
  return { c: new Float64Array(size * moves), viterbi: new Float64Array(size), back: new Int8Array(size), fwd: new Float64Array(size), bwd: new Float64Array(size) };
}

export function bestPath(n: number, m: number, cost: (i: number, a: number, j: number, b: number, kind: BeadKind) => number): PathBead[] {
  const W = m + 1;
  const cell = (i: number, j: number): number => i * W + j;
  const size = (n + 1) * W;
  const moves = MOVES.length;
  const t = size <= SCRATCH_CELLS ? scratch : tablesOf(size, moves);
  // Cost of each move from each cell, computed once; NaN where the move leaves the grid.
  const c = t.c.fill(Number.NaN, 0, size * moves);
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      for (let k = 0; k < moves; k++) {
        const a = MA[k] as number;
        const b = MB[k] as number;
        if (i + a <= n && j + b <= m) c[cell(i, j) * moves + k] = cost(i, a, j, b, MK[k] as BeadKind);
      }
    }
  }
  const NEG = Number.NEGATIVE_INFINITY;
  const viterbi = t.viterbi.fill(NEG, 0, size);
  const back = t.back.fill(-1, 0, size);
  const fwd = t.fwd.fill(NEG, 0, size);
  viterbi[0] = 0;
  fwd[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      let best = NEG;
      let arg = -1;
      let top = NEG;
      let at = -1;
      for (let k = 0; k < moves; k++) {
        const a = MA[k] as number;
        const b = MB[k] as number;
        if (i < a || j < b) {
          terms[k] = NEG;
          continue;
        }
        const from = cell(i - a, j - b);
        const w = -(c[from * moves + k] as number);
        const v = (viterbi[from] as number) + w;
        if (v > best) {
          best = v;
          arg = k;
        }
        const x = (fwd[from] as number) + w;
        terms[k] = x;
        if (x > top) {
          top = x;
          at = k;
        }
      }
      viterbi[cell(i, j)] = best;
      back[cell(i, j)] = arg;
      fwd[cell(i, j)] = logSum(terms, top, at);
    }
  }
  const bwd = t.bwd.fill(NEG, 0, size);
  bwd[cell(n, m)] = 0;
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) continue;
      let top = NEG;
      let at = -1;
      for (let k = 0; k < moves; k++) {
        const a = MA[k] as number;
        const b = MB[k] as number;
        if (i + a > n || j + b > m) {
          terms[k] = NEG;
          continue;
        }
        const x = -(c[cell(i, j) * moves + k] as number) + (bwd[cell(i + a, j + b)] as number);
        terms[k] = x;
        if (x > top) {
          top = x;
          at = k;
        }
      }
      bwd[cell(i, j)] = logSum(terms, top, at);
    }
  }
  const total = fwd[cell(n, m)] as number;
  const path: PathBead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const k = back[cell(i, j)] as number;
    const [a, b, kind] = MOVES[k] as readonly [number, number, BeadKind];
    const from = cell(i - a, j - b);
    const logp = (fwd[from] as number) - (c[from * moves + k] as number) + (bwd[cell(i, j)] as number) - total;
    path.push({ i: i - a, j: j - b, a, b, kind, posterior: Math.min(1, Math.exp(logp)) });
    i -= a;
    j -= b;
  }
  return path.reverse();
}

/** The terms of one cell's log-sum, one per move (−∞ where the move leaves the grid). */
const terms = new Float64Array(MOVES.length);

/**
 * ln Σ exp(terms[k]), given their maximum and where it is: one logarithm per cell, and no
 * exponential for the maximum (exp(0) is 1). Adding the moves in one at a
 * time (`x + log1p(exp(y − x))` per move) took a logarithm per move and was 3.7% of a steady
 * profile of `ecall analyze`; the sum is the same but for the last bits.
 */
function logSum(xs: Float64Array, top: number, at: number): number {
  if (top === Number.NEGATIVE_INFINITY) return top;
  let sum = 0;
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k] as number;
    // exp(top − top) is 1: one exponential fewer per cell, and the same sum.
    if (k === at) sum += 1;
    else if (x !== Number.NEGATIVE_INFINITY) sum += Math.exp(x - top);
  }
  return top + Math.log(sum);
}
