import type { QuantityKind } from './types.js';

/** A quantity being assembled, in compact-text offsets. */
export interface Cand {
  start: number;
  end: number;
  numStart: number;
  numEnd: number;
  kind: QuantityKind;
  value: number | [number, number];
  unit: string;
  approx: boolean;
  approxWord?: string;
  signWord?: string;
  scale?: string;
  /** The factor the scale word applied (1 when none), for ranges such as `1.6 to 1.7 billion`. */
  scaleFactor: number;
  label?: string;
}

export function negate(v: number | [number, number]): number | [number, number] {
  return typeof v === 'number' ? -v : [-v[0], -v[1]];
}

export function mapValue(v: number | [number, number], f: (x: number) => number): number | [number, number] {
  return typeof v === 'number' ? f(v) : [f(v[0]), f(v[1])];
}

/** A right-side unit rule's result: what it consumed and what it made of the number. */
export interface UnitHit {
  /** Compact offset just past what the rule consumed. */
  end: number;
  kind: QuantityKind;
  unit: string;
  value: number | [number, number];
  approxWord?: string;
  /** The unit belongs to the numeral (`十打` is 120). */
  numeric?: boolean;
}
