/**
 * The metrics stage: financial facts with periods, changes, tie-outs and cross-language
 * checks, from a parsed transcript. Pure: no printing, no I/O.
 *
 *   units.ts (sentences with quantities) → segments.ts (the company's segment names)
 *   → attach.ts per sentence (terms.ts, periods.ts, entities.ts) → cross-language.ts
 *   → merge.ts (one fact per thing said) → deltas.ts (computed changes, delta checks)
 *   → tieouts.ts (margins, segment, cost and expense sums)
 */
import { currencyEvidence } from './currency.js';
import type { Diagnostic, Transcript, Turn } from '../model.js';
import { attachSentence, type AttachEnv, type Observation, type ParagraphState } from './attach.js';
import { pairLanguages } from './cross-language.js';
import { computeDeltas } from './deltas.js';
import { describe, formatValue } from './describe.js';
import { mergeObservations } from './merge.js';
import { makeRef } from './periods.js';
import { learnSegments } from './segments.js';
import { lineChecks, marginChecks, segmentChecks } from './tieouts.js';
import type { Check, MetricsOptions, MetricsResult } from './types.js';
import { readUnits } from './units.js';
import { append } from '../arrays.js';

export type * from './types.js';
export { METRICS } from './lexicon.js';

export function extractMetrics(source: { text: string }, transcript: Transcript, opts: MetricsOptions = {}): MetricsResult {
  const diagnostics: Diagnostic[] = [];
  const units = readUnits(source, transcript, opts.sentences);
  const segments = learnSegments(units, transcript);
  const company = opts.entity ?? transcript.call.company;
  const period = opts.period ?? transcript.call.period;
  const ref = makeRef(period, opts.date ?? transcript.call.date);
  const briefing = company === null;
  if (!period && !briefing) {
    diagnostics.push({ severity: 'warning', rule: 'metrics-no-period', message: 'the call\'s period is unknown: figures without period words have no period' });
  }
  const evidence = currencyEvidence(units);
  const currency = opts.currency ?? evidence.usual;
  // `8 亿元` with nothing in the call naming the yuan: a Taiwanese or Hong Kong call says 元 too.
  // Info, not a warning: most Chinese-only calls are mainland ones that never say 人民币, and a
  // warning on each would be noise (and fail `--strict`); JSON carries it, --verbose shows it.
  if (opts.currency === undefined && evidence.bareYuan > 0 && evidence.namedYuan === 0 && evidence.other === 0) {
    diagnostics.push({
      severity: 'info',
      rule: 'metrics-currency-assumed',
      message: 'no figure names its currency (人民币, RMB, US$, NT$…): amounts in 元 are read as CNY; for a Taiwanese or Hong Kong company give --currency TWD or HKD',
    });
  }

  const obs: Observation[] = [];
  let state: ParagraphState | null = null;
  // The paragraph the state is for, as turn number and paragraph index (compared as numbers,
  // not as a "turn:paragraph" string built per sentence).
  let turnN = -1;
  let paragraph = -1;
  // The environment depends on the turn's section only: one per section, not one per sentence.
  const envs = new Map<Turn['section'], AttachEnv>();
  for (const u of units) {
    if (u.turn.n !== turnN || u.paragraph !== paragraph || !state) {
      state = { topic: null, basis: null, period: null, entity: null };
      turnN = u.turn.n;
      paragraph = u.paragraph;
    }
    let env = envs.get(u.turn.section);
    if (env === undefined) {
      env = {
        segments,
        ref,
        defaultPeriod: briefing ? null : u.turn.section === 'prepared' ? period : null,
        dropUndated: !briefing && period !== null && u.turn.section === 'qa',
        entity: company,
        briefing,
        currency,
        bareYuan: opts.currency ?? null,
      };
      envs.set(u.turn.section, env);
    }
    for (const o of attachSentence(u, env, state)) obs.push(o);
  }

  const pairings = pairLanguages(obs, transcript);
  const forced = new Map<Observation, Observation>();
  for (const p of pairings) {
    if (p.delta || !p.en) continue;
    if (p.status === 'mismatch') forced.set(p.en, p.zh);
    // An interpretation is no more precise than what it renders: the interpreter's "RMB 960
    // million" for `九点六亿元` stands for 955–965 million, and so agrees with the CFO's 961.3.
    else if (p.status === 'agree') p.en.precision = Math.max(p.en.precision, p.zh.precision);
  }
  const { facts, factOf } = mergeObservations(obs, forced);

  const checks: Check[] = [];
  append(append(append(checks, marginChecks(facts)), segmentChecks(facts)), lineChecks(facts));
  append(checks, computeDeltas(facts));
  for (const p of pairings) {
    const zi = factOf.get(p.zh) as number;
    const ei = p.en ? factOf.get(p.en) : undefined;
    const f = facts[zi];
    if (!f) continue;
    const zhText = p.delta ? p.delta.zh : p.zh.sentence.text.slice(p.zh.quantity?.span.start ?? 0, p.zh.quantity?.span.end ?? 0);
    const enText = p.delta ? p.delta.en : p.en ? p.en.sentence.text.slice(p.en.quantity?.span.start ?? 0, p.en.quantity?.span.end ?? 0) : null;
    const turns = `turn ${p.zh.sentence.turn.n}${p.en ? ` → ${p.en.sentence.turn.n}` : ''}`;
    const what = `${describe(f)}${p.delta ? ' change' : ''}`;
    if (p.status === 'agree') {
      checks.push({ kind: 'cross-language', status: 'pass', message: `${what}: ${zhText} = ${enText} (${turns})`, facts: ei !== undefined && ei !== zi ? [zi, ei] : [zi] });
    } else if (p.status === 'mismatch') {
      checks.push({
        kind: 'cross-language',
        status: 'fail',
        message: `${what}: the original says ${zhText} («${p.zh.sentence.text}»), the interpretation ${enText} («${p.en?.sentence.text ?? ''}»); the original's ${p.delta ? 'figure' : formatValue(f)} stands (${turns})`,
        facts: ei !== undefined && ei !== zi ? [zi, ei] : [zi],
      });
    } else {
      checks.push({ kind: 'cross-language', status: 'warn', message: `${what}: ${zhText} has no counterpart in the interpretation (${turns})`, facts: [zi] });
    }
  }
  return { facts, checks, diagnostics };
}
