import type { Lang, Span } from '../model.js';
import { ALWAYS_CONTINUE, BEFORE_NUMBER, DOTTED, SENTENCE_OPENERS, USUALLY_CONTINUE } from './abbreviations.js';
import { isDigit, isLower, isSpace, isUpper } from './chars.js';
import { normalizeLazily, sourceSpanOf, type Normalized } from './normalize.js';
import { countScripts, isHan, isLatinLetter, langOf, langShare, type ScriptCounts } from './script.js';

export interface Sentence {
  /** Into the original text, without surrounding blanks. */
  span: Span;
  /** Normalised (see `normalizeText`). */
  text: string;
  lang: Lang;
}

/**
 * Splits `text` (or the part of it in `span`) into sentences, each with its own language, so
 * that a mixed turn (`我快速地翻译一下我的问题. Thanks management for taking my questions.`)
 * gives a Chinese sentence and an English one. `lang` (the turn's language) decides only for
 * sentences with no letters. Sentences with neither letters nor digits (`-...`) are dropped.
 */
export function splitSentences(text: string, span?: Span, lang?: Lang | 'mixed'): Sentence[] {
  return sentencesOf(normalizeLazily(text, span), lang);
}

/** The same, on text already normalised (the map leads back to the source). */
export function sentencesOf(norm: Normalized, lang?: Lang | 'mixed'): Sentence[] {
  const out: Sentence[] = [];
  for (const { start, end, counts } of sentenceRanges(norm.text)) {
    const text = norm.text.slice(start, end);
    if (counts.han === 0 && counts.latin === 0 && !/[0-9]/.test(text)) continue;
    out.push({ span: sourceSpanOf(norm, { start, end }), text, lang: sentenceLang(counts, lang) });
  }
  return out;
}

/** A sentence's language from its letters; `hint` (the turn's) decides only when it has none. */
export function sentenceLang(counts: { han: number; latin: number }, hint: Lang | 'mixed' | undefined): Lang {
  if (counts.han === 0 && counts.latin === 0) return hint === 'zh' ? 'zh' : 'en';
  const share = langShare(counts);
  const l = langOf(share);
  if (l !== 'mixed') return l;
  return share.zh >= share.en ? 'zh' : 'en';
}

// Compared directly instead of by Set.has: the two Set lookups on every character were the top
// lines of sentenceRanges (185 and 117 of ~330 samples); its self time in a warm profile of
// 4 x 50 generated calls went from 182 to 58 ms.
const isCjkStop = (c: number): boolean => c === 0x3002 || c === 0xff01 || c === 0xff1f; // 。！？
const isAsciiStop = (c: number): boolean => c === 0x2e || c === 0x21 || c === 0x3f; // . ! ?
/** Quotes and brackets that close after the stop: `他说：“好。”`, `(see note.)`. */
const CLOSERS = new Set([...'"\')]}”’」』）》〉】'].map((c) => c.charCodeAt(0)));

/**
 * What sentenceRanges does with an ASCII code: 1 a letter (counted), 2 a line feed or a stop
 * (`.` `!` `?`, read by the loop's chain), 0 nothing.
 */
const ASCII_KIND: Uint8Array = (() => {
  const f = new Uint8Array(128);
  for (let c = 65; c <= 90; c++) f[c] = f[c + 32] = 1;
  for (const c of [10, 0x2e, 0x21, 0x3f]) f[c] = 2;
  return f;
})();

/** A sentence of normalised text: [start, end), blanks trimmed, and its letters. */
export interface SentenceRange {
  start: number;
  end: number;
  /** `countScripts` of t.slice(start, end). */
  counts: ScriptCounts;
}

/**
 * Each sentence of normalised text, blanks trimmed, empty ones left out.
 *
 * Hand-written rather than natural's SentenceTokenizer: measured on the English cases of
 * test/lang-sentences.test.ts, natural got 7 of 12 right (it splits `Allen W.| Parker`,
 * `ir.|example.|com`, `Storage grew...| for example`, and joins `the U.S. We also`), gives
 * no offsets, and took 89 ms on the English of the Kingsoft call where this takes 7 ms.
 *
 * Each sentence's letters are counted in the same pass: both callers want them, and a loop
 * over a string's code units costs some 50 instructions a unit in V8 however little it does.
 * Counting each sentence again afterwards made `readParagraph` over the paragraphs of 10
 * generated calls 119.7 M instructions a round instead of 106.1 (callgrind, steady state).
 */
