/**
 * Array helpers that hold for any length. `Math.max(...xs)` and `a.push(...b)` pass every
 * element as an argument, and V8 throws "Maximum call stack size exceeded" past about 120,000
 * of them: a 900 KB transcript of 300,000 short lines under one speaker stopped with an internal
 * error in the paragraph splitter.
 */

/** `Math.max(floor, ...xs)`, one element at a time. */
export function maxOf(xs: Iterable<number>, floor = Number.NEGATIVE_INFINITY): number {
  let m = floor;
  for (const x of xs) m = Math.max(m, x);
  return m;
}

/** `Math.min(ceiling, ...xs)`, one element at a time. */
export function minOf(xs: Iterable<number>, ceiling = Number.POSITIVE_INFINITY): number {
  let m = ceiling;
  for (const x of xs) m = Math.min(m, x);
  return m;
}

/** `to.push(...from)`, one element at a time; returns `to`. */
export function append<T>(to: T[], from: Iterable<T>): T[] {
  for (const x of from) to.push(x);
  return to;
}

/** Puts `k` into ascending `list` unless it is there (a sorted set of a few small numbers). */
export function insertSorted(list: number[], k: number): void {
  let i = list.length;
  while (i > 0 && (list[i - 1] as number) > k) i--;
  if (i > 0 && list[i - 1] === k) return;
  list.splice(i, 0, k);
}
