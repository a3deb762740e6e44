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

/** Eight Han characters in a row in text[start, end), a single space or comma allowed between them; linear. */
function hasHanRun(text: string, start: number, end: number, min: number): boolean {
  let run = 0;
  let gap = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) {
      run++;
      gap = false;
      if (run >= min) return true;
    } else if (!gap && run > 0 && (c === 32 || c === 44 || c === 0xff0c || c === 0x3001)) gap = true;
    else {
      run = 0;
      gap = false;
    }
  }
  return false;
}

/**
 * The language of a turn whose speech is `paragraphs` of `text`. Each paragraph is read on its
 * own: neither run can cross a paragraph break (a line break is neither a space nor a comma
 * here), so this is the same as reading the paragraphs joined, without building that string
 * for every turn.
 */
export function turnLang(text: string, paragraphs: readonly Span[], share: LangShare): Lang | 'mixed' {
  const lang = langOf(share);
  if (lang === 'zh' && paragraphs.some((p) => LATIN_SENTENCE.test(text.slice(p.start, p.end)))) return 'mixed';
  if (lang === 'en' && paragraphs.some((p) => hasHanRun(text, p.start, p.end, 8))) return 'mixed';
  return lang;
}
