import { countScripts } from '../lang/script.js';
import { maxOf } from '../arrays.js';
import { isLatinCode } from '../quantity/chars.js';

/**
 * Whether a paragraph is an aside inside someone else's speech rather than content to align.
 *
 * The Kingsoft CEO's answer (turn 19) ends with a long paragraph, then two one-line
 * paragraphs the interpreter never renders because they are talk about the interpretation:
 *
 *     …然 后 正 好 就 回 到 你 第 二 个 问 题 , 这 需 要 翻 译 吗 ?
 *
 *     需 要.
 *
 *     先 把 这 个 翻 译 了.
 *
 * A transcript site starts a new paragraph when the voice changes, so a paragraph of a few
 * words that is tiny beside the speaker's own paragraphs is someone cutting in (or the speaker
 * answering them). The rule: not the turn's first paragraph (that is the speaker starting),
 * at most 12 words (a Han character or a Latin word each), and at most a tenth of the turn's
 * longest paragraph. A closing courtesy (`谢谢。`, `Thank you.`) is exempt: interpreters
 * render it.
 */
export function findInterjections(paragraphs: readonly string[]): boolean[] {
  // A turn of one paragraph holds no aside (its first paragraph is the speaker starting), and
  // needs no sizes: every Chinese turn of the 10 generated calls is one paragraph, and skipping
  // their script counts and word runs took the aligner alone over them from 358.1 to 343.3 M
  // instructions a round (callgrind, steady state).
  if (paragraphs.length < 2) return paragraphs.map(() => false);
  const sizes = paragraphs.map(wordSize);
  const longest = maxOf(sizes, 0);
  return paragraphs.map((p, k) => {
    const size = sizes[k] as number;
    if (k === 0 || size === 0) return false;
    if (size > MAX_WORDS || size * 10 > longest) return false;
    return !COURTESY.test(p.trim());
  });
}

const MAX_WORDS = 12;

const COURTESY = /^(?:谢\s*谢|謝\s*謝|感\s*谢|感\s*謝|thank|thanks)/i;

/** Han characters plus Latin words (runs of `[A-Za-z]`, counted without listing them). */
export function wordSize(text: string): number {
  const { han } = countScripts(text);
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const letter = isLatinCode(text.charCodeAt(i));
    if (letter && !inWord) words++;
    inWord = letter;
  }
  return han + words;
}
