import type { Lang, LangShare } from '../model.js';
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

/** Eight Han characters in a row, a single space or comma allowed between them; linear. */
function hasHanRun(text: string, min: number): boolean {
  let run = 0;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
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

export function turnLang(text: string, share: LangShare): Lang | 'mixed' {
  const lang = langOf(share);
  if (lang === 'zh' && LATIN_SENTENCE.test(text)) return 'mixed';
  if (lang === 'en' && hasHanRun(text, 8)) return 'mixed';
  return lang;
}
