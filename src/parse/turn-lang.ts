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
const HAN_SENTENCE = /(?:[\u3400-\u9fff][ ,，、]?){8,}/;

export function turnLang(text: string, share: LangShare): Lang | 'mixed' {
  const lang = langOf(share);
  if (lang === 'zh' && LATIN_SENTENCE.test(text)) return 'mixed';
  if (lang === 'en' && HAN_SENTENCE.test(text)) return 'mixed';
  return lang;
}
