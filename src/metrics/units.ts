/**
 * The sentences the metrics stage reads: those of turns that speak for the company
 * (executives, IR, the interpreters of their turns, unknown speakers of a briefing), each
 * normalised (`十 八 点 四 亿 元` → `十八点四亿元`) with its quantities and a way back to the
 * source. Operators and analysts are left out: an analyst's "the gross margin has achieved
 * above 20%" is a question, not the company's figure.
 */
import type { Lang, Span, Transcript, Turn } from '../model.js';
import { toSourceSpan } from '../lang/normalize.js';
import { langShare, type ScriptCounts } from '../lang/script.js';
import { tableFor, type SentenceTable } from '../pipeline/sentences.js';
import type { QuantityFound } from '../quantity/types.js';

export interface Unit {
  turn: Turn;
  /** Index of the paragraph in the turn. */
  paragraph: number;
  /** Index of the sentence in the paragraph. */
  index: number;
  text: string;
  lang: Lang;
  /** Quantities with spans local to `text` (shared with the aligner: read only). */
  quantities: readonly QuantityFound[];
  /** Maps a span of `text` to the source. */
  toSource(span: Span): Span;
  /** The sentence in the source. */
  span: Span;
}

function speaksForCompany(t: Turn, byN: ReadonlyMap<number, Turn>): boolean {
  if (t.role === 'operator' || t.role === 'analyst') return false;
  if (t.role === 'interpreter' && t.interprets !== null) {
    const orig = byN.get(t.interprets);
    return !orig || (orig.role !== 'analyst' && orig.role !== 'operator');
  }
  return true;
}

function sentenceLang(counts: ScriptCounts): Lang {
  const share = langShare(counts);
  return share.zh >= share.en && share.zh > 0 ? 'zh' : 'en';
}

const NONE: readonly QuantityFound[] = [];

/** `table`: the document's sentences, shared with the aligner (see src/pipeline/sentences.ts). */
export function readUnits(source: { text: string }, transcript: Transcript, table?: SentenceTable): Unit[] {
  const sentences = tableFor(source, table);
  const byN = new Map(transcript.turns.map((t) => [t.n, t]));
  const out: Unit[] = [];
  for (const turn of transcript.turns) {
    if (!speaksForCompany(turn, byN)) continue;
    turn.paragraphs.forEach((p, pi) => {
      const { norm, sentences: list } = sentences.paragraph(p);
      let si = 0;
      for (const { text, start: s, span, counts } of list) {
        const lang = sentenceLang(counts);
        // Sentences without figures still count: "Moving on to enterprise cloud services." sets the topic.
        const quantities = /[0-9零一二两三四五六七八九十百千万亿]/.test(text) ? sentences.quantities(text, lang) : NONE;
        const toSource = (x: Span): Span => toSourceSpan(norm.map, { start: s + x.start, end: s + x.end });
        out.push({ turn, paragraph: pi, index: si++, text, lang, quantities, toSource, span });
      }
    });
  }
  return out;
}
