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
import { InPlaceText, normalizeLazily, sourceSpanOf, type Normalized } from '../lang/normalize.js';
import { isSpace } from '../lang/chars.js';
import type { ScriptCounts } from '../lang/script.js';
import { sentenceRanges } from '../lang/sentences.js';
import type { Lang, Span } from '../model.js';
import { isHanAt, isHSpace, isLatinAt } from '../quantity/chars.js';
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
  const norm = normalizeLazily(text, span);
  const sentences: TableSentence[] = [];
  for (const { start, end, counts } of sentenceRanges(norm.text)) {
    sentences.push({ text: norm.text.slice(start, end), start, end, span: sourceSpanOf(norm, { start, end }), counts });
  }
  return { span: { start: span.start, end: span.end }, norm, sentences };
}

export interface TableOptions {
  /**
   * `extractQuantities(source.text).quantities` (the whole text, no options), when the caller
   * has it anyway: the quantities document of `ecall analyze` runs exactly that. A sentence's
   * quantities are then read from it by offset instead of extracting the sentence again;
   * see `fromWhole` for when that is the same and what happens otherwise.
   */
  quantities?: readonly QuantityFound[];
}

/** A quantity of the whole text, placed in a sentence; `lang` null when the sentence's language decides it. */
interface Placed {
  q: QuantityFound;
  lang: Lang | null;
}

/** An empty table for `source.text`; paragraphs and quantities are computed on first use. */
export function sentenceTable(source: { text: string }, opts: TableOptions = {}): SentenceTable {
  const text = source.text;
  const whole = opts.quantities;
  // Keyed by start; a span with another end (never a paragraph of this transcript) is read
  // without caching.
  const paragraphs = new Map<number, TableParagraph>();
  // By language and text: a sentence said twice (`Thank you.`, a line repeated in each
  // segment's review) is extracted once. In the benchmark's generated calls 246 of 420
  // aligned sentences repeat one before them. One map per language, keyed by the text itself:
  // a concatenated key would be a new string, hashed again at every lookup.
  const quantitiesZh = new Map<string, readonly QuantityFound[]>();
  const quantitiesEn = new Map<string, readonly QuantityFound[]>();
  // Sentences whose quantities the whole-text extraction gives, by text.
  const placed = new Map<string, Placed[]>();
  return {
    text,
    paragraph(span: Span): TableParagraph {
      const hit = paragraphs.get(span.start);
      if (hit !== undefined && hit.span.end === span.end) return hit;
      const p = readParagraph(text, span);
      if (hit === undefined) paragraphs.set(span.start, p);
      if (whole !== undefined) fromWhole(text, p, whole, placed);
      return p;
    },
    quantities(t: string, lang: Lang): readonly QuantityFound[] {
      const quantities = lang === 'zh' ? quantitiesZh : quantitiesEn;
      let q = quantities.get(t);
      if (q === undefined) {
        const list = placed.get(t);
        q = list !== undefined ? list.map((x) => (x.q.lang === (x.lang ?? lang) ? x.q : { ...x.q, lang: x.lang ?? lang })) : extractQuantities(t, { lang }).quantities;
        quantities.set(t, q);
      }
      return q;
    },
  };
}

/**
 * Scratch for unitAt's inverse map (paragraphs up to 4096 code units; read only within the
 * call). A new filled Int32Array per paragraph (103 samples) was fromWhole's top line; with
 * the map built in scratch and only when a quantity is to be placed, its self time in a warm
 * profile of 4 x 50 generated calls went from 138 to 46 ms.
 */
const INV_SCRATCH = new Int32Array(4096);

/**
 * Source offset → index in the normalised paragraph of the first unit that came from it, or -1.
 * For a paragraph normalised in place that is a subtraction; otherwise the map is inverted
 * on first use.
 */
function unitAt(p: TableParagraph): (o: number) => number {
  const norm = p.norm;
  if (norm instanceof InPlaceText) {
    const end = norm.first + norm.text.length;
    return (o) => (o >= norm.first && o < end ? o - norm.first : -1);
  }
  const base = p.span.start;
  const len = Math.max(0, p.span.end - base);
  let inv: Int32Array | null = null;
  const build = (): Int32Array => {
    const a = len <= INV_SCRATCH.length ? INV_SCRATCH.subarray(0, len) : new Int32Array(len);
    a.fill(-1);
    const map = norm.map;
    for (let k = 0; k < map.length - 1; k++) {
      const o = (map[k] as number) - base;
      if (o >= 0 && o < len && a[o] === -1) a[o] = k;
    }
    return a;
  };
  return (o) => (o >= base && o < p.span.end ? ((inv ??= build())[o - base] as number) : -1);
}

/**
 * The quantities of each sentence of `p`, read from the whole text's extraction instead of
 * extracting the sentence again (in `ecall analyze` each 50 KB call went through the quantity
 * stage twice: once whole for the quantities document, ~4 ms, and once sentence by sentence
 * for the aligner and metrics, 3-5 ms).
 *
 * The quantity stage reads its text through a compact view whatever the spacing, and a
 * quantity's fields come from its own span, so a quantity found inside a sentence of the
 * whole text is the one found in the sentence alone, with its span moved into the normalised
 * sentence. Checked on every sentence of the fixtures, the shared corpus and 200 generated
 * calls (173,508 sentence and language pairs of the generated calls alone): identical except
 * where a sentence is left to its own extraction here, which is when
 * - its blanks are not all single spaces and single line feeds (see `sameBlanks`);
 * - a quantity of the whole text crosses the sentence's edge, or an end of it does not fall on
 *   a character of the normalised sentence;
 * - a quantity's language would come from characters next to it across a space the compact
 *   view removes (digits split by a recogniser): computed below otherwise, exactly as
 *   `extractQuantities` does (its own letters, then Han neighbours, then the sentence's language).
 */
