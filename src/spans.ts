/** Helpers over anything with a `start` and an `end` (offsets, end exclusive). */

/**
 * Of overlapping matches, keep the longest; the survivors in text order. Several matchers can
 * claim the same words ("the same quarter of last year" and "last year"), and the longer one
 * says more.
 */
export function longestNonOverlapping<T extends { start: number; end: number }>(xs: readonly T[]): T[] {
  const sorted = [...xs].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: T[] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && x.start < last.end) {
      if (x.end - x.start > last.end - last.start) out[out.length - 1] = x;
      continue;
    }
    out.push(x);
  }
  return out;
}
