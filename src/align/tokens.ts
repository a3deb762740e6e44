import { isLatinCode } from '../quantity/chars.js';
import { englishForms, englishTerms, type EnglishForms } from './en-terms.js';
import type { GlossaryEntry } from './types.js';
import { chineseForms, chineseTerms, type ChineseForms } from './zh-terms.js';

/**
 * Shared-token evidence: Latin words inside Chinese (`AI`, `CDN`, `WPS`, `MaaS`, `Xiaomi`,
 * `RMB 1.16 billion`) found again in the English, and glossary terms whose Chinese and English
 * forms appear on the two sides. Each sentence is reduced to a set of keys once; a bead's
 * evidence is the weighted overlap of its sides' sets.
 */

/**
 * Keys are numbers: a glossary term is its entry's index, a Latin word (stemmed, lower case)
 * the number the document's vocabulary gives it, counting on from the last entry's. Numbers
 * rather than `w:<word>` / `g:<index>` strings: every sentence built a new string per word,
 * and the sets and weight maps of every passage hashed them again.
 */
export type TokenSet = ReadonlySet<number>;

/** Latin words of one document → their keys (see TokenSet); dropped with the document. */
export type Vocabulary = Map<string, number>;

function wordKey(w: string, glossary: CompiledGlossary, vocab: Vocabulary): number {
  let k = vocab.get(w);
  if (k === undefined) vocab.set(w, (k = glossary.entries.length + vocab.size));
  return k;
}

/**
 * The keys of a text's words (the matches of `[A-Za-z][A-Za-z0-9&+]*` in turn, as `matchAll`
 * finds them: first occurrence first), less the stop words. Read by code unit rather than by
 * `matchAll`, which made a match object per word: the aligner's instructions per round over
 * 10 generated calls 182 -> 176 M.
 */
function wordKeys(text: string, glossary: CompiledGlossary, vocab: Vocabulary): Set<number> {
  const out = new Set<number>();
  const n = text.length;
  let p = 0;
  while (p < n) {
    if (!isLatinCode(text.charCodeAt(p))) {
      p++;
      continue;
    }
    let q = p + 1;
    while (q < n && isWordCode(text.charCodeAt(q))) q++;
    const w = stem(text.slice(p, q));
    if (!STOP.has(w)) out.add(wordKey(w, glossary, vocab));
    p = q;
  }
  return out;
}

/** `[A-Za-z0-9&+]`. */
const isWordCode = (c: number): boolean => isLatinCode(c) || (c >= 48 && c <= 57) || c === 0x26 || c === 0x2b;

/** Words too common to say anything on their own. */
const STOP = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'to', 'in', 'on', 'for', 'is', 'it', 'we', 'ok', 'okay', 'so', 'uh', 'um', 'er']);

/** `GPUs` → `gpu`, `customers` → `customer`: enough stemming to meet a word inside Chinese. */
function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

export interface CompiledGlossary {
  entries: ReadonlyArray<{ zh: readonly string[]; en: RegExp }>;
  /**
   * The Chinese forms by their first code unit, compared where a sentence has it (see
   * zh-terms.ts). Trying all 100 entries on every sentence was 119 of 4,552 ms of a warm
   * profile of 4 x 50 generated calls.
   */
  zhForms: ChineseForms;
  /** The English forms by their first two letters, matched at word starts (see en-terms.ts). */
  enForms: EnglishForms;
}

/**
 * Compiled once per glossary array (the built-in one, or one a caller passes and does not
 * change afterwards): compiling 100 patterns and two indexes per call cost 0.26 ms of each
 * benchmark call. The patterns have no `g` flag, so sharing them keeps no state between calls.
 */
const compiled = new WeakMap<readonly GlossaryEntry[], CompiledGlossary>();

export function compileGlossary(glossary: readonly GlossaryEntry[]): CompiledGlossary {
  let c = compiled.get(glossary);
  if (c === undefined) compiled.set(glossary, (c = compile(glossary)));
  return c;
}

function compile(glossary: readonly GlossaryEntry[]): CompiledGlossary {
  const entries = glossary.map((g) => ({
    zh: g.zh,
    // A word prefix: `customer` finds `customers`, `strateg` finds `strategy`/`strategic`.
    en: new RegExp(`(?:^|[^a-z0-9])(?:${g.en.map(escape).join('|')})`, 'i'),
  }));
  return {
    entries,
    zhForms: chineseForms(glossary.map((g) => g.zh)),
    enForms: englishForms(
      glossary.map((g) => g.en),
      entries.map((e) => e.en),
    ),
  };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ -]/g, '[ -]');
}

/** A sentence's keys: its Latin words (first occurrence first), then its glossary terms. */
export function zhTokens(text: string, glossary: CompiledGlossary, vocab: Vocabulary = new Map()): Set<number> {
  const out = wordKeys(text, glossary, vocab);
  for (const k of chineseTerms(text, glossary.zhForms)) out.add(k);
  return out;
}

