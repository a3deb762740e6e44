import { METRICS } from '../metrics/lexicon.js';
import { formatPeriod, parsePeriod, previousPeriod, sameLastYear, type Period } from '../metrics/periods.js';
import { overlaps } from '../metrics/precision.js';
import type { Basis, Fact } from '../metrics/types.js';
import type { CallMeta, Diagnostic } from '../model.js';

/**
 * The series across calls (`ecall compare`): one row per metric, segment and basis, one column
 * per period. Calls are ordered by their own fiscal period; where two calls state the same
 * period, the later call's figure stands and the earlier one is kept as a restatement when
 * they differ beyond the rounding either speaker used. Changes are computed across calls:
 * QoQ against the previous quarter, YoY against the same period a year before; `%` for
 * amounts, `pp` for ratios.
 */
export interface CallFacts {
  path: string;
  call: CallMeta;
  facts: readonly Pick<Fact, 'metric' | 'entity' | 'segment' | 'basis' | 'period' | 'value' | 'unit' | 'precision'>[];
}

export type Family = 'revenue' | 'profit' | 'margins' | 'costs and expenses' | 'cash and capex' | 'per share' | 'other';

export interface Restatement {
  value: number;
  source: string;
  callPeriod: string | null;
}

export interface Point {
  period: string;
  value: number;
  precision: number;
  /** The call whose figure stands (the latest that stated this period). */
  source: string;
  callPeriod: string | null;
  /** Earlier calls that stated a different figure for this period. */
  restatements: Restatement[];
}

export interface SeriesDelta {
  period: string;
  basis: 'qoq' | 'yoy' | 'hoh';
  change: number;
  unit: '%' | 'pp';
  against: string;
}

export interface Series {
  entity: string | null;
  metric: string;
  segment: string | null;
  basis: Basis | null;
  unit: string;
  family: Family;
  points: Point[];
  deltas: SeriesDelta[];
}

export interface Comparison {
  calls: Array<{ path: string; company: string | null; period: string | null; date: string | null }>;
  periods: string[];
  series: Series[];
  diagnostics: Diagnostic[];
}

const KIND = new Map(METRICS.map((m) => [m.key, m]));

export function familyOf(metric: string): Family {
  const m = KIND.get(metric);
  if (metric === 'revenue') return 'revenue';
  if (metric === 'eps') return 'per share';
  if (m?.kind === 'ratio' || metric.endsWith('_margin')) return 'margins';
  if (m?.group || metric === 'cost_of_revenue' || metric === 'operating_expenses' || metric.endsWith('_costs') || metric.endsWith('_expenses')) return 'costs and expenses';
  if (['cash', 'capex', 'operating_cash_flow', 'free_cash_flow'].includes(metric)) return 'cash and capex';
  if (['gross_profit', 'operating_income', 'ebitda', 'net_income'].includes(metric)) return 'profit';
  return 'other';
}

export const FAMILY_ORDER: readonly Family[] = ['revenue', 'profit', 'margins', 'costs and expenses', 'cash and capex', 'per share', 'other'];

/** Quarters, halves, nine months and years in calendar order; a balance date sorts at its quarter's end. */
function periodRank(p: Period): number {
  switch (p.kind) {
    case 'Q':
      return p.year * 100 + p.n * 10;
    case 'H':
      return p.year * 100 + (p.n === 1 ? 25 : 45);
    case '9M':
      return p.year * 100 + 35;
    case 'FY':
      return p.year * 100 + 48;
    case 'date':
      return p.year * 100 + Math.ceil(p.month / 3) * 10 + 1;
  }
}

export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb) return a.localeCompare(b);
  return periodRank(pa) - periodRank(pb) || a.localeCompare(b);
}

function rowKey(f: CallFacts['facts'][number]): string {
  return [f.entity ?? '', f.metric, f.segment ?? '', f.basis ?? '', f.unit].join('\u0000');
}

export function buildSeries(input: readonly CallFacts[]): Comparison {
  const diagnostics: Diagnostic[] = [];
  // Oldest call first, so that a later call's figure replaces an earlier one for the same period.
  const calls = input
    .map((c, k) => ({ c, k }))
    .sort((a, b) => {
      const pa = a.c.call.period;
      const pb = b.c.call.period;
      if (pa && pb && pa !== pb) return comparePeriods(pa, pb);
      return (a.c.call.date ?? '').localeCompare(b.c.call.date ?? '') || a.k - b.k;
    })
    .map((x) => x.c);
  for (const c of calls) {
    if (!c.call.period) diagnostics.push({ severity: 'warning', rule: 'compare-no-period', message: `${c.path}: the call's period is unknown; its figures are ordered by date and input order` });
  }
  const rows = new Map<string, Series>();
  for (const c of calls) {
    for (const f of c.facts) {
      if (f.value === null || f.period === null) continue;
      const key = rowKey(f);
      let s = rows.get(key);
      if (!s) {
        s = { entity: f.entity, metric: f.metric, segment: f.segment, basis: f.basis, unit: f.unit, family: familyOf(f.metric), points: [], deltas: [] };
        rows.set(key, s);
      }
      const at = s.points.findIndex((p) => p.period === f.period);
      const point: Point = { period: f.period, value: f.value, precision: f.precision, source: c.path, callPeriod: c.call.period, restatements: [] };
      if (at < 0) s.points.push(point);
      else {
        const old = s.points[at] as Point;
        if (old.source === c.path) continue;
        if (!overlaps(old.value, old.precision, f.value, f.precision)) {
          point.restatements = [...old.restatements, { value: old.value, source: old.source, callPeriod: old.callPeriod }];
        } else point.restatements = old.restatements;
        s.points[at] = point;
      }
    }
  }
  const series = [...rows.values()];
  for (const s of series) {
    s.points.sort((a, b) => comparePeriods(a.period, b.period));
    const byPeriod = new Map(s.points.map((p) => [p.period, p]));
    const ratio = s.unit === '%';
    for (const p of s.points) {
      const pp = parsePeriod(p.period);
      if (!pp || pp.kind === 'date' || pp.kind === '9M') continue;
      const prev = previousPeriod(pp);
      const bases: Array<[SeriesDelta['basis'], Period | null]> = [
        ['yoy', sameLastYear(pp)],
        [pp.kind === 'H' ? 'hoh' : 'qoq', pp.kind === 'FY' ? null : prev],
      ];
      for (const [basis, against] of bases) {
        if (!against) continue;
        const a = byPeriod.get(formatPeriod(against));
        if (!a) continue;
        if (!ratio && a.value === 0) continue;
        const change = ratio ? p.value - a.value : ((p.value - a.value) / Math.abs(a.value)) * 100;
        s.deltas.push({ period: p.period, basis, change: Math.round(change * 100) / 100, unit: ratio ? 'pp' : '%', against: a.period });
      }
    }
  }
  series.sort(
    (a, b) =>
      FAMILY_ORDER.indexOf(a.family) - FAMILY_ORDER.indexOf(b.family) ||
      (a.entity ?? '').localeCompare(b.entity ?? '') ||
      a.metric.localeCompare(b.metric) ||
      (a.segment === null ? -1 : b.segment === null ? 1 : a.segment.localeCompare(b.segment)) ||
      (a.basis ?? '').localeCompare(b.basis ?? ''),
  );
  const periods = [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort(comparePeriods);
  return {
    calls: calls.map((c) => ({ path: c.path, company: c.call.company, period: c.call.period, date: c.call.date })),
    periods,
    series,
    diagnostics,
  };
}
