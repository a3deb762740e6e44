/**
 * English abbreviations that end in a full stop without ending the sentence. Keys are lower
 * case, without the final dot; dotted forms keep their inner dots (`u.s` for `U.S.`).
 */

/** Never end a sentence: a name or a number follows (`Mr. Zou`, `No. 3`, `e.g. storage`). */
export const ALWAYS_CONTINUE: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'gov', 'sen', 'rep', 'rev', 'hon',
  'vs', 'v', 'e.g', 'i.e', 'cf', 'approx', 'fig', 'vol', 'pp', 'ca',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Continue only before a number: `No. 3`, but `the answer is no. We ...` ends. */
export const BEFORE_NUMBER: ReadonlySet<string> = new Set(['no', 'nos']);

/** `U.S`, `e.g`, `p.r.c`: single letters joined by dots (not `ir.kscloud.com`). */
export const DOTTED = /^(?:[a-z]\.)+[a-z]$/;

/**
 * Company suffixes and dotted abbreviations usually continue (`Kingsoft Corp. Ltd. and`,
 * `the U.S. Private Securities Reform Act`) but also often close a sentence
 * (`... in the U.S. We also ...`). They end one only before a word that typically opens a
 * sentence, listed in SENTENCE_OPENERS.
 */
export const USUALLY_CONTINUE: ReadonlySet<string> = new Set([
  'inc', 'co', 'corp', 'ltd', 'llc', 'plc', 'bros', 'dept', 'est', 'etc',
  'u.s', 'u.k', 'u.s.a', 'p.r.c', 'a.m', 'p.m',
]);

export const SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  'i', 'we', 'our', 'you', 'your', 'it', 'its', 'this', 'that', 'these', 'those', 'the', 'a',
  'an', 'and', 'but', 'so', 'as', 'in', 'on', 'for', 'with', 'thank', 'thanks', 'there', 'they',
  'he', 'she', 'let', 'now', 'also', 'however', 'meanwhile', 'finally', 'first', 'second',
  'third', 'next', 'okay', 'yes', 'no', 'what', 'how', 'why', 'when', 'please', 'over',
]);
