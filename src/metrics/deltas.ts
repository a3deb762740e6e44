/**
 * Computed changes wherever two periods of one fact are known (year over year, quarter over
 * quarter; % for amounts, pp for ratios, × for multiples), and the `delta` check that
 * compares each with the change the company stated, to the rounding of all three figures
 * ("a decrease of 10.1%" from RMB 1,289.1 million to RMB 1,159.5 million: -10.05%, passes).
 */
import { againstPeriod } from './periods.js';
import { divide, gap, halfUnitOf, interval, intervalsOverlap, type Interval } from './precision.js';
import { describe, formatValue } from './describe.js';
import type { Check, Delta, DeltaBasis, Fact } from './types.js';

const BASES: readonly DeltaBasis[] = ['yoy', 'qoq', 'hoh'];

function sameSeries(a: Fact, b: Fact): boolean {
  return a.entity === b.entity && a.metric === b.metric && a.segment === b.segment && a.basis === b.basis && a.unit === b.unit;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The change from `prior` to `cur` as an interval, in the unit a stated change would use. */
function changeInterval(cur: Fact, prior: Fact, unit: Delta['unit']): Interval | null {
  if (cur.value === null || prior.value === null) return null;
  const c = interval(cur.value, cur.precision);
  const p = interval(prior.value, prior.precision);
  if (unit === 'pp') return { lo: c.lo - p.hi, hi: c.hi - p.lo };
  // A relative change of a loss or across zero says nothing an analyst would quote.
  if (p.lo <= 0 || c.lo < 0) return null;
  const r = divide(c, p);
  return unit === 'x' ? r : { lo: (r.lo - 1) * 100, hi: (r.hi - 1) * 100 };
}

export function computeDeltas(facts: Fact[]): Check[] {
  const checks: Check[] = [];
  // Fact indices by period, ascending: the prior fact is looked for among that period's facts
  // only, instead of a findIndex over every fact for every fact and basis (computeDeltas' own
  // time with its callbacks was 75 ms of a warm profile of 4 x 50 generated calls, 10 with
  // this). The same first match.
  const byPeriod = new Map<string | null, number[]>();
  facts.forEach((g, gi) => {
    const at = byPeriod.get(g.period);
    if (at === undefined) byPeriod.set(g.period, [gi]);
    else at.push(gi);
  });
  // The periods each fact's period compares against, worked out once per period (a call has a
  // handful) rather than per fact and basis: parsing the labels again for every fact made
  // computeDeltas 104 ms of a warm profile of 10 x 100 English generated calls (~135 facts
  // each), 28 with this.
  const againstOf = new Map<string, Array<{ basis: DeltaBasis; ap: string }>>();
  const comparisons = (period: string): Array<{ basis: DeltaBasis; ap: string }> => {
    let list = againstOf.get(period);
    if (list === undefined) {
      list = [];
      for (const basis of BASES) {
        // Quarter over quarter for quarters, half over half for halves, year over year for all.
        const kind = /-Q\d$/.test(period) ? 'qoq' : /-H\d$/.test(period) ? 'hoh' : null;
        if (basis !== 'yoy' && basis !== kind) continue;
        const ap = againstPeriod(period, basis);
        if (ap) list.push({ basis, ap });
      }
      againstOf.set(period, list);
    }
    return list;
  };
  facts.forEach((f, fi) => {
    if (f.value === null || f.period === null) return;
    for (const { basis, ap } of comparisons(f.period)) {
      const pi = byPeriod.get(ap)?.find((gi) => sameSeries(f, facts[gi] as Fact) && (facts[gi] as Fact).value !== null) ?? -1;
      const prior = facts[pi];
      if (!prior || prior.value === null) continue;
      const unit: Delta['unit'] = f.unit === '%' ? 'pp' : '%';
      const iv = changeInterval(f, prior, unit);
      if (!iv) continue;
      const change = unit === 'pp' ? f.value - prior.value : (f.value / prior.value - 1) * 100;
      f.deltas.push({ basis, change: round2(change), unit, source: 'computed', against: prior.value, againstPeriod: ap });
      for (const d of f.deltas) {
        if (d.source !== 'stated' || d.basis !== basis) continue;
        d.against ??= prior.value;
        d.againstPeriod ??= ap;
        const div = d.unit === unit ? iv : d.unit === 'x' ? changeInterval(f, prior, 'x') : null;
        if (!div) continue;
        const h = halfUnitOf(d.change);
        // "more than three times": a bound, so only the computed value below it fails.
        const stated: Interval = d.approx ? { lo: d.change - h, hi: Number.POSITIVE_INFINITY } : interval(d.change, h);
        const ok = intervalsOverlap(stated, div);
        const near = !ok && gap(stated, div) <= h;
        const shown = d.unit === 'x' ? `${round2((f.value / prior.value))}×` : `${round2(d.unit === 'pp' ? f.value - prior.value : change)}${d.unit === 'pp' ? ' pp' : '%'}`;
        checks.push({
          kind: 'delta',
          status: ok ? 'pass' : near ? 'warn' : 'fail',
          message: `${describe(f)} ${basis}: stated ${d.approx ? 'about ' : ''}${d.change}${d.unit === 'pp' ? ' pp' : d.unit === 'x' ? '×' : '%'}, computed ${shown} from ${formatValue(prior)} (${ap}) to ${formatValue(f)}`,
          facts: [fi, pi],
        });
      }
    }
  });
  return checks;
}
