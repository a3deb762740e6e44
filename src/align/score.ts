import { lengthLogProb, measure, type Lengths } from './length.js';
import { figureMatch, matchFigures, toFigure, type Figure } from './numbers.js';
import { enTokens, tokenWeights, zhTokens, type CompiledGlossary, type TokenSet } from './tokens.js';
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

export function features(s: AlignSentence, extract: QuantityExtractor, glossary: CompiledGlossary): SentenceFeatures {
  return {
    lengths: measure(s.text),
    figures: extract(s.text, { lang: s.lang }).map(toFigure),
    tokens: s.lang === 'zh' ? zhTokens(s.text, glossary) : enTokens(s.text, glossary),
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
  const zhLen = (f: SentenceFeatures) => f.lengths.han * ratio + f.lengths.other;
  const enLen = (f: SentenceFeatures) => f.lengths.han + f.lengths.other;

  function evidence(i: number, a: number, j: number, b: number): BeadEvidence {
    if (a === 0 || b === 0) return { length: 0, numbers: 0, tokens: 0, matched: [] };
    const zs = zh.slice(i, i + a);
    const es = en.slice(j, j + b);
    const length = lengthLogProb(
      zs.reduce((s, f) => s + zhLen(f), 0),
      es.reduce((s, f) => s + enLen(f), 0),
    );
    const figures = matchFigures(
      zs.flatMap((f) => f.figures),
      es.flatMap((f) => f.figures),
      match,
    );
    let tokens = 0;
    const seen = new Set<string>();
    for (const z of zs) {
      for (const k of z.tokens) {
        if (seen.has(k)) continue;
        const w = weights.get(k);
        if (w === undefined || !es.some((e) => e.tokens.has(k))) continue;
        seen.add(k);
        tokens += w * TOKEN_FACTOR;
      }
    }
    let bare = 0;
    for (const z of zs) if (!shares(z, es, true)) bare++;
    for (const e of es) if (!shares(e, zs, false)) bare++;
    return { length, numbers: figures.score - UNMATCHED_FIGURE * figures.unmatched, tokens: tokens - NO_EVIDENCE.value * bare, matched: figures.matched };
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
  // Which sentence pairs share a matching figure.
  const figureLink = zh.map((z) => en.map((e) => z.figures.some((f) => e.figures.some((g) => match(f, g) > 0))));
  const linked = (z: SentenceFeatures, e: SentenceFeatures): boolean => figureLink[zh.indexOf(z)]?.[en.indexOf(e)] === true;

  /** Whether a sentence shares a weighted token or a matching figure with any of `others`. */
  function shares(s: SentenceFeatures, others: readonly SentenceFeatures[], isZh: boolean): boolean {
    for (const k of s.tokens) if (weights.has(k) && others.some((o) => o.tokens.has(k))) return true;
    return others.some((o) => (isZh ? linked(s, o) : linked(o, s)));
  }

  return {
    evidence,
    cost(i, a, j, b, kind) {
      const e = evidence(i, a, j, b);
      return PRIOR[kind] - e.length - e.numbers - e.tokens;
    },
  };
}
