import type { Diagnostic, Lang, Span } from '../model.js';
import type { SentenceTable } from '../pipeline/sentences.js';

/**
 * Canonical metric keys. The list is open: cost and expense lines a company names get keys
 * of their own (`idc_costs`), all listed in `lexicon.ts`.
 */
export type MetricKey = string;

export type Basis = 'adjusted' | 'normalized adjusted' | 'non-gaap';

/** How a change is measured: against the same period a year before, or the period before. */
export type DeltaBasis = 'yoy' | 'qoq' | 'hoh';

export interface Delta {
  basis: DeltaBasis;
  /** Signed: -10.1 for "a decrease of 10.1%"; for `x`, the multiple (3 for "三倍多"). */
  change: number;
  /** `%` for an amount's relative change, `pp` for a ratio's, `x` for a multiple. */
  unit: '%' | 'pp' | 'x';
  source: 'stated' | 'computed';
  approx?: boolean;
  /** The value compared against, when known (the prior-period fact's value). */
  against?: number;
  againstPeriod?: string;
}

export interface Mention {
  turn: number;
  speaker: string;
  lang: Lang;
  /** True when the turn is an interpretation of another (`Turn.interprets`). */
  interpretation: boolean;
  /** The sentence, normalised. */
  sentence: string;
  /** The sentence in the source. */
  span: Span;
  /** The figure in the source; null for a mention that states only a change. */
  quantitySpan: Span | null;
  /** The figure as written (`十八点四亿元`, `RMB 1,835.4 million`). */
  text: string;
  /** The value this mention states (it can differ from the fact's within rounding, or be a mismatch). */
  value: number | null;
}

export interface Fact {
  metric: MetricKey;
  entity: string | null;
  /** The company's own segment name (`public cloud`); null for the company total. */
  segment: string | null;
  basis: Basis | null;
  /** `2023-Q2`, `2024-H1`, `2024-9M`, `FY2025`, `2023-06-30` (a balance at a date); null only when nothing fixes it. */
  period: string | null;
  /** Money in currency units, ratios in percent; null when only a change was stated ("Premier Agent revenue decreased 13%"). */
  value: number | null;
  /** ISO 4217 code for money, `%` for ratios. */
  unit: string;
  approx: boolean;
  /** Half the last unit the most precise speaker used (RMB 1,835.4 million → 50000). */
  precision: number;
  deltas: Delta[];
  /** `interpretation-mismatch`, `conflicting-values`. */
  flags: string[];
  mentions: Mention[];
}

export type CheckKind = 'margin' | 'segment-sum' | 'cost-sum' | 'expense-sum' | 'delta' | 'cross-language';
export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface Check {
  kind: CheckKind;
  status: CheckStatus;
  message: string;
  /** Indexes into `MetricsResult.facts`. */
  facts: number[];
}

export interface MetricsResult {
  facts: Fact[];
  checks: Check[];
  diagnostics: Diagnostic[];
}

export interface MetricsOptions {
  /** Overrides the call's company as the default entity. */
  entity?: string;
  /** Overrides the call's fiscal period (`2023-Q2`) used to resolve "this quarter". */
  period?: string;
  /** Overrides the date (`2024-08-15`) used to place a bare "第二季度" in a briefing. */
  date?: string;
  /**
   * The currency (ISO 4217) of amounts that name none and of a bare `元` (`TWD` for a Taiwanese
   * call); default: the call's usual currency, and CNY for `元`.
   */
  currency?: string;
  /**
   * The document's sentence table (`sentenceTable(source)`), shared with the aligner so that
   * paragraphs are normalised and sentences extracted once; default: a table of its own.
   */
  sentences?: SentenceTable;
}
