import type { Diagnostic, Span, Transcript } from '../model.js';
import { tableFor } from '../pipeline/sentences.js';
import { extractQuantities } from '../quantity/index.js';
import { bestPath } from './dp.js';
import { GLOSSARY } from './glossary.js';
import { DEFAULT_RATIO, estimateRatio, type Lengths } from './length.js';
import { findPassages, type Block, type Passage } from './passages.js';
import { blockScorer, features, type SentenceFeatures } from './score.js';
import { compileGlossary, knownWords, type KnownWords, type Vocabulary } from './tokens.js';
import type { AlignedPair, AlignOptions, AlignSentence, Alignment, QuantityExtractor, Segment } from './types.js';
import { append } from '../arrays.js';

export type * from './types.js';
export { GLOSSARY } from './glossary.js';

/** The quantity stage, reduced to what the aligner needs. */
export const defaultQuantities: QuantityExtractor = (text, opts) => extractQuantities(text, opts).quantities;

/**
 * Pairs each Chinese passage with its interpretation (and an English original with its
 * translation), aligns their sentences into beads, and reports what has no counterpart.
 * Pure: the same transcript gives the same alignment.
 */
export function alignTranscript(source: { text: string }, transcript: Transcript, opts: AlignOptions = {}): Alignment {
  // The document's sentences and their quantities, shared with the metrics stage when the
  // caller passes the table (`analyzeDocument` does).
  const table = tableFor(source, opts.sentences);
  const extract: QuantityExtractor = opts.quantities ?? ((t, o) => table.quantities(t, o.lang));
  const glossary = compileGlossary(opts.glossary ?? GLOSSARY);
  const diagnostics: Diagnostic[] = [];
  const { passages, unpaired } = findPassages(table, transcript);
  // Features by language and text, for this document only: a sentence said twice (`Thank
  // you.`, an operator's line, a boilerplate sentence repeated in each segment's review) is
  // extracted and tokenised once. Dropped with the document, so memory does not grow with
  // the batch. In the benchmark's generated calls 246 of 420 aligned sentences repeat one
  // before them; in Kingsoft, 1 of 181.
  // One map per language, keyed by the sentence's own string: a key built by concatenation
  // was a new string each time, hashed over its whole length on every lookup.
  const vocab: Vocabulary = new Map();
  const seenZh = new Map<string, SentenceFeatures>();
  const seenEn = new Map<string, SentenceFeatures>();
  const featuresOf = (s: AlignSentence, known?: KnownWords): SentenceFeatures => {
    const seen = s.lang === 'zh' ? seenZh : seenEn;
    let f = seen.get(s.text);
    if (f === undefined) seen.set(s.text, (f = features(s, extract, glossary, vocab, known)));
    return f;
  };
  // Each block with its sentences' features, looked up once for both the ratio and the programme.
  // Every Chinese side first, so that the English sides need keep only the words a Chinese side
  // holds (see enTokensKnown): an English sentence has ~20 words, and numbering and storing
  // each was 6% of `ecall analyze` on generated calls. A sentence met on both sides (`Thank
  // you.` in a mixed turn and in its interpretation) was read first, whole, on the Chinese side.
  const zhSides = passages.map((p) => p.blocks.map((block) => block.zh.map((s) => featuresOf(s))));
  const known = knownWords(vocab);
  const featured = passages.map((p, k) => p.blocks.map((block, b) => ({ block, zh: zhSides[k]?.[b] ?? [], en: block.en.map((s) => featuresOf(s, known)) })));
  const ratio = opts.ratio ?? documentRatio(featured);
  if (opts.ratio === undefined && ratio === DEFAULT_RATIO && passages.length > 0) {
    diagnostics.push({ severity: 'info', rule: 'align-default-ratio', message: `too little paired text to estimate the length ratio; using ${DEFAULT_RATIO} English characters per Chinese character` });
  }
  const pairs = passages.map((p, k) => alignPassage(p, featured[k] as FeaturedBlock[], ratio));
  for (const pair of pairs) {
    const weak = pair.segments.filter((s) => s.score < 0.5 && s.zhIndex.length > 0 && s.enIndex.length > 0).length;
    if (weak * 2 > pair.segments.length && pair.segments.length >= 4) {
      diagnostics.push({
        severity: 'warning',
        rule: 'align-low-confidence',
        message: `turn ${pair.zhTurn} and turn(s) ${pair.enTurns.join(', ')}: most beads are uncertain; the interpretation may not render this passage`,
        span: spanOf(pair.zhSentences),
      });
    }
  }
  unpaired.sort((a, b) => a.span.start - b.span.start);
  return { pairs, unpaired, diagnostics };
}

/** A block and the features of its sentences, in order. */
interface FeaturedBlock {
  block: Block;
  zh: SentenceFeatures[];
  en: SentenceFeatures[];
}

/** The ratio from the lengths of every sentence (read from its features: each is measured once). */
function documentRatio(featured: ReadonlyArray<readonly FeaturedBlock[]>): number {
  const zh: Lengths[] = [];
  const en: Lengths[] = [];
  for (const blocks of featured) {
    for (const b of blocks) {
      for (const f of b.zh) zh.push(f.lengths);
      for (const f of b.en) en.push(f.lengths);
    }
  }
  return estimateRatio(zh, en);
}

function alignPassage(p: Passage, blocks: readonly FeaturedBlock[], ratio: number): AlignedPair {
  const zhSentences: AlignSentence[] = [];
  const enSentences: AlignSentence[] = [];
  const segments: Segment[] = [];
  for (const { block, zh, en } of blocks) {
    append(segments, alignBlock(block, zh, en, zhSentences.length, enSentences.length, ratio));
    append(zhSentences, block.zh);
    append(enSentences, block.en);
  }
  return { zhTurn: p.zhTurn, enTurns: p.enTurns, original: p.original, zhSentences, enSentences, segments };
}

function alignBlock(block: Block, zf: readonly SentenceFeatures[], ef: readonly SentenceFeatures[], zhOffset: number, enOffset: number, ratio: number): Segment[] {
  const scorer = blockScorer(zf, ef, ratio);
  const path = bestPath(block.zh.length, block.en.length, scorer.cost);
  return path.map((bead) => {
    const zs = block.zh.slice(bead.i, bead.i + bead.a);
    const es = block.en.slice(bead.j, bead.j + bead.b);
    return {
      zh: zs.map((s) => s.text).join(''),
      en: es.map((s) => s.text).join(' '),
      score: round(bead.posterior),
      zhSpan: zs.length > 0 ? spanOf(zs) : null,
      enSpan: es.length > 0 ? spanOf(es) : null,
      kind: bead.kind,
      zhIndex: zs.map((_, k) => zhOffset + bead.i + k),
      enIndex: es.map((_, k) => enOffset + bead.j + k),
      evidence: roundEvidence(scorer.evidence(bead.i, bead.a, bead.j, bead.b)),
    };
  });
}

function spanOf(sentences: readonly AlignSentence[]): Span {
  const first = sentences[0];
  const last = sentences[sentences.length - 1];
  return { start: first?.span.start ?? 0, end: last?.span.end ?? 0 };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function roundEvidence(e: Segment['evidence']): Segment['evidence'] {
  return { length: round(e.length), numbers: round(e.numbers), tokens: round(e.tokens), matched: e.matched };
}
