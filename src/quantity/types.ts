import type { Quantity, Span } from '../model.js';

/**
 * What a quantity is. `year`, `date` and `period` are recognised so that later stages can
 * resolve periods, and so that they are never mistaken for amounts: their `unit` is ''.
 */
export type QuantityKind =
  | 'number'
  | 'percent'
  | 'pp'
  | 'money'
  | 'multiple'
  | 'fraction'
  | 'year'
  | 'date'
  | 'period';

/** A quantity as the quantity stage reports it: the central `Quantity` plus what it saw on the way. */
export interface QuantityFound extends Quantity {
  kind: QuantityKind;
  /**
   * The numeral(s) alone: without currency, unit words, `百分之`, a trailing `多`/`余` or an
   * approximation word. For a range, from the first numeral to the last. Offsets into the
   * original text, end exclusive.
   */
  numberSpan: Span;
  /** The word that carries a negative sign: `negative`, `minus`, `负`, `负的`, `loss`, `亏损`, `-`, `()`. */
  signWord?: string;
  /** The scale word as written: `亿`, `万`, `million`, `bn`, `k`. */
  scale?: string;
  /** The approximation word as written: `约`, `余`, `多`, `about`, `more than`. */
  approxWord?: string;
  /** For year, date and period: a normalised label (`2023`, `2023-06-30`, `Q2`, `2023-Q2`, `H1`, `FY2023`). */
  label?: string;
}

export interface ExtractOptions {
  /**
   * The language to report for a quantity written only in digits and symbols (`5.2%`) when
   * nothing around it decides. Default: decided from the neighbouring characters, else 'en'.
   */
  lang?: 'zh' | 'en';
}
