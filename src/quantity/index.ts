/**
 * The quantity stage: numbers in text, both languages, with spans into the original text.
 *
 *   compact view (spacing.ts) → blocked spans and periods (periods.ts)
 *   → numeral atoms (atoms.ts, en-words.ts) → context rules (wrap.ts with extract-zh/en.ts)
 *   → ranges and mixed numbers (ranges.ts) → spans mapped back to the original text.
 *
 * A pure function: no printing, no I/O, no global state.
 */
import type { Diagnostic, Lang } from '../model.js';
import type { Atom } from './atoms.js';
import { findNumeralAtoms } from './atoms.js';
import type { Cand } from './candidate.js';
import { isHanAt, isLatinAt } from './chars.js';
import { findWordAtoms } from './en-words.js';
import { findBlocked, findPeriods, type PeriodMatch } from './periods.js';
import { joinMixed, joinRanges } from './ranges.js';
import { blockEscapes, rejectReason } from './sanity.js';
import { compact, toOriginal } from './spacing.js';
import type { ExtractOptions, QuantityFound } from './types.js';
import { wrap } from './wrap.js';
import { longestNonOverlapping } from '../spans.js';

export type { QuantityFound, QuantityKind, ExtractOptions } from './types.js';

export interface QuantityResult {
  quantities: QuantityFound[];
  diagnostics: Diagnostic[];
}

function langOf(s: string, c: Cand, fallback: Lang | undefined): Lang {
  let latin = false;
  for (let i = c.start; i < c.end; i++) {
    if (isHanAt(s, i)) return 'zh';
    if (isLatinAt(s, i)) latin = true;
  }
  if (latin) return 'en';
  if (isHanAt(s, c.start - 1) || isHanAt(s, c.start - 2) || isHanAt(s, c.end) || isHanAt(s, c.end + 1)) return 'zh';
  return fallback ?? 'en';
}

/**
 * Two lists in text order merged into one, `a` first on a tie: what a stable sort of `[...a,
 * ...b]` by start gives (both extractors emit atoms in text order), without the sort.
 */
function mergeByStart(a: readonly Atom[], b: readonly Atom[]): Atom[] {
  const out: Atom[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if ((b[j] as Atom).start < (a[i] as Atom).start) out.push(b[j++] as Atom);
    else out.push(a[i++] as Atom);
  }
  while (i < a.length) out.push(a[i++] as Atom);
  while (j < b.length) out.push(b[j++] as Atom);
  return out;
}

export function extractQuantities(text: string, opts: ExtractOptions = {}): QuantityResult {
  const diagnostics: Diagnostic[] = [];
  const c = compact(text);
  const s = c.text;
  const blockedMask = new Uint8Array(s.length + 1);
  for (const b of findBlocked(s)) blockedMask.fill(1, b.start, b.end);
  blockEscapes(s, blockedMask);
  const blocked = (i: number): boolean => blockedMask[i] === 1;

  const periods = longestNonOverlapping(findPeriods(s).filter((p) => !blocked(p.start)));
  const atoms = mergeByStart(findNumeralAtoms(s, blocked), findWordAtoms(s, blocked));

  const cands: Cand[] = [];
  const slashAt = new Set<number>();
  let lastEnd = 0;
  let pi = 0;
  for (let ai = 0; ai < atoms.length; ai++) {
    const atom = atoms[ai] as Atom;
    // Periods that start before this atom come first.
    while (pi < periods.length && (periods[pi] as PeriodMatch).start <= atom.start) {
      const p = periods[pi++] as PeriodMatch;
      if (p.start >= lastEnd) {
        cands.push({ start: p.start, end: p.end, numStart: p.start, numEnd: p.end, kind: p.kind, value: p.value, unit: '', approx: false, scaleFactor: 1, label: p.label });
        lastEnd = p.end;
      }
    }
    if (atom.start < lastEnd) continue;
    const nextPeriod = periods[pi];
    if (nextPeriod && nextPeriod.start < atom.tail) continue;
    const w = wrap(s, atom, atoms[ai + 1], lastEnd);
    if (!w) continue;
    if (nextPeriod && w.cand.end > nextPeriod.start) {
      // The unit rules reached into a date (`5 2023年`): keep the date.
      continue;
    }
    if (w.slash) slashAt.add(w.cand.start);
    cands.push(w.cand);
    lastEnd = w.cand.end;
    if (w.consumedNext) ai++;
  }
  for (; pi < periods.length; pi++) {
    const p = periods[pi] as PeriodMatch;
    if (p.start >= lastEnd) {
      cands.push({ start: p.start, end: p.end, numStart: p.start, numEnd: p.end, kind: p.kind, value: p.value, unit: '', approx: false, scaleFactor: 1, label: p.label });
      lastEnd = p.end;
    }
  }

  const joined = joinRanges(s, joinMixed(s, cands, slashAt));

  const all: QuantityFound[] = joined.map((q) => {
    const span = toOriginal(c, q.start, q.end);
    const numberSpan = toOriginal(c, q.numStart, q.numEnd);
    const found: QuantityFound = {
      span,
      text: text.slice(span.start, span.end),
      lang: langOf(s, q, opts.lang),
      value: q.value,
      unit: q.unit,
      approx: q.approx,
      kind: q.kind,
      numberSpan,
    };
    // quantitiesDocument (render/quantities.ts) copies these fields one by one in this order.
    if (q.signWord !== undefined) found.signWord = q.signWord;
    if (q.scale !== undefined) found.scale = q.scale;
    if (q.approxWord !== undefined) found.approxWord = q.approxWord;
    if (q.label !== undefined) found.label = q.label;
    return found;
  });
  // Out of range (Infinity, underflow) or malformed (`RMB 1,2,3 million`): a warning, not a figure.
  const quantities = all.filter((q) => {
    const why = rejectReason(text, q);
    if (why) diagnostics.push(why);
    return why === null;
  });

  // Digits a recogniser split with a space (`21 1 亿`) were read as one number: say so.
  let qi = 0;
  for (const j of c.joins) {
    while (qi < quantities.length && (quantities[qi] as QuantityFound).span.end <= j.start) qi++;
    const q = quantities[qi];
    if (q && q.span.start <= j.start && q.span.end >= j.end) {
      diagnostics.push({
        severity: 'info',
        rule: 'quantity-digits-joined',
        message: `digits separated by a space were read as one number in "${q.text}"`,
        span: { start: j.start, end: j.end },
      });
    }
  }
  return { quantities, diagnostics };
}
