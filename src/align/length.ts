import { isHan } from '../lang/script.js';

/**
 * Length evidence, Gale–Church style. A Chinese sentence is measured in English characters:
 * its Han characters times the document's ratio, plus its Latin letters and digits as they are
 * (`实现收入RMB 1.16 billion` carries its English figure at English length).
 */

export interface Lengths {
  han: number;
  /** Non-space characters that are not Han (Latin, digits, punctuation). */
  other: number;
}

export function measure(text: string): Lengths {
  // The fillers and repeats `fluent` removes are Han (Script=Han starts at U+2E80): a sentence
  // with nothing from there up, as most English ones, is its own fluent form, and the two
  // regular expressions (one of them a Unicode back-reference) need not run over it.
  const t = mayHoldHan(text) ? fluent(text) : text;
  let han = 0;
  let other = 0;
  // By code point, as `for (const ch of t)` walks it (a lone surrogate counts as one
  // character), without a string per character.
  for (let i = 0; i < t.length; i++) {
    let cp = t.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < t.length) {
      const lo = t.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (isHan(cp)) han++;
    else if (cp > 0x20 && cp !== 0x3000 && !(cp >= 0x3001 && cp <= 0x303f) && !(cp >= 0xff01 && cp <= 0xff0f)) other++;
  }
  return { han, other };
}

function mayHoldHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x2e80) return true;
  return false;
}

/**
 * Spontaneous Chinese as the recogniser heard it, without what interpreters never render:
 * fillers (`呃，呃，实际上大家也看到啊`) and stammered repeats (`这个，这个，这个，这个板块`,
 * `和，和，和，和其他`). Only for measuring: the sentence text itself is untouched.
 */
export function fluent(text: string): string {
  return text.replace(FILLERS, '').replace(REPEATS, '$1');
}

const FILLERS = /[呃嗯啊哎唉哦][，,]?/g;
const REPEATS = /(\p{Script=Han}{1,3})(?:[，,、]\1)+/gu;

/**
 * English characters per Han character, from the document's own pairs: (English characters −
 * the Latin already inside the Chinese) / Han characters. Between 1.5 and 6; 3.5 with too
 * little text to tell.
 */
export function estimateRatio(zh: readonly Lengths[], en: readonly Lengths[]): number {
  const han = zh.reduce((s, l) => s + l.han, 0);
  const zhOther = zh.reduce((s, l) => s + l.other, 0);
  const enChars = en.reduce((s, l) => s + l.han + l.other, 0);
  if (han < 50) return DEFAULT_RATIO;
  return Math.min(6, Math.max(1.5, (enChars - zhOther) / han));
}

export const DEFAULT_RATIO = 3.5;

/**
 * Variance of the English length per character of source. Gale and Church found 6.8 for
 * translated European text; an interpreter condenses and expands far more, so the programme
 * tolerates a difference of about half the length at one standard deviation for a
 * 100-character sentence.
 */
export const VARIANCE = { value: 25 };

/** log P(lengths | same content): log of the two-sided tail of the normalised difference. */
export function lengthLogProb(zhEquiv: number, en: number): number {
  const mean = (zhEquiv + en) / 2;
  const delta = Math.abs(en - zhEquiv) / Math.sqrt(VARIANCE.value * Math.max(mean, 1));
  return logErfc(delta / Math.SQRT2);
}

/** ln erfc(x) for x ≥ 0, from the Chebyshev fit of Numerical Recipes (erfcc); no underflow. */
function logErfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x -
    1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) + poly;
}
