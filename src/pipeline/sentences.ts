/**
 * One document's sentences, shared by the stages that read sentence by sentence.
 *
 * The aligner and the metrics stage both normalise every paragraph of speech, split it into
 * sentences and run the quantity stage on each sentence. Each did it on its own: per Kingsoft
 * call (warm, best of 15) align took 11.7 ms and metrics 7.9 ms, and the two repeated the same
 * `normalizeText`, `sentenceRanges` and `extractQuantities` calls on the same paragraphs.
 * `analyzeDocument` builds one table and hands it to both, so each paragraph is normalised
 * and split once and each sentence's quantities are extracted once.
 *
 * The table is filled as it is asked (the aligner skips interjections, metrics skips
 * operators and analysts), belongs to one document and is dropped with it, so memory does not
 * grow with a batch. Everything it returns is what the stages computed before, from the same
 * functions on the same input: sharing it changes no result.
 */
import { normalizeText, toSourceSpan, type Normalized } from '../lang/normalize.js';
import { countScripts, type ScriptCounts } from '../lang/script.js';
import { sentenceRanges } from '../lang/sentences.js';
import type { Lang, Span } from '../model.js';
import { extractQuantities } from '../quantity/index.js';
import type { QuantityFound } from '../quantity/types.js';

/** One sentence of a normalised paragraph. */
export interface TableSentence {
  /** Normalised (see `normalizeText`), blanks trimmed. */
  text: string;
  /** [start, end) in the paragraph's normalised text. */
  start: number;
  end: number;
  /** The sentence in the source. */
  span: Span;
  /** Han characters and Latin letters: what both stages read a sentence's language from. */
  counts: ScriptCounts;
}

export interface TableParagraph {
  span: Span;
  norm: Normalized;
  /** Every non-empty sentence of `sentenceRanges`, in order (none dropped). */
  sentences: TableSentence[];
}

export interface SentenceTable {
  /** The text the table reads; a stage given a table for another text ignores it. */
  readonly text: string;
  /** A paragraph (or any span) of the text, normalised and split, once per span. */
  paragraph(span: Span): TableParagraph;
  /** `extractQuantities(text, { lang }).quantities`, once per sentence text and language. Do not mutate. */
  quantities(text: string, lang: Lang): readonly QuantityFound[];
}

/** Splits a span of `text` into the table's sentences (no cache). */
export function readParagraph(text: string, span: Span): TableParagraph {
  const norm = normalizeText(text, span);
  const sentences: TableSentence[] = [];
  for (const [start, end] of sentenceRanges(norm.text)) {
    const t = norm.text.slice(start, end);
    sentences.push({ text: t, start, end, span: toSourceSpan(norm.map, { start, end }), counts: countScripts(t) });
  }
  return { span: { start: span.start, end: span.end }, norm, sentences };
}

/** An empty table for `source.text`; paragraphs and quantities are computed on first use. */
export function sentenceTable(source: { text: string }): SentenceTable {
  const text = source.text;
  // Keyed by start; a span with another end (never a paragraph of this transcript) is read
  // without caching.
  const paragraphs = new Map<number, TableParagraph>();
  // Keyed by language and text: a sentence said twice (`Thank you.`, a line repeated in each
  // segment's review) is extracted once. In the benchmark's generated calls 246 of 420
  // aligned sentences repeat one before them.
  const quantities = new Map<string, readonly QuantityFound[]>();
  return {
    text,
    paragraph(span: Span): TableParagraph {
      const hit = paragraphs.get(span.start);
      if (hit !== undefined && hit.span.end === span.end) return hit;
      const p = readParagraph(text, span);
      if (hit === undefined) paragraphs.set(span.start, p);
      return p;
    },
    quantities(t: string, lang: Lang): readonly QuantityFound[] {
      const key = lang === 'zh' ? `z${t}` : `e${t}`;
      let q = quantities.get(key);
      if (q === undefined) quantities.set(key, (q = extractQuantities(t, { lang }).quantities));
      return q;
    },
  };
}

/** The table a stage should use: the one given when it reads the same text, else a new one. */
export function tableFor(source: { text: string }, given: SentenceTable | undefined): SentenceTable {
  return given !== undefined && given.text === source.text ? given : sentenceTable(source);
}
