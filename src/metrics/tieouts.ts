/**
 * The sums an analyst redoes by hand, rounding-aware (every figure stands for ± half its last
 * unit): margin = profit / revenue; segments add up to the total; cost lines add up to cost of
 * revenue; expense lines add up to operating expenses.
 *
 * Status: `pass` when the intervals overlap. For margins, `warn` when they miss by no more than
 * the margin's own last unit, else `fail`. For sums, a shortfall is a `warn` (a line or segment
 * the speaker did not name: Kingsoft's segments leave RMB 0.7 million of "other" revenue), an
 * excess a `fail` (the parts cannot exceed the whole).
 */
import { METRICS } from './lexicon.js';
import { add, divide, gap, interval, intervalsOverlap, type Interval } from './precision.js';
import { describe, formatValue } from './describe.js';
import type { Check, Fact } from './types.js';
import { maxOf } from '../arrays.js';

const PROFIT_OF = new Map(METRICS.filter((m) => m.ratio).map((m) => [m.ratio as string, m.key]));
const GROUP_OF = new Map(METRICS.filter((m) => m.group).map((m) => [m.key, m.group as string]));

function iv(f: Fact): Interval {
  return interval(f.value as number, f.precision);
}

function find(facts: readonly Fact[], pred: (f: Fact) => boolean): number {
  return facts.findIndex((f) => f.value !== null && pred(f));
}

export function marginChecks(facts: readonly Fact[]): Check[] {
  const checks: Check[] = [];
  facts.forEach((r, ri) => {
    const profitKey = PROFIT_OF.get(r.metric);
    if (!profitKey || r.value === null) return;
    const same = (f: Fact) => f.entity === r.entity && f.segment === r.segment && f.period === r.period;
    const pi = find(facts, (f) => f.metric === profitKey && same(f) && f.basis === r.basis);
    // Revenue is usually said without a basis; an adjusted margin is over the same revenue.
    let vi = find(facts, (f) => f.metric === 'revenue' && same(f) && f.basis === r.basis);
    if (vi < 0) vi = find(facts, (f) => f.metric === 'revenue' && same(f) && f.basis === null);
    const p = facts[pi];
    const v = facts[vi];
    if (!p || !v || (v.value as number) <= 0 || p.unit !== v.unit) return;
    const computed = divide(iv(p), iv(v));
    const pct = { lo: computed.lo * 100, hi: computed.hi * 100 };
    const stated = iv(r);
    const ok = intervalsOverlap(stated, pct);
    const status = ok ? 'pass' : gap(stated, pct) <= 2 * r.precision ? 'warn' : 'fail';
    const mid = ((p.value as number) / (v.value as number)) * 100;
    checks.push({
      kind: 'margin',
      status,
      message: `${describe(r)}: stated ${formatValue(r)}, ${profitKey} ${formatValue(p)} / revenue ${formatValue(v)} = ${mid.toFixed(2)}%`,
      facts: [ri, pi, vi],
    });
  });
  return checks;
}

function sumCheck(kind: Check['kind'], facts: readonly Fact[], ti: number, parts: number[], what: string, note = ''): Check {
  const total = facts[ti] as Fact;
  let sum: Interval = { lo: 0, hi: 0 };
  let mid = 0;
  for (const i of parts) {
    const f = facts[i] as Fact;
    sum = add(sum, iv(f));
    mid += f.value as number;
  }
  const t = iv(total);
  const ok = intervalsOverlap(sum, t);
  const status = ok ? 'pass' : sum.hi < t.lo ? 'warn' : 'fail';
  const diff = (total.value as number) - mid;
  const rest = ok ? '' : status === 'warn' ? `; ${formatValue({ value: diff, unit: total.unit })} not in the ${what} named` : `; the ${what} exceed the total by ${formatValue({ value: -diff, unit: total.unit })}`;
  return {
    kind,
    status,
    message: `${describe(total)}: ${parts.length} ${what} add up to ${formatValue({ value: mid, unit: total.unit })} of ${formatValue(total)}${rest}${note}`,
    facts: [ti, ...parts],
  };
}

