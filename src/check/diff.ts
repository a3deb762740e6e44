/**
 * The difference between an expected and an actual analysis document, named the way an analyst
 * reads it: not "metrics[4].value" but "metric revenue (public cloud, 2023-Q2): value
 * 1160000000 → 1170000000". Arrays whose items have an identity (turns by number, facts by
 * metric/segment/basis/period/entity, quantities by position) are matched by it, so one
 * inserted turn does not make every later turn "changed".
 */
export type DifferenceKind = 'changed' | 'added' | 'missing';

export interface Difference {
  kind: DifferenceKind;
  /** Where, readable: `turn 5 › speaker`, `metric revenue (2023-Q2) › value`. */
  where: string;
  expected?: unknown;
  actual?: unknown;
}

export interface DiffOptions {
  /** Relative tolerance for numbers: |a − b| ≤ tolerance × max(|a|, |b|). Default 1e-9. */
  tolerance?: number;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

interface Identity {
  key(item: Obj): string;
  label(item: Obj): string;
}

const str = (v: Json | undefined): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
const spanStart = (o: Obj): string => str((o.span as Obj | undefined)?.start);
const where = (o: Obj): string => {
  const s = o.span as Obj | undefined;
  return s && s.startLine !== undefined ? ` at ${str(s.startLine)}:${str(s.startColumn)}` : '';
};

function factLabel(o: Obj): string {
  const parts = [o.segment, o.basis, o.period, o.entity].filter((x) => x !== null && x !== undefined && x !== '').map(str);
  return `metric ${str(o.metric)}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/** How items of each named array are told apart; arrays not listed are compared by index. */
const IDENTITIES: Record<string, Identity> = {
  turns: { key: (o) => str(o.n), label: (o) => `turn ${str(o.n)}` },
  participants: { key: (o) => str(o.name), label: (o) => `participant ${str(o.name)}` },
  exchanges: { key: (o) => str(o.n), label: (o) => `exchange ${str(o.n)} (${str(o.analyst)})` },
  regions: { key: spanStart, label: (o) => `${str(o.kind)} region${where(o)}` },
  quantities: { key: spanStart, label: (o) => `quantity "${str(o.text)}"${where(o)}` },
  diagnostics: { key: (o) => `${str(o.rule)}@${spanStart(o)}`, label: (o) => `diagnostic ${str(o.rule)}${where(o)}` },
  metrics: { key: (o) => [o.metric, o.segment, o.basis, o.period, o.entity].map(str).join('|'), label: factLabel },
  facts: { key: (o) => [o.metric, o.segment, o.basis, o.period, o.entity].map(str).join('|'), label: factLabel },
  checks: { key: (o) => `${str(o.kind)}|${str(o.metrics ?? o.facts)}`, label: (o) => `check ${str(o.kind)} ${str(o.metrics ?? o.facts)}` },
  pairs: { key: (o) => str(o.zhTurn), label: (o) => `aligned pair of turn ${str(o.zhTurn)}` },
  unpaired: { key: (o) => `${str(o.turn)}@${spanStart(o)}`, label: (o) => `unpaired turn ${str(o.turn)}${where(o)}` },
  documents: { key: (o) => str((o.source as Obj | undefined)?.path), label: (o) => str((o.source as Obj | undefined)?.path) },
};

/** Fields that differ between runs for reasons other than the analysis. */
const IGNORED = new Set(['source.path']);

function isObj(v: Json | undefined): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function numbersEqual(a: number, b: number, tol: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b));
}

export function diffDocuments(expected: unknown, actual: unknown, opts: DiffOptions = {}): Difference[] {
  const tol = opts.tolerance ?? 1e-9;
  const out: Difference[] = [];

  const walk = (e: Json | undefined, a: Json | undefined, path: string, label: string, field: string): void => {
    if (IGNORED.has(path)) return;
    if (typeof e === 'number' && typeof a === 'number') {
      if (!numbersEqual(e, a, tol)) out.push({ kind: 'changed', where: label, expected: e, actual: a });
      return;
    }
    if (Array.isArray(e) && Array.isArray(a)) {
      const id = IDENTITIES[field];
      const identified = id && [...e, ...a].every(isObj);
      if (!identified) {
        // Arrays of scalars (turn numbers of an exchange, a range [lo, hi]) compare whole.
        if (e.every((x) => !isObj(x) && !Array.isArray(x)) && a.every((x) => !isObj(x) && !Array.isArray(x))) {
          const same = e.length === a.length && e.every((x, k) => (typeof x === 'number' && typeof a[k] === 'number' ? numbersEqual(x, a[k] as number, tol) : x === a[k]));
          if (!same) out.push({ kind: 'changed', where: label, expected: e, actual: a });
          return;
        }
        const n = Math.max(e.length, a.length);
        for (let k = 0; k < n; k++) {
          const sub = `${label}[${k}]`;
          if (k >= e.length) out.push({ kind: 'added', where: sub, actual: a[k] });
          else if (k >= a.length) out.push({ kind: 'missing', where: sub, expected: e[k] });
          else walk(e[k], a[k], `${path}[]`, sub, field);
        }
        return;
      }
      // Items can share an identity (two cross-language checks on one fact): the n-th of a
      // key on one side is matched with the n-th on the other.
      const keyed = (xs: Obj[]) => {
        const seenCount = new Map<string, number>();
        return xs.map((x) => {
          const k = id.key(x);
          const n = seenCount.get(k) ?? 0;
          seenCount.set(k, n + 1);
          return { key: n === 0 ? k : `${k}#${n}`, item: x, label: n === 0 ? id.label(x) : `${id.label(x)} (${n + 1})` };
        });
      };
      const ea = keyed(e as Obj[]);
      const aa = keyed(a as Obj[]);
      const byKey = new Map(aa.map((x) => [x.key, x.item]));
      const seen = new Set<string>();
      for (const x of ea) {
        seen.add(x.key);
        const y = byKey.get(x.key);
        if (!y) out.push({ kind: 'missing', where: `${label} › ${x.label}`, expected: x.item });
        else walk(x.item, y, `${path}[]`, `${label} › ${x.label}`, field);
      }
      for (const y of aa) if (!seen.has(y.key)) out.push({ kind: 'added', where: `${label} › ${y.label}`, actual: y.item });
      return;
    }
    if (isObj(e) && isObj(a)) {
      for (const k of new Set([...Object.keys(e), ...Object.keys(a)])) {
        const p = path ? `${path}.${k}` : k;
        if (IGNORED.has(p)) continue;
        const sub = label ? `${label} › ${k}` : k;
        if (!(k in a)) out.push({ kind: 'missing', where: sub, expected: e[k] });
        else if (!(k in e)) out.push({ kind: 'added', where: sub, actual: a[k] });
        else walk(e[k], a[k], p, sub, k);
      }
      return;
    }
    if (e !== a) out.push({ kind: 'changed', where: label || '(document)', expected: e, actual: a });
  };

  walk(expected as Json, actual as Json, '', '', '');
  // `turns › turn 5 › speaker` reads better without the container name repeated.
  return out.map((d) => ({ ...d, where: d.where.replace(/^(turns|participants|exchanges|regions|quantities|diagnostics|metrics|facts|checks|pairs|unpaired) › /, '') }));
}
