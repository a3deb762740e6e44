import type { Diagnostic, Lang, Quantity, Span } from '../model.js';
import type { SentenceTable } from '../pipeline/sentences.js';

/**
 * How many sentences of each side a bead joins: `zh-en`. `1-0` is Chinese the interpreter
 * dropped, `0-1` English with no source in the transcript (added, or rendering something the
 * recogniser missed).
 */
export type BeadKind = '1-1' | '1-2' | '2-1' | '2-2' | '1-0' | '0-1';

/** One bead: the sentences of both sides that say the same thing. */
export interface Segment {
  /** Normalised Chinese sentence text, joined with no separator; '' for `0-1`. */
  zh: string;
  /** Normalised English sentence text, joined with a space; '' for `1-0`. */
  en: string;
  /** Confidence in 0..1: the posterior probability of this bead among all alignments of the pair. */
  score: number;
  /** From the first character of the first sentence to the last of the last; null when that side is empty. */
  zhSpan: Span | null;
  enSpan: Span | null;
  kind: BeadKind;
  /** Indices into the pair's `zhSentences` / `enSentences`. */
  zhIndex: number[];
  enIndex: number[];
  /** What the bead rests on (in nats; higher is better), for display and debugging. */
  evidence: BeadEvidence;
}

export interface BeadEvidence {
  /** Gale–Church log-probability of the two lengths (0 for `1-0` / `0-1`). */
  length: number;
  /** Bonus from figures found on both sides. */
  numbers: number;
  /** Bonus from shared Latin tokens and glossary terms. */
  tokens: number;
  /** Figures matched, as written: `十八点四亿元 = RMB 1.84 billion`. */
  matched: string[];
}

/** A sentence the aligner works on, and where it came from. */
export interface AlignSentence {
  text: string;
  span: Span;
  lang: Lang;
  turn: number;
}

export interface AlignedPair {
  /** The turn that holds the Chinese passage (for an English original translated in the same turn, that turn). */
  zhTurn: number;
  /** The turns holding the English: the interpreter's, and the Chinese turn itself for a self-translating speaker. */
  enTurns: number[];
  /** Which side was spoken first: `zh` for an interpreted Chinese passage, `en` for a translated English one. */
  original: Lang;
  zhSentences: AlignSentence[];
  enSentences: AlignSentence[];
  segments: Segment[];
}

export type UnpairedReason =
  /** A Chinese turn no interpreter rendered. */
  | 'not-interpreted'
  /** English by a speaker who otherwise speaks Chinese, rendered by nobody: its original was not transcribed. */
  | 'original-not-transcribed'
  /** An interpreter turn with no original before it. */
  | 'interpretation-without-original'
  /** A short aside inside someone's turn (`需 要.`, `先 把 这 个 翻 译 了.`). */
  | 'interjection';

export interface Unpaired {
  turn: number;
  lang: Lang | 'mixed';
  reason: UnpairedReason;
  /** The same in words, for a table. */
  note: string;
  span: Span;
}

export interface Alignment {
  pairs: AlignedPair[];
  unpaired: Unpaired[];
  diagnostics: Diagnostic[];
}

/**
 * Finds the quantities of a normalised sentence: the quantity stage's `extractQuantities`
 * fits. Only `value`, `unit`, `approx` and `text` are used.
 */
export type QuantityExtractor = (text: string, opts: { lang: Lang }) => readonly Quantity[];

export interface GlossaryEntry {
  zh: readonly string[];
  en: readonly string[];
}

export interface AlignOptions {
  /** Number evidence; default: the quantity stage. */
  quantities?: QuantityExtractor;
  /** Replaces the built-in glossary of financial and business terms. */
  glossary?: readonly GlossaryEntry[];
  /** English characters per Chinese character; default: estimated from the document's pairs. */
  ratio?: number;
  /**
   * The document's sentence table (`sentenceTable(source)`), shared with the metrics stage so
   * that paragraphs are normalised and sentences extracted once; default: a table of its own.
   */
  sentences?: SentenceTable;
}
