import { lengthLogProb, measure, type Lengths } from './length.js';
import { matchFigures, toFigure, type Figure } from './numbers.js';
import { enTokens, tokenWeights, zhTokens, type CompiledGlossary, type TokenSet } from './tokens.js';
import type { AlignSentence, BeadEvidence, BeadKind, QuantityExtractor } from './types.js';

/**
 * Prior cost (nats) of each kind of bead. Interpreters split long Chinese sentences and merge
 * short ones more often than translators, and add or drop whole sentences (the Kingsoft
 * enterprise-cloud interpretation runs on about storage, big data and PingCAP with no Chinese
 * source), so the splits and the empty beads get more weight than Gale and Church's
 * (0.89 / 0.089 / 0.011 / 0.0099).
 */
const PRIOR: Record<BeadKind, number> = {
  '1-1': -Math.log(0.6),
  '1-2': -Math.log(0.13),
  '2-1': -Math.log(0.1),
  '2-2': -Math.log(0.03),
  '1-0': -Math.log(0.06),
  '0-1': -Math.log(0.07),
};

/** Shared tokens count this much per unit of weight (idf, at most 2). */
const TOKEN_FACTOR = 1;

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
    return { length, numbers: figures.score, tokens, matched: figures.matched };
  }

  return {
    evidence,
    cost(i, a, j, b, kind) {
      const e = evidence(i, a, j, b);
      return PRIOR[kind] - e.length - e.numbers - e.tokens;
    },
  };
}
