import type { Lang, LangShare, Span } from '../model.js';
import { langOf } from '../lang/script.js';

/**
 * A turn's language. Shares alone undersell a speaker who switches language for a whole
 * sentence: the CICC analyst asks in Chinese and then translates herself ("我快速地翻译一下我的
 * 问题. Thanks management for taking my questions."), which is 89% Chinese by weight yet
 * plainly mixed. Terms inside Chinese (`RMB 1.16 billion`, `Xiaomi Kingsoft ecosystem`) are
 * runs of at most five words, so a run of six Latin words, or of eight Han characters inside
 * English, makes a turn mixed.
 */
const LATIN_SENTENCE = /(?:[A-Za-z][A-Za-z'’-]*[ ,]+){5,}[A-Za-z][A-Za-z'’-]*/;

/**
 * Eight Han characters (U+3400..U+9FFF) in a row, a single space or comma (`,` `，` `、`) allowed
 * between two of them. Each match attempt reads at most 15 characters, so a test is linear.
 * A regex rather than a loop over every character: V8 rules a one-byte (all Latin-1) string
 * out at once and scans a two-byte one faster (the loop was 205 ms inclusive in a profile of
 * 10 x 200 generated calls).
 */
const HAN_RUN = /[\u3400-\u9fff](?:[ ,\uff0c\u3001]?[\u3400-\u9fff]){7}/;

/**
 * The language of a turn whose speech is `paragraphs` of `text`. Each paragraph is read on its
 * own: neither run can cross a paragraph break (a line break is neither a space nor a comma
 * here), so this is the same as reading the paragraphs joined, without building that string
 * for every turn.
 */
export function turnLang(text: string, paragraphs: readonly Span[], share: LangShare): Lang | 'mixed' {
  const lang = langOf(share);
  if (lang === 'zh' && paragraphs.some((p) => LATIN_SENTENCE.test(text.slice(p.start, p.end)))) return 'mixed';
  if (lang === 'en' && paragraphs.some((p) => HAN_RUN.test(text.slice(p.start, p.end)))) return 'mixed';
  return lang;
}
