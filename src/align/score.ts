import { lengthLogProb, measure, type Lengths } from './length.js';
import { figureGrid, toFigure, type Figure } from './numbers.js';
import { enTokens, enTokensKnown, weightedKeys, zhTokens, type CompiledGlossary, type KnownWords, type TokenSet, type Vocabulary, type WeightedKeys } from './tokens.js';
import type { AlignSentence, BeadEvidence, BeadKind, QuantityExtractor } from './types.js';

/**
 * Prior cost (nats) of each kind of bead. Interpreters split long Chinese sentences and merge
 * short ones more often than translators, and add or drop whole sentences (the Kingsoft
 * enterprise-cloud interpretation runs on about storage, big data and PingCAP with no Chinese
 * source), so the splits and the empty beads get more weight than Gale and Church's
 * (0.89 / 0.089 / 0.011 / 0.0099); the weights sum to 1.
 */
const PRIOR: Record<BeadKind, number> = {
  '1-1': -Math.log(0.55),
  '1-2': -Math.log(0.12),
  '2-1': -Math.log(0.1),
  '2-2': -Math.log(0.03),
  '1-0': -Math.log(0.1),
  '0-1': -Math.log(0.1),
};
export const PRIORS = PRIOR;

/** Shared tokens count this much per unit of weight (idf, at most 2). */
const TOKEN_FACTOR = 1;

/**
 * Cost of a figure left without a partner inside a bead (per unit of informativeness). An
 * interpreter who adds `Our engineering team now has more than 1,100 people.` after a
 * rendered sentence gives an English figure nothing in the Chinese matches: that sentence is
 * better left alone as `0-1` than glued on. Small, because interpreters also drop figures.
 */
const UNMATCHED_FIGURE = 1.5;

/**
 * Cost of a sentence that shares nothing (no figure, no token, no glossary term) with the
 * other side of its bead. Length alone cannot tell a dropped sentence from a rendered one:
 * `这些成绩离不开全体员工的努力。` (dropped) sits as well beside `In overseas markets, we
 * opened offices in Singapore and Dubai.` as the right Chinese does; and an interpreter's
 * `Let me also say a few words about our customers.` is as easily glued to the last rendered
 * sentence as left alone. Small enough that a plain sentence with no anchors (`Thank you.`)
 * still pairs when the lengths agree.
 */
export const NO_EVIDENCE = { value: 1.5 };

export interface SentenceFeatures {
  lengths: Lengths;
  figures: Figure[];
  tokens: TokenSet;
}

/**
 * `vocab` is the document's: a word gets the same key in every sentence of both languages.
 * With `known` (the words of every Chinese sentence, read first), an English sentence keeps
 * only the words a Chinese one holds: the others can never be shared, and numbering each
 * was most of the English tokens' cost.
 */
export function features(s: AlignSentence, extract: QuantityExtractor, glossary: CompiledGlossary, vocab: Vocabulary, known?: KnownWords): SentenceFeatures {
  return {
    lengths: measure(s.text),
    figures: extract(s.text, { lang: s.lang }).map(toFigure),
    tokens: s.lang === 'zh' ? zhTokens(s.text, glossary, vocab) : known ? enTokensKnown(s.text, glossary, known) : enTokens(s.text, glossary, vocab),
  };
}

export interface BlockScorer {
  cost(i: number, a: number, j: number, b: number, kind: BeadKind): number;
  evidence(i: number, a: number, j: number, b: number): BeadEvidence;
}

