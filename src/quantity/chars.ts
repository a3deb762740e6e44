/** Character classes shared by the quantity extractors (kept local so this stage has no siblings to track). */

export function isHanCode(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

export function isHanAt(s: string, i: number): boolean {
  return i >= 0 && i < s.length && isHanCode(s.charCodeAt(i));
}

export function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

export function isLatinAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Horizontal white space a recogniser or a typesetter puts between characters (not line breaks). */
export function isHSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/** A regex's `\s` (ECMAScript WhiteSpace and LineTerminator); one definition, in lang/chars.ts. */
export { isSpaceCode } from '../lang/chars.js';

export function isLatinCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * The code units of some characters, for a check before a regex that needs one of them at a
 * known place. `caseless`: also the other case of each (an `i` regex without `u` matches an
 * ASCII letter only in its two cases, and no other character changes case here).
 */
export function codeSet(chars: Iterable<string>, caseless = false): Set<number> {
  const set = new Set<number>();
  for (const ch of chars) {
    set.add(ch.charCodeAt(0));
    if (caseless) {
      set.add(ch.toLowerCase().charCodeAt(0));
      set.add(ch.toUpperCase().charCodeAt(0));
    }
  }
  return set;
}
