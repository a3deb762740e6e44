import { isHan, isLatinLetter } from './script.js';

/**
 * Character classes the normaliser and the sentence splitter share. All take a code point.
 */

/**
 * Whitespace a recogniser or an editor may leave between characters: ASCII blanks and line
 * ends, no-break space, the ideographic space U+3000 (`收入　达`), the typographic spaces
 * U+2000–U+200B and the narrow no-break space, and a stray BOM.
 */
export function isSpace(cp: number): boolean {
  return (
    cp === 32 ||
    (cp >= 9 && cp <= 13) ||
    cp === 0xa0 ||
    cp === 0x3000 ||
    (cp >= 0x2000 && cp <= 0x200b) ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0xfeff
  );
}

/**
 * White space as a regular expression's `\s` knows it, tested by code: the line reader trims
 * every line with it, and the quantity stage's quick checks stand in for `\s` in its patterns.
 */
export function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x1680;
}

export function isDigit(cp: number): boolean {
  return cp >= 48 && cp <= 57;
}

/**
 * "Wide" characters are those written without spaces around them in Chinese: Han, kana, the
 * CJK punctuation block (`，。、「」《》`) and the full-width punctuation that stays full-width
 * after unification (`，！？：；（）`). A space that touches one of these carries no meaning.
 */
export function isWide(cp: number): boolean {
  return (
    isHan(cp) ||
    (cp >= 0x3001 && cp <= 0x303f) ||
    (cp >= 0x3040 && cp <= 0x30ff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff01 && cp <= 0xff65)
  );
}

export function isLetter(cp: number): boolean {
  return isLatinLetter(cp) || isHan(cp);
}

export function isUpper(cp: number): boolean {
  return (cp >= 65 && cp <= 90) || (cp >= 0xc0 && cp <= 0xde && cp !== 0xd7);
}

export function isLower(cp: number): boolean {
  return (cp >= 97 && cp <= 122) || (cp >= 0xdf && cp <= 0xff && cp !== 0xf7);
}

/**
 * The width unification applied to text: full-width digits and Latin letters become ASCII
 * (`２０２３年`, `ＲＭＢ`) so that the quantity stage and token matching see one form; `％`
 * becomes `%` because it only ever follows a number; the half-width CJK stops `｡` `､` that
 * some Big5 exports carry become `。` `、`. Chinese punctuation `，。！？：；` stays as it is.
 */
export function unifyWidth(cp: number): number {
  if ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) {
    return cp - 0xfee0;
  }
  if (cp === 0xff05) return 0x25; // ％
  if (cp === 0xff61) return 0x3002; // ｡
  if (cp === 0xff64) return 0x3001; // ､
  return cp;
}

/**
 * ASCII punctuation the normaliser may turn into its Chinese form (`,` → `，`), and back. Used
 * to compare a normalised sentence with its source "modulo width".
 */
export const TO_CJK_PUNCT: ReadonlyMap<number, number> = new Map([
  [0x2c, 0xff0c], // , ，
  [0x2e, 0x3002], // . 。
  [0x21, 0xff01], // ! ！
  [0x3f, 0xff1f], // ? ？
  [0x3b, 0xff1b], // ; ；
  [0x3a, 0xff1a], // : ：
]);

/**
 * A comparison key that forgets every difference `normalizeText` may introduce besides
 * dropping spaces: full-width vs ASCII forms and `。` vs `.`. For tests and for callers that
 * want to check a span against the source.
 */
export function foldForCompare(text: string): string {
  let out = '';
  for (const ch of text) {
    let cp = ch.codePointAt(0) as number;
    if (cp >= 0xff01 && cp <= 0xff5e) cp -= 0xfee0;
    else if (cp === 0x3002 || cp === 0xff61) cp = 0x2e;
    else if (cp === 0xff64) cp = 0x3001;
    out += String.fromCodePoint(cp);
  }
  return out;
}
