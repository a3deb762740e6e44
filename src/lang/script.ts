import type { Lang, LangShare, Span } from '../model.js';

/**
 * CJK ideographs (with extension A and compatibility ideographs). Kana and Hangul are not
 * counted: the calls ecall reads mix Mandarin and English only.
 */
export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x2fa1f)
  );
}

export function isLatinLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);
}

export interface ScriptCounts {
  han: number;
  latin: number;
}

export function countScripts(text: string, spans?: readonly Span[]): ScriptCounts {
  let han = 0;
  let latin = 0;
  const ranges = spans ?? [{ start: 0, end: text.length }];
  for (const r of ranges) {
    for (let i = r.start; i < r.end; i++) {
      const c = text.charCodeAt(i);
      // ASCII first: most characters of a transcript are, and this loop is hot (every turn).
      if (c < 0x80) {
        if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
        continue;
      }
      let code = c;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < r.end) {
        code = text.codePointAt(i) as number;
        i++;
      }
      if (isHan(code)) han++;
      else if (isLatinLetter(code)) latin++;
    }
  }
  return { han, latin };
}

/**
 * One Chinese character carries about as much as a short English word (three to four
 * letters), so shares are weighed that way: a turn of 100 Han characters and 60 letters of
 * `RMB 1.16 billion`-style code-switching is Chinese, not "mixed".
 */
const HAN_WEIGHT = 3;

export function langShare(counts: ScriptCounts): LangShare {
  const zh = counts.han * HAN_WEIGHT;
  const total = zh + counts.latin;
  if (total === 0) return { zh: 0, en: 0 };
  const zhShare = Math.round((zh / total) * 1000) / 1000;
  return { zh: zhShare, en: Math.round((1 - zhShare) * 1000) / 1000 };
}

/** A text is one language when that language has at least 85% of the weighted letters. */
export function langOf(share: LangShare): Lang | 'mixed' {
  if (share.zh === 0 && share.en === 0) return 'en';
  if (share.zh >= 0.85) return 'zh';
  if (share.en >= 0.85) return 'en';
  return 'mixed';
}