function fromWhole(text: string, p: TableParagraph, whole: readonly QuantityFound[], placed: Map<string, Placed[]>): void {
  const base = p.span.start;
  const at = unitAt(p);
  // First quantity that ends after the paragraph starts.
  let lo = 0;
  let hi = whole.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((whole[mid] as QuantityFound).span.end <= base) lo = mid + 1;
    else hi = mid;
  }
  // In place, every blank of the paragraph is a space or a line feed standing alone.
  const plainBlanks = p.norm instanceof InPlaceText;
  for (const s of p.sentences) {
    // Quantities are in text order and do not overlap, so those that end before this sentence
    // ended before every later one too: the scan moves on instead of starting again at the
    // paragraph's first quantity for each sentence (over 200 generated calls, 179,381 quantities
    // looked at before, 88,541 now: a small saving, but no longer quadratic in a long paragraph).
    while (lo < whole.length && (whole[lo] as QuantityFound).span.end <= s.span.start) lo++;
    if (placed.has(s.text)) continue;
    let ok = plainBlanks || sameBlanks(text, s.span);
    const list: Placed[] = [];
    for (let k = lo; k < whole.length && ok; k++) {
      const q = whole[k] as QuantityFound;
      if (q.span.start >= s.span.end) break;
      if (q.span.end <= s.span.start) continue;
      if (q.span.start < s.span.start || q.span.end > s.span.end) {
        ok = false;
        break;
      }
      const a = at(q.span.start);
      const b = at(q.span.end - 1);
      const na = at(q.numberSpan.start);
      const nb = at(q.numberSpan.end - 1);
      if (a < s.start || b < a || b >= s.end || na < s.start || nb < na || nb >= s.end) {
        ok = false;
        break;
      }
      const span = { start: a - s.start, end: b + 1 - s.start };
      const lang = langAt(s.text, span.start, span.end);
      if (lang === undefined) {
        ok = false;
        break;
      }
      // A spread, not the fields one by one: the copy then keeps q's shape, and the aligner and
      // metrics read objects of the shapes extractQuantities makes. A literal of its own was
      // cheaper here but doubled the shapes they met (analyze over 10 generated calls, callgrind
      // per round, node --single-threaded: 1392 -> 1622 M instructions).
      const local: QuantityFound = { ...q, span, text: s.text.slice(span.start, span.end), numberSpan: { start: na - s.start, end: nb + 1 - s.start } };
      list.push({ q: local, lang });
    }
    if (ok) placed.set(s.text, list);
  }
}

/**
 * Whether the blanks of `span` read the same in the whole text's compact view as in the
 * normalised sentence: each a single space or a single line feed between two non-blanks. The
 * normaliser turns every blank run into one space; the compact view reads a line feed inside a
 * paragraph as a space (Zillow's `$27` / `million` is one figure both ways) but keeps other
 * blanks as they are, so `$5\r\nbn`, `$5 \nbn` or `$5\tbn` is `$5` in the whole text and `$5 bn`
 * (5 billion) in the sentence.
 */
function sameBlanks(text: string, span: Span): boolean {
  let prevBlank = false;
  for (let i = span.start; i < span.end; i++) {
    const c = text.charCodeAt(i);
    const blank = isSpace(c);
    if (blank && (prevBlank || (c !== 32 && c !== 10))) return false;
    prevBlank = blank;
  }
  return true;
}

/**
 * `langOf` of the quantity stage on a sentence: Han in the quantity → zh, else a Latin letter
 * → en, else Han two before or two after → zh, else null (the sentence's language). Undefined
 * when a space the compact view could remove (between digits, or a dot and a digit) sits near
 * the quantity, since the neighbours would then not be these characters.
 */
function langAt(t: string, a: number, b: number): Lang | null | undefined {
  for (let i = Math.max(1, a - 4); i < Math.min(t.length - 1, b + 4); i++) {
    if (!isHSpace(t.charCodeAt(i))) continue;
    const before = t.charCodeAt(i - 1);
    const after = t.charCodeAt(i + 1);
    if (((before >= 48 && before <= 57) || before === 46 || before === 37 || isHSpace(before)) && ((after >= 48 && after <= 57) || after === 37 || isHSpace(after))) return undefined;
  }
  let latin = false;
  for (let i = a; i < b; i++) {
    if (isHanAt(t, i)) return 'zh';
    if (isLatinAt(t, i)) latin = true;
  }
  if (latin) return 'en';
  for (const i of [a - 1, a - 2, b, b + 1]) if (isHanAt(t, i)) return 'zh';
  return null;
}

/** The table a stage should use: the one given when it reads the same text, else a new one. */
export function tableFor(source: { text: string }, given: SentenceTable | undefined): SentenceTable {
  return given !== undefined && given.text === source.text ? given : sentenceTable(source);
}
