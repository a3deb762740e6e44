/**
 * Rounding: a figure said to 0.1 million stands for anything within ±0.05 million. Every
 * comparison in the stage (merging mentions, tie-outs, stated vs computed changes, the
 * interpreter vs the original) asks whether two such intervals overlap.
 */
import type { QuantityFound } from '../quantity/types.js';
import { maxOf, minOf } from '../arrays.js';

const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  mm: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  万: 1e4,
  亿: 1e8,
  万亿: 1e12,
  千: 1e3,
  百万: 1e6,
  千万: 1e7,
};

/** Digits after the point, as code units: ASCII and Chinese (a regex test per character cost more than the rest of halfUnit). */
const DIGITS = new Set(Array.from('0123456789零〇一二两三四五六七八九', (c) => c.charCodeAt(0)));
const SPACE = 32;

/** The first `.` or `点`, or -1. */
function pointIn(num: string): number {
  const a = num.indexOf('.');
  const b = num.indexOf('点');
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/** Half the last unit the speaker used: `RMB 1,835.4 million` → 50000; `十八点四亿元` → 5000000; `11.3%` → 0.05. */
export function halfUnit(q: QuantityFound, textOf: (s: { start: number; end: number }) => string): number {
  const num = textOf(q.numberSpan);
  let decimals = 0;
  const dot = pointIn(num);
  if (dot >= 0) {
    for (let i = dot + 1; i < num.length; i++) {
      const c = num.charCodeAt(i);
      if (DIGITS.has(c)) decimals++;
      else if (c !== SPACE) break;
    }
  }
  const scale = q.scale ? (SCALES[q.scale.toLowerCase()] ?? scaleFromValue(q)) : 1;
  // `1.55万亿`: the quantity stage reports the larger scale word; trust the value's own magnitude.
  const lastScale = q.text.includes('万亿') ? 1e12 : scale;
  if (dot < 0 && !q.scale) {
    // An integer written without a scale word: `RMB 8,000,000` is exact to the unit, `207` to 0.5.
    return 0.5;
  }
  return 0.5 * Math.pow(10, -decimals) * lastScale;
}

function scaleFromValue(q: QuantityFound): number {
  const v = Math.abs(typeof q.value === 'number' ? q.value : q.value[0]);
  if (v >= 1e12) return 1e12;
  if (v >= 1e8) return 1e8;
  if (v >= 1e6) return 1e6;
  return 1;
}

/** Whether a ± ha and b ± hb can be the same figure. A tiny slack absorbs binary floating point. */
export function overlaps(a: number, ha: number, b: number, hb: number): boolean {
  return Math.abs(a - b) <= ha + hb + 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export interface Interval {
  lo: number;
  hi: number;
}

export function interval(v: number, h: number): Interval {
  return { lo: v - h, hi: v + h };
}

export function intervalsOverlap(a: Interval, b: Interval): boolean {
  const slack = 1e-9 * Math.max(1, Math.abs(a.lo), Math.abs(a.hi));
  return a.lo <= b.hi + slack && b.lo <= a.hi + slack;
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

/** a / b for b > 0. */
export function divide(a: Interval, b: Interval): Interval {
  const qs = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi];
  return { lo: minOf(qs), hi: maxOf(qs) };
}

/** The distance between two intervals (0 when they overlap). */
export function gap(a: Interval, b: Interval): number {
  if (intervalsOverlap(a, b)) return 0;
  return a.hi < b.lo ? b.lo - a.hi : a.lo - b.hi;
}

/** Half the last unit of a number as written in decimal: 10.1 → 0.05, 202 → 0.5. */
export function halfUnitOf(v: number): number {
  const s = String(Math.abs(v));
  const dot = s.indexOf('.');
  return dot < 0 ? 0.5 : 0.5 * Math.pow(10, -(s.length - dot - 1));
}