export function sentenceRanges(t: string): SentenceRange[] {
  const ranges: SentenceRange[] = [];
  // Han characters and Latin letters in t[0, i), and in t[0, s) when the sentence began.
  let han = 0;
  let latin = 0;
  let hanBefore = 0;
  let latinBefore = 0;
  // Whether the sentence holds a high surrogate: see `push`.
  let surrogate = false;
  const push = (s: number, e: number): void => {
    while (s < e && isSpace(t.charCodeAt(s))) s++;
    while (e > s && isSpace(t.charCodeAt(e - 1))) e--;
    if (e > s) {
      // `countScripts` reads a high surrogate together with the unit after it, whatever that
      // is; rather than repeat its rules here, the rare sentence with one is counted by it.
      const counts = surrogate ? countScripts(t, [{ start: s, end: e }]) : { han: han - hanBefore, latin: latin - latinBefore };
      ranges.push({ start: s, end: e, counts });
    }
    hanBefore = han;
    latinBefore = latin;
    surrogate = false;
  };
  const n = t.length;
  let s = 0;
  let hasHan = false;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    // Most characters are ASCII and neither a line feed nor a stop: one test lets them by
    // (the chain below asked each whether it was Han or a CJK stop first), and the next three
    // with it when they are such too (the sentence table alone over 10 generated calls,
    // callgrind per round, steady state: 88.7 -> 80.1 M instructions).
    if (c < 0x80 && ASCII_KIND[c] !== 2) {
      latin += ASCII_KIND[c] as number;
      if (i + 3 < n) {
        const c1 = t.charCodeAt(i + 1);
        const c2 = t.charCodeAt(i + 2);
        const c3 = t.charCodeAt(i + 3);
        if ((c1 | c2 | c3) < 0x80) {
          const k1 = ASCII_KIND[c1] as number;
          const k2 = ASCII_KIND[c2] as number;
          const k3 = ASCII_KIND[c3] as number;
          if (((k1 | k2 | k3) & 2) === 0) {
            latin += k1 + k2 + k3;
            i += 3;
          }
        }
      }
      continue;
    }
    if (c === 10) {
      // A paragraph break (a blank line in the source) always ends a sentence.
      push(s, i);
      s = i + 1;
      hasHan = false;
    } else if (isHan(c)) {
      han++;
      hasHan = true;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      surrogate = true;
      if (c >= 0xd840 && c <= 0xd87e) hasHan = true;
    } else if (isCjkStop(c)) {
      // `Okay。 呃 , 回 答 你 第 二 个 问 题`: a Latin filler before a Chinese stop opens the
      // Chinese sentence that follows rather than standing alone as an English one. Before
      // more Latin (`Thank you。 Next question.`) the stop does end the sentence.
      if (!hasHan && isHanAt(t, i + 1)) continue;
      let j = i + 1;
      while (j < n && (isCjkStop(t.charCodeAt(j)) || CLOSERS.has(t.charCodeAt(j)))) j++;
      push(s, j);
      s = j;
      hasHan = false;
      i = j - 1;
    } else if (isAsciiStop(c)) {
      let j = i + 1;
      while (j < n && isAsciiStop(t.charCodeAt(j))) j++;
      const runEnd = j;
      while (j < n && CLOSERS.has(t.charCodeAt(j))) j++;
      if (endsEnglishSentence(t, i, runEnd, j)) {
        push(s, j);
        s = j;
        hasHan = false;
      }
      i = j - 1;
    } else if (isLatinLetter(c)) {
      latin++;
    }
  }
  push(s, n);
  return ranges;
}

/**
 * Whether the stops t[i, runEnd) (closers up to `after`) end an English sentence. The
 * normaliser has already turned the stops that close Chinese sentences into `。！？`.
 */
function endsEnglishSentence(t: string, i: number, runEnd: number, after: number): boolean {
  if (after === t.length) return true;
  // `1.16`, `U.S.`, `ir.kscloud.com`: a stop inside a token.
  if (!isSpace(t.charCodeAt(after))) return false;
  let k = after;
  while (k < t.length && isSpace(t.charCodeAt(k))) k++;
  if (k === t.length) return true;
  const next = t.codePointAt(k) as number;
  // `... for example, we have launched`, `etc. and`: lower case continues the sentence.
  if (isLower(next)) return false;
  if (runEnd - i > 1 || t.charCodeAt(i) !== 0x2e) return true;
  const word = wordBefore(t, i);
  if (word.length === 1 && isUpper(word.charCodeAt(0))) return false; // `Allen W. Parker`
  const key = word.toLowerCase();
  if (ALWAYS_CONTINUE.has(key)) return false; // `Mr. Zou`
  if (BEFORE_NUMBER.has(key)) return !isDigit(next); // `No. 3`
  if (USUALLY_CONTINUE.has(key) || DOTTED.test(key)) {
    // `the U.S. Private Securities Reform Act` continues; `in the U.S. We also` ends.
    return SENTENCE_OPENERS.has(wordAt(t, k).toLowerCase());
  }
  return true;
}

/** Whether the first non-blank character at or after `i` is Han. */
function isHanAt(t: string, i: number): boolean {
  while (i < t.length && isSpace(t.charCodeAt(i))) i++;
  return i < t.length && isHan(t.codePointAt(i) as number);
}

/** The Latin word (with inner dots, `U.S`) that ends just before offset `i`. */
function wordBefore(t: string, i: number): string {
  let j = i;
  while (j > 0) {
    const c = t.charCodeAt(j - 1);
    if (isLatinLetter(c) || (c === 0x2e && j - 1 > 0 && isLatinLetter(t.charCodeAt(j - 2)))) j--;
    else break;
  }
  return t.slice(j, i);
}

function wordAt(t: string, k: number): string {
  let j = k;
  while (j < t.length && isLatinLetter(t.charCodeAt(j))) j++;
  return t.slice(k, j);
}