export function segmentChecks(facts: readonly Fact[]): Check[] {
  const checks: Check[] = [];
  // Indices of the facts with that basis, by a plain loop: a flatMap over every fact for every
  // total allocated an array per fact and made this the top metrics line (98 ms self in a warm
  // profile of 4 x 50 generated calls; 126 -> 19 ms for segmentChecks). Same indices, same order.
  // The loop runs over the valued segment facts only, listed once: over every fact it was
  // quadratic in the totals (the generated English calls have ~135 totals and no segment:
  // 57 ms of a warm profile of 10 x 100 of them).
  const segmentFacts: number[] = [];
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i] as Fact;
    if (f.segment !== null && f.value !== null) segmentFacts.push(i);
  }
  const partsOf = (t: Fact, basis: Fact['basis']): number[] => {
    const out: number[] = [];
    for (const i of segmentFacts) {
      const f = facts[i] as Fact;
      if (f.entity === t.entity && f.metric === t.metric && f.period === t.period && f.unit === t.unit && f.basis === basis) out.push(i);
    }
    return out;
  };
  facts.forEach((t, ti) => {
    if (t.segment !== null || t.value === null || t.unit === '%') return;
    let parts = partsOf(t, t.basis);
    let note = '';
    if (parts.length < 2 && t.basis !== null) {
      // Segment figures said without a basis against an adjusted total (Kingsoft's gross profit).
      parts = partsOf(t, null);
      note = ` (segments said without a basis, the total ${t.basis})`;
    }
    if (parts.length < 2) return;
    checks.push(sumCheck('segment-sum', facts, ti, parts, 'segments', note));
  });
  return checks;
}

/**
 * Lines add up to their total only where the speaker named the same lines as in the fullest
 * period (Kingsoft names five cost lines this quarter, three a year ago: no check a year ago).
 */
export function lineChecks(facts: readonly Fact[]): Check[] {
  const checks: Check[] = [];
  const totals: Array<{ group: string; metric: string; kind: Check['kind']; what: string }> = [
    { group: 'cost', metric: 'cost_of_revenue', kind: 'cost-sum', what: 'cost lines' },
    { group: 'expense', metric: 'operating_expenses', kind: 'expense-sum', what: 'expense lines' },
  ];
  for (const g of totals) {
    // Plain loops over the group's valued lines, listed once: two flatMaps over every fact
    // allocated an array per fact per group (lineChecks was 19 ms self in a warm profile of
    // 8 x 100 English generated calls of ~135 facts each). Same indices, same order.
    const lines: number[] = [];
    for (let i = 0; i < facts.length; i++) {
      const f = facts[i] as Fact;
      if (GROUP_OF.get(f.metric) === g.group && f.value !== null) lines.push(i);
    }
    const lineIdx = (t: Fact): number[] => {
      const out: number[] = [];
      for (const i of lines) {
        const f = facts[i] as Fact;
        if (f.entity === t.entity && f.period === t.period && f.segment === t.segment && f.unit === t.unit && (f.basis === t.basis || f.basis === null || t.basis === null)) out.push(i);
      }
      return out;
    };
    const cands: Array<{ ti: number; parts: number[] }> = [];
    for (let ti = 0; ti < facts.length; ti++) {
      const t = facts[ti] as Fact;
      if (t.metric === g.metric && t.value !== null) cands.push({ ti, parts: lineIdx(t) });
    }
    const fullest = maxOf(cands.map((c) => new Set(c.parts.map((i) => facts[i]?.metric)).size), 0);
    for (const c of cands) {
      if (c.parts.length < 2 || new Set(c.parts.map((i) => facts[i]?.metric)).size < fullest) continue;
      checks.push(sumCheck(g.kind, facts, c.ti, c.parts, g.what));
    }
  }
  return checks;
}
