import { lengthLogProb, measure, type Lengths } from './length.js';
import { figureMatch, matchFigures, scoreFigures, toFigure, type Figure } from './numbers.js';
import { enTokens, tokenWeights, zhTokens, type CompiledGlossary, type TokenSet, type Vocabulary } from './tokens.js';
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

/** `vocab` is the document's: a word gets the same key in every sentence of both languages. */
export function features(s: AlignSentence, extract: QuantityExtractor, glossary: CompiledGlossary, vocab: Vocabulary): SentenceFeatures {
  return {
    lengths: measure(s.text),
    figures: extract(s.text, { lang: s.lang }).map(toFigure),
    tokens: s.lang === 'zh' ? zhTokens(s.text, glossary, vocab) : enTokens(s.text, glossary, vocab),
  };
}

export interface BlockScorer {
  cost(i: number, a: number, j: number, b: number, kind: BeadKind): number;
  evidence(i: number, a: number, j: number, b: number): BeadEvidence;
}

export function blockScorer(zh: readonly SentenceFeatures[], en: readonly SentenceFeatures[], ratio: number): BlockScorer {
  const weights = tokenWeights(
    en.map((f) => f.tokens),
    zh.map((f) => f.tokens),
  );
  // Everything below that depends on one sentence, or on one pair of sentences, is computed
  // once per block: the programme asks for the evidence of every bead of every cell, and on the
  // 50-transcript benchmark corpus `evidence` was the largest self time (833 of 10,914 ms),
  // most of it slices, flatMaps and `zh.indexOf` inside `shares` (O(n) per call).
  const zhLen = zh.map((f) => f.lengths.han * ratio + f.lengths.other);
  const enLen = en.map((f) => f.lengths.han + f.lengths.other);
  /** The weighted tokens of each Chinese sentence, in the set's order (the order of the sum). */
  const zhWeighted = zh.map((z) => {
    const out: Array<{ k: number; w: number }> = [];
    for (const k of z.tokens) {
      const w = weights.get(k);
      if (w !== undefined) out.push({ k, w });
    }
    return out;
  });

  function evidence(i: number, a: number, j: number, b: number): BeadEvidence {
    if (a === 0 || b === 0) return { length: 0, numbers: 0, tokens: 0, matched: [] };
    const figures = matchFigures(figuresOf(zh, i, a), figuresOf(en, j, b), match);
    return { length: lengthOf(i, a, j, b), numbers: figures.score - UNMATCHED_FIGURE * figures.unmatched, tokens: tokensOf(i, a, j, b), matched: figures.matched };
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
    const seen = a > 1 ? new Set<number>() : null;
    for (let t = i; t < i + a; t++) {
      for (const { k, w } of zhWeighted[t] as Array<{ k: number; w: number }>) {
        if (seen?.has(k)) continue;
        let found = false;
        for (let u = j; u < j + b && !found; u++) found = (en[u] as SentenceFeatures).tokens.has(k);
        if (!found) continue;
        seen?.add(k);
        tokens += w * TOKEN_FACTOR;
      }
    }
    let bare = 0;
    for (let t = i; t < i + a; t++) {
      let any = false;
      for (let u = j; u < j + b && !any; u++) any = link[t]?.[u] === true;
      if (!any) bare++;
    }
    for (let u = j; u < j + b; u++) {
      let any = false;
      for (let t = i; t < i + a && !any; t++) any = link[t]?.[u] === true;
      if (!any) bare++;
    }
    return tokens - NO_EVIDENCE.value * bare;
  }

  // Figure against figure, computed once per block: the programme meets each pair in many beads.
  const memo = new Map<Figure, Map<Figure, number>>();
  const match = (f: Figure, g: Figure): number => {
    let row = memo.get(f);
    if (!row) memo.set(f, (row = new Map()));
    let v = row.get(g);
    if (v === undefined) row.set(g, (v = figureMatch(f, g)));
    return v;
  };
  /**
   * Which sentence pairs share something: a weighted token or a matching figure. A sentence of
   * a bead is bare when it shares nothing with any sentence of the other side.
   */
  const link = zh.map((z, t) =>
    en.map((e) => {
      for (const { k } of zhWeighted[t] as Array<{ k: number }>) if (e.tokens.has(k)) return true;
      return z.figures.some((f) => e.figures.some((g) => match(f, g) > 0));
    }),
  );

  return {
    evidence,
    cost(i, a, j, b, kind) {
      if (a === 0 || b === 0) return PRIOR[kind] - 0 - 0 - 0;
      // The cost needs the score of the figures, not the `matched` strings `evidence` builds.
      const figures = scoreFigures(figuresOf(zh, i, a), figuresOf(en, j, b), match);
      return PRIOR[kind] - lengthOf(i, a, j, b) - (figures.score - UNMATCHED_FIGURE * figures.unmatched) - tokensOf(i, a, j, b);
    },
  };
}

/** The figures of sentences `i .. i + a - 1`, in order (no copy for one sentence). */
function figuresOf(fs: readonly SentenceFeatures[], i: number, a: number): readonly Figure[] {
  if (a === 1) return (fs[i] as SentenceFeatures).figures;
  const out: Figure[] = [];
  for (let t = i; t < i + a; t++) out.push(...(fs[t] as SentenceFeatures).figures);
  return out;
}