export function enTokens(text: string, glossary: CompiledGlossary, vocab: Vocabulary = new Map()): Set<number> {
  const out = wordKeys(text, glossary, vocab);
  for (const k of englishTerms(text, glossary.enForms)) out.add(k);
  return out;
}

/**
 * The Latin words of a document's Chinese sentences, for reading its English ones: a word
 * counts as evidence only when both sides of a bead hold it (`weightedKeys` weighs only the
 * keys of a Chinese set that the English also holds), and Chinese sentences hold few Latin
 * words (`AI`, `CDN`, `RMB`). `lengths[c]` has bit L set when a word of the vocabulary starts
 * with letter c (a = 0) and has length L (30 for 30 and more), so most English words are
 * passed over without a string made for them.
 */
export interface KnownWords {
  vocab: Vocabulary;
  lengths: Uint32Array;
}

/** The words `vocab` holds now (the aligner reads every Chinese sentence before any English one). */
export function knownWords(vocab: Vocabulary): KnownWords {
  const lengths = new Uint32Array(26);
  for (const w of vocab.keys()) {
    const c = w.charCodeAt(0) - 97;
    if (c >= 0 && c < 26) lengths[c] = (lengths[c] as number) | (1 << Math.min(w.length, 30));
  }
  return { vocab, lengths };
}

/**
 * `enTokens` less the words the Chinese never holds: the same keys where they meet a Chinese
 * set, so the same evidence and weights. Nothing is added to the vocabulary.
 */
export function enTokensKnown(text: string, glossary: CompiledGlossary, known: KnownWords): Set<number> {
  const out = new Set<number>();
  const { vocab, lengths } = known;
  const n = text.length;
  let p = 0;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (!isLatinCode(c)) {
      p++;
      continue;
    }
    let q = p + 1;
    while (q < n && isWordCode(text.charCodeAt(q))) q++;
    // The length `stem` will give: a plural s of a word over three letters goes, not a double s.
    let len = q - p;
    if (len > 3 && (text.charCodeAt(q - 1) | 0x20) === 0x73 && (text.charCodeAt(q - 2) | 0x20) !== 0x73) len--;
    if (((lengths[(c | 0x20) - 97] as number) & (1 << Math.min(len, 30))) !== 0) {
      const k = vocab.get(stem(text.slice(p, q)));
      if (k !== undefined) out.add(k);
    }
    p = q;
  }
  for (const k of englishTerms(text, glossary.enForms)) out.add(k);
  return out;
}

/** The keys of one Chinese sentence that a block's English also holds, with their weights. */
export interface WeightedKeys {
  /** In the set's order (the order of the sums over them). */
  keys: number[];
  weights: number[];
}

/**
 * The weighted keys of each Chinese set of a block. Weight of a key: rare keys say more.
 * `idf = ln((N + 1) / (df + 0.5))` over the block's English sentences, so `AI` in every
 * sentence of the AI paragraph weighs little and `PingCAP` once weighs much. Only keys the
 * English holds are weighted.
 *
 * The counts are kept in arrays indexed by key (a document's keys are small numbers, see
 * TokenSet), zeroed again before returning: three maps per block, filled and thrown away, were
 * 394 of 6,784 ms of a warm profile of the aligner alone on 10 generated calls.
 */
export function weightedKeys(enSets: readonly TokenSet[], zhSets: readonly TokenSet[]): WeightedKeys[] {
  const enDf = countKeys(enSets, 0);
  const zhDf = countKeys(zhSets, 1);
  const n = Math.max(enSets.length, zhSets.length);
  const out = zhSets.map((s) => {
    const keys: number[] = [];
    const weights: number[] = [];
    for (const k of s) {
      const d = enDf[k] as number;
      if (d === 0) continue;
      keys.push(k);
      weights.push(Math.min(MAX_WEIGHT, Math.max(MIN_WEIGHT, Math.log((n + 1) / (Math.max(d, zhDf[k] as number) + 0.5)))));
    }
    return { keys, weights };
  });
  for (const s of enSets) for (const k of s) enDf[k] = 0;
  for (const s of zhSets) for (const k of s) zhDf[k] = 0;
  return out;
}

const MIN_WEIGHT = 0.15;
const MAX_WEIGHT = 2;

/** Two arrays of counts by key for `weightedKeys`, all zero between calls; grown as keys need. */
const counts = [new Int32Array(1024), new Int32Array(1024)];

/** How many of `sets` hold each key, in counts[`which`]. */
function countKeys(sets: readonly TokenSet[], which: 0 | 1): Int32Array {
  let df = counts[which] as Int32Array;
  for (const s of sets) {
    for (const k of s) {
      if (k >= df.length) {
        const grown = new Int32Array(Math.max(2 * df.length, k + 1));
        grown.set(df);
        counts[which] = df = grown;
      }
      df[k] = (df[k] as number) + 1;
    }
  }
  return df;
}