export function blockScorer(zh: readonly SentenceFeatures[], en: readonly SentenceFeatures[], ratio: number): BlockScorer {
  // Everything below that depends on one sentence, or on one pair of sentences, is computed
  // once per block: the programme asks for the evidence of every bead of every cell, and on the
  // 50-transcript benchmark corpus `evidence` was the largest self time (833 of 10,914 ms),
  // most of it slices, flatMaps and `zh.indexOf` inside `shares` (O(n) per call).
  const zhLen = zh.map((f) => f.lengths.han * ratio + f.lengths.other);
  const enLen = en.map((f) => f.lengths.han + f.lengths.other);
  const m = en.length;
  /** The weighted tokens of each Chinese sentence, in the set's order (the order of the sum). */
  const zhWeighted = weightedKeys(
    en.map((f) => f.tokens),
    zh.map((f) => f.tokens),
  );
  /** Whether English sentence u holds weighted token p of Chinese sentence t: `held[t][p * m + u]`. */
  const held = zhWeighted.map(({ keys }) => {
    const row = new Uint8Array(keys.length * m);
    keys.forEach((k, p) => {
      for (let u = 0; u < m; u++) if ((en[u] as SentenceFeatures).tokens.has(k)) row[p * m + u] = 1;
    });
    return row;
  });

  // Figure against figure, computed once per block: the programme meets each pair in many beads.
  const figures = figureGrid(
    zh.map((f) => f.figures),
    en.map((f) => f.figures),
  );

  function evidence(i: number, a: number, j: number, b: number): BeadEvidence {
    if (a === 0 || b === 0) return { length: 0, numbers: 0, tokens: 0, matched: [] };
    const matched: string[] = [];
    const numbers = figures.score(i, a, j, b, UNMATCHED_FIGURE, matched);
    return { length: lengthOf(i, a, j, b), numbers, tokens: tokensOf(i, a, j, b), matched };
  }

  function lengthOf(i: number, a: number, j: number, b: number): number {
    let z = 0;
    for (let t = i; t < i + a; t++) z += zhLen[t] as number;
    let e = 0;
    for (let t = j; t < j + b; t++) e += enLen[t] as number;
    return lengthLogProb(z, e);
  }

  /** Shared weighted tokens, each counted once, less the cost of sentences that share nothing. */
  function tokensOf(i: number, a: number, j: number, b: number): number {
    let tokens = 0;
    for (let t = i; t < i + a; t++) {
      const { keys, weights } = zhWeighted[t] as WeightedKeys;
      const row = held[t] as Uint8Array;
      const before = t > i ? (inPrevious[t] as Uint8Array) : null;
      for (let p = 0; p < keys.length; p++) {
        let found = false;
        for (let u = j; u < j + b && !found; u++) found = row[p * m + u] === 1;
        if (!found || (before !== null && before[p] === 1)) continue;
        tokens += (weights[p] as number) * TOKEN_FACTOR;
      }
    }
    let bare = 0;
    for (let t = i; t < i + a; t++) {
      let any = false;
      for (let u = j; u < j + b && !any; u++) any = link[t * m + u] === 1;
      if (!any) bare++;
    }
    for (let u = j; u < j + b; u++) {
      let any = false;
      for (let t = i; t < i + a && !any; t++) any = link[t * m + u] === 1;
      if (!any) bare++;
    }
    return tokens - NO_EVIDENCE.value * bare;
  }

  /**
   * Whether the Chinese sentence before `t` holds weighted token p of `t`: `inPrevious[t][p]`.
   * A token the English of a bead shares with both of its Chinese sentences counts once (found
   * in the first, it was counted there); a bead's side has two sentences at most, so the
   * sentence before is the only one to ask, and it is asked once per block here instead of a
   * set lookup in every bead of every cell.
   */
  const inPrevious = zhWeighted.map(({ keys }, t) => {
    const flags = new Uint8Array(keys.length);
    const prev = t > 0 ? (zh[t - 1] as SentenceFeatures).tokens : null;
    if (prev !== null) for (let p = 0; p < keys.length; p++) if (prev.has(keys[p] as number)) flags[p] = 1;
    return flags;
  });

  /**
   * Which sentence pairs share something, `link[t * m + u]`: a weighted token or a matching
   * figure. A sentence of a bead is bare when it shares nothing with any sentence of the other side.
   */
  const link = new Uint8Array(zh.length * m);
  for (let t = 0; t < zh.length; t++) {
    const row = held[t] as Uint8Array;
    for (let u = 0; u < m; u++) {
      let any = false;
      for (let p = u; p < row.length && !any; p += m) any = row[p] === 1;
      if (any || figures.shares(t, u)) link[t * m + u] = 1;
    }
  }

  return {
    evidence,
    cost(i, a, j, b, kind) {
      if (a === 0 || b === 0) return PRIOR[kind] - 0 - 0 - 0;
      // The cost needs the score of the figures, not the `matched` strings `evidence` builds.
      return PRIOR[kind] - lengthOf(i, a, j, b) - figures.score(i, a, j, b, UNMATCHED_FIGURE) - tokensOf(i, a, j, b);
    },
  };
}
