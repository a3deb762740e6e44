/** Character classes shared by the quantity extractors (kept local so this stage has no siblings to track). */
import { isSpaceCode } from '../lang/chars.js';

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

/** An ASCII digit, by code unit. */
export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isDigitAt(s: string, i: number): boolean {
  return isDigitCode(s.charCodeAt(i));
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
export { isSpaceCode };

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

/** The offset of the last character before `q` that is not a space or a tab (`[ \t]*$`); -1 if none. */
export function lastNonBlank(s: string, q: number): number {
  let k = q - 1;
  while (k >= 0 && (s.charCodeAt(k) === 32 || s.charCodeAt(k) === 9)) k--;
  return k;
}

/** The offset of the first character at or after `p` that is not a regex's `\s`. */
export function firstNonSpace(s: string, p: number): number {
  let k = p;
  while (k < s.length && isSpaceCode(s.charCodeAt(k))) k++;
  return k;
}

/** Whether `w` ends just before `end`, an ASCII letter matching in either case (as a regex's `i` without `u`). */
function endsWithCaseless(s: string, end: number, w: string): boolean {
  const from = end - w.length;
  if (from < 0) return false;
  for (let i = 0; i < w.length; i++) {
    const a = s.charCodeAt(from + i);
    const b = w.charCodeAt(i);
    if (a !== b && !(isLatinCode(a) && isLatinCode(b) && (a | 0x20) === (b | 0x20))) return false;
  }
  return true;
}

/**
 * A test of whether one of `words` ends at offset `last` (inclusive), in either case: a check
 * before a regex `(words)[ \t]*$` over a slice ending at `q`, with `last = lastNonBlank(s, q)`.
 * Such a regex tries every start in its slice and nearly always fails; the words are looked up
 * by their last character.
 */
export function endingTest(words: Iterable<string>): (s: string, last: number) => boolean {
  const byLast = new Map<number, string[]>();
  for (const w of words) {
    for (const c of codeSet([w[w.length - 1] as string], true)) {
      const list = byLast.get(c) ?? [];
      list.push(w);
      byLast.set(c, list);
    }
  }
  return (s, last) => {
    const list = byLast.get(s.charCodeAt(last));
    if (list === undefined) return false;
    for (const w of list) if (endsWithCaseless(s, last + 1, w)) return true;
    return false;
  };
}
