/**
 * One fact per thing said, however often it was said: the CEO's "RMB 1.84 billion", the
 * CFO's "RMB 1,835.4 million" and the Chinese `十八点四亿元` are one revenue fact with three
 * mentions, shown with the most precise value. Mentions join when their values agree to the
 * rounding each speaker used; an interpretation that disagrees with its original joins the
 * original's fact as a flagged mention instead of making a fact of its own.
 */
import type { Observation, StatedDelta } from './attach.js';
import { overlaps } from './precision.js';
import type { Delta, Fact, Mention } from './types.js';

export interface Merged {
  facts: Fact[];
  factOf: Map<Observation, number>;
}

function keyOf(o: Observation): string {
  return [o.entity ?? '', o.metric, o.segment ?? '', o.basis ?? '', o.period ?? '', o.kind === 'ratio' ? '%' : o.unit].join('\u0001');
}

interface Cluster {
  obs: Observation[];
  /** The most precise valued observation. */
  best: Observation | null;
  /** The clusters of the same key (the observations placed in it share it). */
  siblings: Cluster[];
}

export function mentionOf(o: Observation): Mention {
  const u = o.sentence;
  const q = o.quantity ?? o.changeQuantity;
  return {
    turn: u.turn.n,
    speaker: u.turn.speaker,
    lang: u.lang,
    interpretation: u.turn.interprets !== null,
    sentence: u.text,
    span: u.span,
    quantitySpan: q ? u.toSource(q.span) : null,
    text: q ? u.text.slice(q.span.start, q.span.end) : '',
    value: o.value,
  };
}

/** `forced`: interpretation observations that disagree with their original, mapped to it. */
export function mergeObservations(obs: readonly Observation[], forced: ReadonlyMap<Observation, Observation>): Merged {
  const groups = new Map<string, Cluster[]>();
  const clusterOf = new Map<Observation, Cluster>();
  const order: Cluster[] = [];
  const place = (o: Observation): void => {
    const key = keyOf(o);
    const clusters = groups.get(key) ?? [];
    groups.set(key, clusters);
    let c: Cluster | undefined;
    if (o.value === null) c = clusters[0];
    else c = clusters.find((k) => k.best === null || (k.best.value !== null && overlaps(k.best.value, k.best.precision, o.value as number, o.precision)));
    if (!c) {
      c = { obs: [], best: null, siblings: clusters };
      clusters.push(c);
      order.push(c);
    }
    c.obs.push(o);
    if (o.value !== null && (c.best === null || o.precision < c.best.precision)) c.best = o;
    clusterOf.set(o, c);
  };
  for (const o of obs) if (!forced.has(o)) place(o);
  for (const [o, orig] of forced) {
    const c = clusterOf.get(orig);
    if (c) {
      c.obs.push(o);
      clusterOf.set(o, c);
    }
  }
  // Facts in the order they were first said. Each cluster's first position is computed once,
  // not in the comparator; the generated English calls say one revenue figure 70 times with
  // 70 values, 70 clusters of one key.
  const first = new Map<Cluster, number>();
  for (const c of order) first.set(c, firstPos(c));
  order.sort((a, b) => (first.get(a) as number) - (first.get(b) as number));
  // How many clusters of a key have a value, counted once per key rather than once per cluster
  // (quadratic in those 70).
  const valuedSiblings = new Map<Cluster[], number>();
  const facts: Fact[] = [];
  const factOf = new Map<Observation, number>();
  for (const c of order) {
    const head = c.best ?? (c.obs[0] as Observation);
    // The head was placed in c (forced observations join after), so c's siblings are its key's clusters.
    const clusters = c.siblings;
    let valuedClusters = valuedSiblings.get(clusters);
    if (valuedClusters === undefined) {
      valuedClusters = 0;
      for (const k of clusters) if (k.best !== null) valuedClusters++;
      valuedSiblings.set(clusters, valuedClusters);
    }
    const flags: string[] = [];
    if (c.obs.some((o) => forced.has(o))) flags.push('interpretation-mismatch');
    if (valuedClusters > 1) flags.push('conflicting-values');
    const valued = c.obs.filter((o) => o.value !== null && !forced.has(o));
    const fact: Fact = {
      metric: head.metric,
      entity: head.entity,
      segment: head.segment,
      basis: head.basis,
      period: head.period,
      value: c.best ? c.best.value : null,
      unit: head.kind === 'ratio' ? '%' : head.unit,
      approx: valued.length > 0 && valued.every((o) => o.approx),
      precision: c.best?.precision ?? 0,
      deltas: mergeDeltas(c.obs.filter((o) => !forced.has(o)), c.best?.value ?? null),
      flags,
      mentions: [...c.obs].sort((a, b) => a.sentence.span.start - b.sentence.span.start || posOf(a) - posOf(b)).map(mentionOf),
    };
    const i = facts.push(fact) - 1;
    for (const o of c.obs) factOf.set(o, i);
  }
  return { facts, factOf };
}

function posOf(o: Observation): number {
  return (o.quantity ?? o.changeQuantity)?.span.start ?? 0;
}

function firstPos(c: Cluster): number {
  let min = Number.POSITIVE_INFINITY;
  for (const o of c.obs) min = Math.min(min, o.sentence.span.start + posOf(o));
  return min;
}

/**
 * Stated changes of all mentions, one per basis and unit that agree (the CEO's "5.3
 * percentage points" and its Chinese `五点三个百分点` are one); a "narrowed" change points
 * towards zero, so for a negative margin it is an increase.
 */
function mergeDeltas(obs: readonly Observation[], value: number | null): Delta[] {
  const kept: StatedDelta[] = [];
  for (const o of obs) {
    for (const d of o.deltas) {
      const change = d.narrow ? ((value ?? o.value ?? -1) < 0 ? Math.abs(d.change) : -Math.abs(d.change)) : d.change;
      const same = kept.find((k) => k.basis === d.basis && k.unit === d.unit && overlaps(k.change, k.precision, change, d.precision));
      if (same) {
        if (d.precision < same.precision) Object.assign(same, { ...d, change });
        same.against ??= d.against;
        continue;
      }
      kept.push({ ...d, change });
    }
  }
  return kept.map((d) => {
    const out: Delta = { basis: d.basis, change: d.change, unit: d.unit, source: 'stated' };
    if (d.approx) out.approx = true;
    if (d.against !== undefined) out.against = d.against;
    if (d.againstPeriod !== undefined) out.againstPeriod = d.againstPeriod;
    return out;
  });
}
