/**
 * The interpreter against the original. Each figure said in a Chinese turn is looked for in
 * the turn that interprets it (`Turn.interprets`): the same metric, segment and period (basis
 * and period may go unsaid in the interpretation). Agreement to the rounding used is a passing
 * check; a different value is a failing one, and the interpretation's mention is flagged on
 * the original's fact, whose value stands (the Kingsoft CEO: `公有云毛利…从去年同期的负二点四`;
 * the interpreter: "from negative to 2.4% in the second quarter of 2022").
 */
import type { Transcript } from '../model.js';
import type { Observation } from './attach.js';
import { overlaps } from './precision.js';

export interface Pairing {
  zh: Observation;
  en: Observation | null;
  status: 'agree' | 'mismatch' | 'missing';
  /** For a stated change compared instead of the value. */
  delta?: { zh: string; en: string | null };
}

function sameThing(a: Observation, b: Observation): boolean {
  return a.metric === b.metric && a.segment === b.segment && a.entity === b.entity;
}

function valuesAgree(a: Observation, b: Observation): boolean {
  return a.value !== null && b.value !== null && overlaps(a.value, a.precision, b.value, b.precision);
}

export function pairLanguages(obs: readonly Observation[], transcript: Transcript): Pairing[] {
  const out: Pairing[] = [];
  const byTurn = new Map<number, Observation[]>();
  // Appended in place: a copy per observation was quadratic in a turn's observations (34 ms of
  // a warm profile of 10 x 100 bilingual generated calls).
  for (const o of obs) {
    const list = byTurn.get(o.sentence.turn.n);
    if (list) list.push(o);
    else byTurn.set(o.sentence.turn.n, [o]);
  }
  for (const t of transcript.turns) {
    if (t.interprets === null) continue;
    const zh = (byTurn.get(t.interprets) ?? []).filter((o) => o.sentence.lang === 'zh');
    const en = (byTurn.get(t.n) ?? []).filter((o) => o.sentence.lang === 'en');
    if (zh.length === 0) continue;
    const used = new Set<Observation>();
    for (const z of zh) {
      if (z.value !== null) {
        const candidates = en.filter((e) => !used.has(e) && e.value !== null && sameThing(z, e));
        const exact = candidates.filter((e) => e.period === z.period && e.basis === z.basis);
        const samePeriod = candidates.filter((e) => e.period === z.period);
        const agreeing = candidates.find((e) => valuesAgree(z, e) && (e.period === z.period || e.period === null || z.period === null || e.basis !== z.basis));
        const match = exact.find((e) => valuesAgree(z, e)) ?? samePeriod.find((e) => valuesAgree(z, e)) ?? agreeing ?? exact[0] ?? samePeriod[0] ?? null;
        if (match) used.add(match);
        out.push({ zh: z, en: match, status: match ? (valuesAgree(z, match) ? 'agree' : 'mismatch') : 'missing' });
      }
      for (const d of z.deltas) {
        const fits = (y: { basis: string; unit: string; change: number; precision: number }) => y.basis === d.basis && y.unit === d.unit;
        const agrees = (y: { change: number; precision: number }) => overlaps(Math.abs(y.change), y.precision, Math.abs(d.change), d.precision);
        const e = en.find((x) => sameThing(z, x) && x.deltas.some((y) => fits(y) && agrees(y))) ?? en.find((x) => sameThing(z, x) && x.deltas.some(fits));
        const ed = e?.deltas.find((y) => fits(y) && agrees(y)) ?? e?.deltas.find(fits);
        const agree = ed !== undefined && agrees(ed);
        out.push({ zh: z, en: e ?? null, status: !ed ? 'missing' : agree ? 'agree' : 'mismatch', delta: { zh: d.text, en: ed?.text ?? null } });
      }
    }
  }
  return out;
}
