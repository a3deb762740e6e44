import type { Diagnostic } from '../model.js';
import type { QuantityFound } from './types.js';
import { isDigitCode } from './chars.js';

/**
 * Last checks before a quantity is reported: ecall never reports a figure it cannot stand
 * behind. JSON has no Infinity or NaN (JSON.stringify writes `null`), so a value out of range
 * would reach a pipeline as `"value": null`, or as 0 after an underflow; and a figure read out
 * of an escape sequence or a malformed digit grouping is not in the speech at all.
 */

/**
 * Terminal escape sequences (CSI, OSC with BEL or ST, two-byte escapes, C1 CSI). Pasted pages
 * carry them, and their parameters are digits: `\x1b]8;;http://x/2024\x07` made "8" and "2024"
 * figures, and `\x1b[31m` could make "31" one. Nothing inside them is read.
 */
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]/g;

export function blockEscapes(s: string, mask: Uint8Array): void {
  if (!s.includes('\x1b') && !s.includes('\x9b')) return;
  for (const m of s.matchAll(ESCAPES)) mask.fill(1, m.index, m.index + m[0].length);
}

/** Digits that read as 0 though some is not a zero: the value underflowed. */
function underflow(digits: string): boolean {
  return /[1-9]/.test(digits) && !/[^\d.,\s]/.test(digits);
}

const LABELLED = new Set(['year', 'date', 'period']);

function quoted(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/**
 * Why `q` must not be reported, as a warning, or null when it may. `text` is the text the
 * quantity was found in (its spans point into it).
 */
export function rejectReason(text: string, q: QuantityFound): Diagnostic | null {
  if (LABELLED.has(q.kind)) return null;
  const infinite = Array.isArray(q.value) ? !Number.isFinite(q.value[0]) || !Number.isFinite(q.value[1]) : !Number.isFinite(q.value);
  // `1e309`, 400 nines, `九亿亿亿…`: Infinity. `0.000…0001%` (400 zeros): 0, which is not what
  // was said either.
  if (infinite || (q.value === 0 && underflow(text.slice(q.numberSpan.start, q.numberSpan.end)))) {
    return {
      severity: 'warning',
      rule: 'quantity-out-of-range',
      message: `"${quoted(q.text)}" is out of the range of numbers ecall can report; not reported`,
      span: q.span,
    };
  }
  // `RMB 1,2,3 million` was read as RMB 1, 2 and 3 million; `1,5%` (a decimal comma) as 1 and
  // 5%. Digits glued to a comma that is not a thousands separator make no figure ecall can read.
  // (By code, as `/\d,$/` on the two characters before and `/^,\d/` on the two after: this
  // runs for every quantity.)
  const b = q.numberSpan.start;
  const e = q.numberSpan.end;
  if ((b >= 2 && text.charCodeAt(b - 1) === 44 && isDigitCode(text.charCodeAt(b - 2))) || (text.charCodeAt(e) === 44 && isDigitCode(text.charCodeAt(e + 1)))) {
    return {
      severity: 'warning',
      rule: 'quantity-malformed',
      message: `"${quoted(q.text)}" sits in digits grouped by commas that are not thousands separators; not reported`,
      span: q.span,
    };
  }
  return null;
}
