/**
 * Attaching figures to metric terms, one sentence at a time.
 *
 * The rule, in order:
 * 1. Each figure gets a role from its neighbours: a `pp` or a multiple is a change; a `%`
 *    right after a change word ("increased by", "a decrease of", `同比增长`, `缩窄`) is a change;
 *    a `%` followed by "of revenue" is the margin of the amount before it ("$164 million for
 *    Q3 or 36% of revenue"); a money figure or any other `%` is a level; a figure right after
 *    "from"/"compared with"/`较` is the earlier period's level. A bare decimal after 毛利 in
 *    Chinese is a margin in percent (`公有云毛利…从去年同期的负二点四`).
 * 2. Figures that are no result are dropped: in a clause after a guidance or estimate word
 *    (`预估`, "outlook", "expect"), bounds ("above 20%"), "per contract", savings, contracts.
 * 3. A figure belongs to the nearest term before it in the same sentence whose kind accepts
 *    it (money → amounts, `%` → ratios, `pp` → ratios, a `%` change → amounts). A NOT_METRICS
 *    term on the way ("revenue share", `收入占比`) takes it away from all terms. With no term
 *    before it, "<figure> of <term>" ("$3.5 billion of cash and investments"). With
 *    "respectively", terms and figures pair in order.
 * 4. One level per term and period: a second figure with nothing to set its period apart
 *    ("$43 million higher than the high end of our guidance range") is dropped.
 * 5. Periods (periods.ts) and changes are resolved; the change goes to the term's level of the
 *    current period, or to a figure-less observation of it ("Premier Agent revenue decreased 13%").
 */
import { isBareYuan } from './currency.js';
import type { QuantityFound } from '../quantity/types.js';
import { entityLead } from './entities.js';
import {
  BOUND_WORDS,
  COMPARISON,
  COUNT_AFTER,
  CUE_AFTER_COMPARED,
  CUE_GAP,
  DELTA_BASIS_WORDS,
  DELTA_CUES,
  DELTA_CUES_AFTER,
  DELTA_NOUNS_AFTER,
  METRICS,
  NOT_A_RESULT,
  NOT_REPORTED,
  OF_REVENUE,
  RESPECTIVELY,
  SPOKEN_RATIO_TERMS,
  type LineGroup,
  type TermKind,
} from './lexicon.js';
import { enWord, escapeRe, longestMatcher, type Matcher } from './longest.js';
import { againstPeriod, findPeriodPhrases, relation, type PeriodPhrase, type PeriodRef } from './periods.js';
import { halfUnit } from './precision.js';
import type { SegmentBook } from './segments.js';
import { findTerms, matchTerms, termStartsAt, type TermHit } from './terms.js';
import type { Basis, DeltaBasis } from './types.js';
import type { Unit } from './units.js';

export interface StatedDelta {
  basis: DeltaBasis;
  /** Signed; for a "narrowed" change the sign is set once the value is known. */
  change: number;
  unit: '%' | 'pp' | 'x';
  approx: boolean;
  precision: number;
  narrow: boolean;
  text: string;
  against?: number;
  againstPeriod?: string;
}

export interface Observation {
  sentence: Unit;
  metric: string;
  kind: TermKind;
  group: LineGroup | null;
  entity: string | null;
  segment: string | null;
  basis: Basis | null;
  period: string | null;
  value: number | null;
  unit: string;
  approx: boolean;
  precision: number;
  /** Local to the sentence; null for a change-only observation. */
  quantity: QuantityFound | null;
  deltas: StatedDelta[];
  /** For a change-only observation: the change figure. */
  changeQuantity: QuantityFound | null;
  /** Said as the earlier period's value ("compared with RMB 1,289.1 million in the same period of last year"). */
  comparison: boolean;
}

/** What holds across the sentences of a paragraph. */
export interface ParagraphState {
  /** The segment the speaker turned to ("In terms of public cloud services,"). */
  topic: string | null;
  /** The last change basis stated ("Solution developments and services costs decreased by 7.4% from…" follows two year-over-year lines). */
  basis: DeltaBasis | null;
  /** A briefing's last period ("其中，国际市场游戏收入139亿元" follows "第二季度营收…"). */
  period: string | null;
  entity: string | null;
}

export interface AttachEnv {
  segments: SegmentBook;
  ref: PeriodRef;
  /** The call's period for prepared remarks; null where a figure needs its own period words (Q&A, briefings). */
  defaultPeriod: string | null;
  /**
   * Drop levels no period words place. Set in the Q&A of a call whose period is known: a figure
   * said there without a period ("at $9,000 in revenue on mortgage, that's a $50 billion annual
   * TAM") is too rarely the quarter's result to be worth a row.
   */
  dropUndated: boolean;
  /** The call's company; null for a briefing (each item names its own). */
  entity: string | null;
  briefing: boolean;
  /** The document's usual currency, for "146.7 million" said without one. */
  currency: string;
  /** The currency of a bare `元` when the user named it (`--currency TWD`); null: CNY. */
  bareYuan: string | null;
}

type Role =
  | { role: 'level'; comparison: boolean }
  | { role: 'delta'; unit: '%' | 'pp' | 'x'; direction: 1 | -1 | 0 | null }
  | { role: 'margin-of' }
  | { role: 'bare' }
  | { role: 'skip' };

interface Item {
  q: QuantityFound;
  role: Role;
  blocked: boolean;
}

const CUE_WORDS = DELTA_CUES.flatMap((c) => [...c.en.map((w) => ({ w, d: c.direction, zh: false })), ...c.zh.map((w) => ({ w, d: c.direction, zh: true }))]);
const EN_CUE_RE = new RegExp(`\\b(${CUE_WORDS.filter((c) => !c.zh).map((c) => c.w).sort((a, b) => b.length - a.length).join('|')})${CUE_GAP.en.source.slice(1, -1)}$`, 'i');
const ZH_CUE_RE = new RegExp(`(${CUE_WORDS.filter((c) => c.zh).map((c) => escapeRe(c.w)).sort((a, b) => b.length - a.length).join('|')})${CUE_GAP.zh.source.slice(1, -1)}$`);
const CUE_DIRECTION = new Map(CUE_WORDS.map((c) => [c.w.toLowerCase(), c.d]));

const AFTER_RE = new RegExp(`^\\s*(${DELTA_CUES_AFTER.flatMap((c) => c.en).join('|')})\\b`, 'i');
const AFTER_DIRECTION = new Map(DELTA_CUES_AFTER.flatMap((c) => c.en.map((w) => [w, c.direction] as const)));
/** "5.7% sequential growth in ": see DELTA_NOUNS_AFTER; the term starts where the match ends. */
const NOUN_AFTER_RE = new RegExp(
  `^\\s+(?:(?:sequential|year-over-year|year-on-year|quarter-over-quarter|quarter-on-quarter|yoy|qoq|annual)\\s+)?(${DELTA_NOUNS_AFTER.flatMap((c) => c.en).join('|')})\\s+(?:in|of)\\s+(?:our\\s+|the\\s+|total\\s+)*`,
  'i',
);
const NOUN_DIRECTION = new Map(DELTA_NOUNS_AFTER.flatMap((c) => c.en.map((w) => [w, c.direction] as const)));

const NOT_REPORTED_EN = new RegExp(`\\b(?:${NOT_REPORTED.en.join('|')})\\b`, 'gi');
const NOT_REPORTED_ZH = new RegExp(NOT_REPORTED.zh.map(escapeRe).join('|'), 'g');

let basisWords: Matcher<DeltaBasis> | null = null;
function basisMatcher(): Matcher<DeltaBasis> {
  basisWords ??= longestMatcher(DELTA_BASIS_WORDS.flatMap((b) => [...b.en.map((e) => ({ src: enWord(e), data: b.basis })), ...b.zh.map((z) => ({ src: escapeRe(z), data: b.basis }))]));
  return basisWords;
}

/** What ends a clause, as code units: a test per character walked back was 39 ms of regex and 67 of clauseStart's own time in a warm profile of 10 x 100 English generated calls. */
const CLAUSE = new Set(Array.from('，,；;：:。！？!?', (c) => c.charCodeAt(0)));
/** Between a period phrase and the figure it owns, Chinese: `去年同期的负2.4%`, `现在已经是正的五点二`. */
const ADJ_BEFORE_ZH = /^(?:的|为|是|达到?|已经|已|也|录得|约|正的|负的|\s)*$/;
/** English: "last year's RMB 90 million". */
const ADJ_BEFORE_EN = /^(?:'s)?\s*$/;
/**
 * English: "RMB 1,289.1 million in the same period of last year", "-2.4% gross margin in the
 * same quarter last year"; not across a comma ("RMB 120 million, more than twice the amount for
 * the same quarter last year": the phrase is the change's).
 */
const FOLLOW_EN = /^[^;:,]{0,40}$/;
const MAX_TERM_DISTANCE = 200;

function clauseStart(text: string, i: number): number {
  let j = i;
  while (j > 0 && !CLAUSE.has(text.charCodeAt(j - 1))) j--;
  return j;
}

function cueBefore(text: string, q: QuantityFound, zh: boolean): 1 | -1 | 0 | null {
  const before = text.slice(Math.max(0, q.span.start - 60), q.span.start);
  const m = (zh ? ZH_CUE_RE : EN_CUE_RE).exec(before) ?? (zh ? EN_CUE_RE : ZH_CUE_RE).exec(before);
  if (!m) return null;
  return CUE_DIRECTION.get((m[1] ?? '').toLowerCase()) ?? null;
}

/**
 * The direction a word right after the figure gives it: "0.4 percentage points lower than the
 * same quarter last year". `compared`: only when what it is measured against follows ("3%
 * lower than last quarter", not "45% above our target"); a `pp` figure, always a change, takes
 * the word alone ("0.4 percentage points lower.").
 */
function cueAfter(text: string, q: QuantityFound, compared: boolean): 1 | -1 | 0 | null {
  const after = text.slice(q.span.end, q.span.end + 60);
  const m = AFTER_RE.exec(after);
  if (!m) return null;
  if (compared && !CUE_AFTER_COMPARED.en.test(after.slice(m[0].length))) return null;
  return AFTER_DIRECTION.get((m[1] ?? '').toLowerCase()) ?? null;
}

/** The direction of a change noun right after the figure ("5.7% sequential growth in revenue"). */
function nounAfter(after: string): 1 | -1 | null {
  const m = NOUN_AFTER_RE.exec(after);
  return m ? ((NOUN_DIRECTION.get((m[1] ?? '').toLowerCase()) as 1 | -1 | undefined) ?? null) : null;
}

/** `before`: the clause before the figure, up to it (see the caller). */
function classify(text: string, q: QuantityFound, zh: boolean, before: string): Role {
  if (Array.isArray(q.value)) return { role: 'skip' };
  const after = text.slice(q.span.end);
  const comparison = (COMPARISON.en.test(before) || COMPARISON.zh.test(before));
  switch (q.kind) {
    case 'pp':
      return { role: 'delta', unit: 'pp', direction: cueBefore(text, q, zh) ?? cueAfter(text, q, false) ?? nounAfter(after) };
    case 'multiple':
      return { role: 'delta', unit: 'x', direction: 1 };
    case 'percent': {
      const d = cueBefore(text, q, zh) ?? cueAfter(text, q, true) ?? nounAfter(after);
      if (d !== null) return { role: 'delta', unit: '%', direction: d };
      if (OF_REVENUE.en.test(after) || OF_REVENUE.zh.test(after)) return { role: 'margin-of' };
      return { role: 'level', comparison };
    }
    case 'money':
      // "increased by RMB 50 million", "$43 million higher than the high end of our guidance
      // range": an absolute change, which no fact holds.
      if ((cueBefore(text, q, zh) ?? cueAfter(text, q, true)) !== null && !comparison) return { role: 'skip' };
      return { role: 'level', comparison };
    case 'number':
      // `3000万辆` (the quantity stage's unit `count`) or a count noun after it: not an amount.
      if (q.unit === 'count' || COUNT_AFTER.test(after)) return { role: 'skip' };
      if (q.scale) return cueBefore(text, q, zh) !== null ? { role: 'skip' } : { role: 'level', comparison };
      if (zh && (q.value < 0 || !Number.isInteger(q.value)) && Math.abs(q.value) < 100) return { role: 'bare' };
      return { role: 'skip' };
    default:
      return { role: 'skip' };
  }
}

/** Clauses after a guidance or estimate word. */
function notReportedRanges(text: string, zh: boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const re of [NOT_REPORTED_EN, NOT_REPORTED_ZH]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (re === NOT_REPORTED_ZH || zh) {
        const figureNext = /^(?:为|是|為)?[0-9零一二两三四五六七八九十]/.test(text.slice(m.index + m[0].length));
        let e = m.index;
        while (e < text.length && !(figureNext ? /[，,；;。]/ : /[；;。]/).test(text.charAt(e))) e++;
        out.push([m.index, e]);
      } else {
        out.push([m.index, text.length]);
      }
    }
  }
  return out;
}

/** `before`: as for classify. */
function notAResult(text: string, q: QuantityFound, before: string): boolean {
  const after = text.slice(q.span.end, q.span.end + 40);
  if (NOT_A_RESULT.after.en.test(after) || NOT_A_RESULT.after.zh.test(after)) return true;
  if (/^\s*(?:in|of)\s+(?:share\s+)?(?:repurchases?|buybacks?|savings)/i.test(after)) return true;
  return NOT_A_RESULT.before.en.test(before) || NOT_A_RESULT.before.zh.test(before);
}

/** Which quantity each period phrase belongs to: the figure right after it (Chinese order), or the figure it follows (English). */
function ownPhrases(text: string, phrases: readonly PeriodPhrase[], items: readonly Item[]): Map<PeriodPhrase, Item> {
  const owner = new Map<PeriodPhrase, Item>();
  for (const p of phrases) {
    const next = items.find((it) => it.q.span.start >= p.end);
    if (next) {
      const gap = text.slice(p.end, next.q.span.start);
      if (ADJ_BEFORE_ZH.test(gap) && /[\u4e00-\u9fff]/.test(text.slice(p.start, p.end)) || ADJ_BEFORE_EN.test(gap)) {
        owner.set(p, next);
        continue;
      }
    }
    if (/[\u4e00-\u9fff]/.test(text.slice(p.start, p.end))) continue;
    const prev = [...items].reverse().find((it) => it.q.span.end <= p.start);
    if (prev && FOLLOW_EN.test(text.slice(prev.q.span.end, p.start)) && !phrases.some((o) => o !== p && o.start >= prev.q.span.end && o.end <= p.start)) {
      owner.set(p, prev);
    }
  }
  return owner;
}

export function attachSentence(u: Unit, env: AttachEnv, state: ParagraphState): Observation[] {
  const text = u.text;
  const zh = u.lang === 'zh';

  // Topic and entity first: they hold for the sentence even without figures.
  const topic = env.segments.topicOf(text, u.lang);
  if (topic && 'set' in topic) state.topic = topic.set;
  else if (topic) state.topic = null;
  const lead = env.briefing ? entityLead(text, (i) => termStartsAt(text, i)) : null;
  if (lead) state.entity = lead.name;
  // The period phrases are read only for figures (most sentences have none: 83% of those of
  // the generated English calls), so a sentence without any stops before looking for them.
  if (u.quantities.length === 0) return [];

  // Nor are they read in a sentence that names no metric ("We signed 43 new customers.", half
  // of the sentences with figures of the generated bilingual calls), but to carry a briefing's period.
  const matches = matchTerms(text);
  if (matches.every((m) => m.data.entry === null)) {
    if (env.briefing) notePeriodCarry(findPeriodPhrases(text, u.quantities, env.ref), state, env);
    return [];
  }

  const phrases = findPeriodPhrases(text, u.quantities, env.ref);
  const skip: Array<{ start: number; end: number }> = phrases.map((p) => ({ start: p.start, end: p.end }));
  if (lead) skip.push({ start: lead.start, end: lead.end });

  const terms = findTerms(text, { segments: env.segments, skip }, matches);
  inheritWithinSentence(terms);
  // `在人才方面，我们引进了…。本季度，公司实现收入…。毛利率为…`: the speaker is back at the
  // company as a whole, for the margins after the revenue as well.
  if (terms.some((t) => t.whole && t.entry && !t.segment)) state.topic = null;

  const blockedRanges = notReportedRanges(text, zh);
  const items: Item[] = u.quantities
    .filter((q) => q.kind !== 'period' && q.kind !== 'date' && q.kind !== 'year')
    .map((q) => {
      // Walked back once for both (the walk was 3-5% of the stage in profiles of English calls).
      const before = text.slice(clauseStart(text, q.span.start), q.span.start);
      const role = classify(text, q, zh, before);
      const bound = role.role === 'level' && q.approxWord !== undefined && BOUND_WORDS.test(q.approxWord.trim());
      const blocked = bound || blockedRanges.some(([s, e]) => q.span.start >= s && q.span.start < e) || notAResult(text, q, before);
      return { q, role, blocked };
    });
  // A pp change with no change word of its own repeats the one before: "an improvement of 5.3
  // percentage points from the same quarter last year, and 2.6 percentage points from the previous quarter".
  let lastDirection: 1 | -1 | 0 = 1;
  listChanges(text, items);
  for (const it of items) {
    if (it.role.role === 'delta') {
      if (it.role.direction === null) it.role.direction = lastDirection;
      else lastDirection = it.role.direction;
    }
  }
  const owner = ownPhrases(text, phrases, items);
  const ownedBy = new Map<Item, PeriodPhrase>();
  for (const [p, it] of owner) if (!ownedBy.has(it)) ownedBy.set(it, p);

  // A phrase nobody owns, not after a comparison word, sets the period of what follows
  // (`本季度，…收入达…`); a briefing carries it to the next sentences of the item.
  const defaultAt = (i: number): string | null => {
    let d: string | null | undefined;
    for (const p of phrases) {
      if (p.start >= i) break;
      if (owner.has(p)) continue;
      const before = text.slice(Math.max(0, p.start - 20), p.start);
      if (COMPARISON.en.test(before) || COMPARISON.zh.test(before) || /\bthan\s+(?:the\s+)?$/i.test(before)) continue;
      // English: a phrase that opens the sentence or follows in/for/during ("This quarter, …",
      // "In the second quarter, revenue was…"); not "after last quarter fluctuation, reached RMB 65.2 million".
      if (!/[\u4e00-\u9fff]/.test(text.slice(p.start, p.end)) && !/(?:^|\b(?:in|for|during|as of|at the end of|by the end of|of)\s+)(?:the\s+)?$/i.test(text.slice(0, p.start).replace(/^[\s*]+/, ''))) continue;
      d = p.period;
    }
    if (d !== undefined) return d;
    if (env.briefing && state.period) return state.period;
    return env.defaultPeriod;
  };

  // Bind figures to terms.
  const binding = new Map<Item, TermHit>();
  const respectively = RESPECTIVELY.en.test(text) || RESPECTIVELY.zh.test(text);
  const lists = respectively ? pairRespectively(text, terms, items, binding, zh) : [];
  // A list shares the period phrase said after its last figure: "RMB 800.0 million and RMB
  // 200.0 million, respectively, compared with RMB 700.0 million and RMB 150.0 million in the
  // same quarter last year" (the phrase is the RMB 150.0 million's, and the RMB 700.0 million's).
  const listOf = new Map<Item, Item[]>();
  for (const list of lists) {
    const shared = ownedBy.get(list[list.length - 1] as Item);
    for (const it of list) {
      listOf.set(it, list);
      if (shared && !ownedBy.has(it)) ownedBy.set(it, shared);
    }
  }
  for (const it of items) {
    if (it.blocked || binding.has(it) || it.role.role === 'skip') continue;
    const t = termFor(text, terms, it, zh);
    const perShare = t && !zh ? perShareOf(text, t, it) : null;
    if (perShare) sharePerShare(it, items[items.indexOf(it) - 1], t as TermHit, perShare.end);
    if (t) binding.set(it, perShare ?? t);
  }
  /**
   * EPS is said of its net income's period, and is a comparison where that is one: "Net income
   * was RMB 18.2 million, or RMB 0.05 per diluted share, compared with RMB 10.1 million, or RMB
   * 0.03 per diluted share, in the same quarter last year" (the phrase follows the EPS).
   */
  function sharePerShare(eps: Item, netIncome: Item | undefined, t: TermHit, end: number): void {
    if (netIncome === undefined || binding.get(netIncome) !== t) return;
    if (netIncome.role.role === 'level' && netIncome.role.comparison) eps.role = { role: 'level', comparison: true };
    // The phrase may follow the per-share words (which end at `end`) after a comma, where no figure owns it.
    const phrase = ownedBy.get(eps) ?? ownedBy.get(netIncome) ?? phrases.find((p) => !owner.has(p) && p.start >= end && /^[\s,]*$/.test(text.slice(end, p.start)));
    if (phrase === undefined) return;
    if (!ownedBy.has(eps)) ownedBy.set(eps, phrase);
    if (!ownedBy.has(netIncome)) ownedBy.set(netIncome, phrase);
  }

  const out: Observation[] = [];
  // One level per term, metric and period ("36% of revenue" is the margin beside the amount's slot).
  const slots = new Map<TermHit, Map<string, Observation>>();
  const make = (t: TermHit, metric: string, kind: TermKind, period: string | null, q: QuantityFound | null, value: number | null, comparison: boolean): Observation => ({
    sentence: u,
    metric,
    kind,
    group: metric === t.key ? (t.entry?.group ?? null) : null,
    entity: env.briefing ? state.entity : env.entity,
    segment: t.segment ?? state.topic,
    basis: t.basis,
    period,
    value,
    unit: q ? unitOf(q, text, kind, env) : '%',
    approx: q?.approx ?? false,
    precision: q ? halfUnit(q, (s) => text.slice(s.start, s.end)) : 0,
    quantity: q,
    deltas: [],
    changeQuantity: null,
    comparison,
  });

  // Levels first, so that changes find the level they belong to.
  const levelsOf = new Map<TermHit, Observation[]>();
  const pendingComparisons: Array<{ it: Item; t: TermHit }> = [];
  for (const it of items) {
    const t = binding.get(it);
    if (!t || !t.entry || t.foreign) continue;
    if (it.role.role === 'delta' || it.role.role === 'skip') continue;
    let metric = t.entry.key;
    let kind: TermKind = t.entry.kind;
    if (it.role.role === 'margin-of' || it.role.role === 'bare') {
      if (!t.entry.ratio) continue;
      metric = t.entry.ratio;
      kind = 'ratio';
    }
    const owned = ownedBy.get(it);
    const comparison = it.role.role === 'level' && it.role.comparison;
    if (!owned && comparison) {
      pendingComparisons.push({ it, t });
      continue;
    }
    const period = owned ? owned.period : defaultAt(it.q.span.start);
    addLevel(t, metric, kind, period, it, comparison);
  }

  function addLevel(t: TermHit, metric: string, kind: TermKind, period: string | null, it: Item, comparison: boolean): void {
    const byPeriod = slots.get(t) ?? new Map<string, Observation>();
    slots.set(t, byPeriod);
    if (period === null && env.dropUndated) return;
    const slot = `${metric}@${period ?? ''}`;
    if (byPeriod.has(slot)) return;
    let value = it.q.value as number;
    if (t.negative && it.q.signWord === undefined && value > 0) value = -value;
    const o = make(t, metric, kind, period, it.q, value, comparison);
    byPeriod.set(slot, o);
    levelsOf.set(t, [...(levelsOf.get(t) ?? []), o]);
    out.push(o);
  }

  // Changes.
  const deltaItems = items.filter((it) => it.role.role === 'delta' && binding.has(it));
  // Basis words are read only by changes and comparison figures ("Revenue was $656.8 million." has neither).
  const basisHits = deltaItems.length > 0 || pendingComparisons.length > 0 ? basisMatcher().findAll(text) : [];
  const ownBasis = new Map<Item, DeltaBasis | null>();
  for (const it of deltaItems) {
    const t = binding.get(it) as TermHit;
    if (!t.entry || t.foreign) continue;
    const current = currentOf(levelsOf.get(t), defaultAt(it.q.span.start));
    const ctx: BasisContext = { text, items, owner, hits: basisHits, phrases, current, zh, levels: levelsOf.get(t) };
    ownBasis.set(it, basisFor(it, ownedBy.get(it), ctx));
  }
  const deltaBasisOf = new Map<Item, DeltaBasis>();
  for (const [it, own] of ownBasis) {
    // "up 10% and 12% year-over-year, respectively": the basis after a list's last change is the list's.
    const list = listOf.get(it);
    const basis = own ?? (list ? ownBasis.get(list[list.length - 1] as Item) : null) ?? state.basis;
    if (basis) deltaBasisOf.set(it, basis);
  }
  // A comparison figure with no period words of its own is the period its change compares against.
  for (const { it, t } of pendingComparisons) {
    const delta = deltaItems.find((d) => binding.get(d) === t && deltaBasisOf.has(d));
    const basis = (delta ? deltaBasisOf.get(delta) : undefined) ?? basisInText(basisHits) ?? state.basis;
    const current = currentOf(levelsOf.get(t), defaultAt(it.q.span.start));
    const period = basis ? againstPeriod(current, basis) : null;
    if (period === null) continue;
    addLevel(t, t.entry?.key ?? '', t.entry?.kind ?? 'amount', period, it, true);
  }
  for (const it of deltaItems) {
    const t = binding.get(it) as TermHit;
    const basis = deltaBasisOf.get(it);
    if (!t.entry || t.foreign || !basis || it.role.role !== 'delta') continue;
    const levels = levelsOf.get(t) ?? [];
    const currentObs = levels.find((o) => !o.comparison) ?? null;
    const current = currentObs?.period ?? defaultAt(it.q.span.start);
    const against = againstPeriod(current, basis);
    const prior = levels.find((o) => o.period !== null && o.period === against);
    const v = Math.abs(it.q.value as number);
    const d: StatedDelta = {
      basis,
      change: it.role.unit === 'x' ? v : it.role.direction === -1 ? -v : v,
      unit: it.role.unit,
      approx: it.q.approx,
      precision: halfUnit(it.q, (s) => text.slice(s.start, s.end)),
      narrow: it.role.direction === 0,
      text: it.q.text,
    };
    // A change written with its own sign ("negative 3%") keeps it.
    if (it.q.signWord !== undefined && it.role.direction !== -1) d.change = it.q.value as number;
    if (prior?.value !== null && prior?.value !== undefined) d.against = prior.value;
    if (against) d.againstPeriod = against;
    state.basis = basis;
    if (it.role.unit === 'pp' && t.entry.kind !== 'ratio') continue;
    if (it.role.unit !== 'pp' && t.entry.kind === 'ratio') continue;
    if (currentObs) {
      currentObs.deltas.push(d);
    } else if (current !== null) {
      const o = make(t, t.entry.key, t.entry.kind, current, null, null, false);
      o.unit = t.entry.kind === 'ratio' ? '%' : env.currency;
      o.deltas.push(d);
      o.changeQuantity = it.q;
      levelsOf.set(t, [...levels, o]);
      out.push(o);
    }
  }
  notePeriodCarry(phrases, state, env);
  return out;
}

function notePeriodCarry(phrases: readonly PeriodPhrase[], state: ParagraphState, env: AttachEnv): void {
  if (!env.briefing) return;
  const last = phrases.filter((p) => p.period !== null).pop();
  if (last) state.period = last.period;
}

function currentOf(levels: readonly Observation[] | undefined, fallback: string | null): string | null {
  return levels?.find((o) => !o.comparison)?.period ?? fallback;
}

function basisInText(hits: ReadonlyArray<{ data: DeltaBasis }>): DeltaBasis | null {
  return hits[0]?.data ?? null;
}

/** What `basisFor` reads of the sentence besides the change itself. */
interface BasisContext {
  text: string;
  items: readonly Item[];
  /** Which figure owns each period phrase (`ownPhrases`). */
  owner: ReadonlyMap<PeriodPhrase, Item>;
  hits: ReadonlyArray<{ start: number; end: number; data: DeltaBasis }>;
  phrases: readonly PeriodPhrase[];
  current: string | null;
  zh: boolean;
  /** The levels of the change's term in the sentence. */
  levels: readonly Observation[] | undefined;
}

/**
 * A change's basis: a period phrase it owns ("5.3 percentage points from the same quarter
 * last year"); basis words or period phrases between it and its neighbours, after it first in
 * English ("increased by 202% year-over-year"), before it first in Chinese (`同比增长8%`,
 * `较上季度缩窄二点六个百分点`), with the period of its own comparison figure between the two
 * in English ("up 2.4% from RMB 1,235.5 million last quarter"); the earlier-period level of
 * its term in the sentence.
 */
function basisFor(it: Item, owned: PeriodPhrase | undefined, ctx: BasisContext): DeltaBasis | null {
  const { text, items, current, zh } = ctx;
  const related = (p: PeriodPhrase | undefined): DeltaBasis | null => (p?.period && current ? relation(current, p.period) : null);
  const fromOwned = related(owned);
  if (fromOwned) return fromOwned;
  const idx = items.indexOf(it);
  const prevEnd = items[idx - 1]?.q.span.end ?? 0;
  const nextStart = items[idx + 1]?.q.span.start ?? text.length;
  // Basis words (`同比`, "year-over-year") and period phrases (`较上季度`, "from the same quarter
  // last year"). A phrase another figure owns is that figure's period, not this change's basis:
  // in "an increase of 12.3% from RMB 1,126.0 million in the same period of last year, and up
  // 2.4% from RMB 1,235.5 million last quarter" the year-ago phrase before the 2.4% is the
  // RMB 1,126.0 million's.
  const inWindow = (s: number, e: number): DeltaBasis | null => {
    const word = ctx.hits.find((h) => h.start >= s && h.end <= e)?.data;
    if (word) return word;
    for (const p of ctx.phrases) {
      const owner = ctx.owner.get(p);
      if (p.start < s || p.end > e || (owner !== undefined && owner !== it)) continue;
      const r = related(p);
      if (r) return r;
    }
    return null;
  };
  const before = inWindow(prevEnd, it.q.span.start);
  const after = inWindow(it.q.span.end, nextStart);
  const fromWords = zh ? (before ?? after) : (after ?? comparedWith(it, ctx) ?? before);
  if (fromWords) return fromWords;
  // `营收是12.3亿元，比去年同期的10.8亿元增长14%`: in Chinese the figure compared against comes
  // right before its change, after a comparison word (比, 较, 相比) and period words of its own
  // (so it is a level of that period, not a comparison figure), and the change measures against
  // it. Without the comparison word (`上季度为11.5亿元增长了20%`) the change may be that
  // quarter's own.
  const prev = items[idx - 1];
  const prevClause = prev === undefined ? '' : text.slice(items[idx - 2]?.q.span.end ?? 0, prev.q.span.start);
  if (zh && current && prev !== undefined && /^[^，,。；;]{0,6}$/.test(text.slice(prevEnd, it.q.span.start)) && /(?:较|比|相比|相较|对比)[^，,。；;]*$/.test(prevClause)) {
    const o = ctx.levels?.find((l) => l.quantity === prev.q && l.period !== null && l.period !== current);
    const r = o?.period ? relation(current, o.period) : null;
    if (r) return r;
  }
  if (current) {
    for (const o of ctx.levels ?? []) {
      if (o.comparison && o.period) {
        const r = relation(current, o.period);
        if (r) return r;
      }
    }
  }
  return null;
}

/** Between an English change and the earlier level it is measured from: " from ", ", compared with ", " versus ". */
const TO_COMPARISON_EN = /^[^;:.]{0,40}$/;

/**
 * The basis an English change takes from the figure it is measured from, when that figure's
 * period is said: "up 2.4% from RMB 1,235.5 million last quarter" (quarter over quarter),
 * "down 3% compared with $9.8 million in the fourth quarter of 2023".
 */
function comparedWith(it: Item, ctx: BasisContext): DeltaBasis | null {
  const next = ctx.items[ctx.items.indexOf(it) + 1];
  if (!next || next.role.role !== 'level' || !next.role.comparison) return null;
  if (!TO_COMPARISON_EN.test(ctx.text.slice(it.q.span.end, next.q.span.start))) return null;
  for (const [p, owner] of ctx.owner) {
    if (owner === next && p.period && ctx.current) return relation(ctx.current, p.period);
  }
  return null;
}

/** Between the figures of one "respectively" list: "RMB 33.0 million and RMB 22.0 million", `14亿元、9.1亿元、9亿元`. */
const LIST_GAP = /^(?:\s|,|，|、|and\b|和|及|与)*$/i;

/** The kind of figure a "respectively" list holds: all its figures share it. */
function listRole(it: Item): string {
  const r = it.role;
  if (r.role === 'level') return r.comparison ? 'comparison' : 'level';
  return r.role === 'delta' ? `delta ${r.unit}` : r.role;
}

/**
 * "Fulfillment costs and other costs were RMB 71.7 million and RMB 41.3 million this quarter,
 * respectively." Figures in a list (side by side, joined by "and" or commas) pair in order with
 * the terms between the figure before the list and the list: in "Solution development and
 * services costs were RMB 235.8 million, and fulfillment costs and other costs were RMB 33.0
 * million and RMB 22.0 million, respectively" the list is the last two figures and the terms
 * the two after RMB 235.8 million. A later list with no terms of its own pairs with the same
 * terms ("were RMB 71.7 million and RMB 41.3 million, compared with RMB 80.2 million and RMB
 * 40.1 million, respectively").
 */
function pairRespectively(text: string, terms: readonly TermHit[], items: readonly Item[], binding: Map<Item, TermHit>, zh: boolean): Item[][] {
  const live = items.filter((it) => !it.blocked && (it.role.role === 'level' || it.role.role === 'delta'));
  const paired: Item[][] = [];
  let last: TermHit[] | null = null;
  for (const list of figureLists(text, live)) {
    const first = list[0] as Item;
    const prevEnd = items.filter((it) => it.q.span.end <= first.q.span.start).pop()?.q.span.end ?? 0;
    const own = terms.filter((t) => t.entry !== null && t.start >= prevEnd && t.end <= first.q.span.start);
    const group = listTerms(own, last, list.length);
    if (!group || !list.every((it, i) => accepts(text, group[i] as TermHit, it, zh))) continue;
    list.forEach((it, i) => binding.set(it, group[i] as TermHit));
    paired.push(list);
    last = group;
  }
  return paired;
}

/** The terms a list of `n` figures pairs with: the last `n` of its own, else the previous list's. */
function listTerms(own: TermHit[], previous: TermHit[] | null, n: number): TermHit[] | null {
  if (own.length >= n) return own.slice(-n);
  return own.length === 0 && previous !== null && previous.length === n ? previous : null;
}

/**
 * A % figure listed right after a % change is a change too: "increased by 5% and 7%,
 * respectively" (the 7% has no change word of its own). Its direction comes from the one before.
 */
function listChanges(text: string, items: Item[]): void {
  for (let i = 1; i < items.length; i++) {
    const prev = items[i - 1] as Item;
    const it = items[i] as Item;
    // Likewise a level listed after a comparison figure: "compared with RMB 700.0 million and
    // RMB 150.0 million in the same quarter last year".
    if (prev.role.role === 'level' && prev.role.comparison && it.role.role === 'level' && !it.role.comparison && prev.q.kind === it.q.kind) {
      if (LIST_GAP.test(text.slice(prev.q.span.end, it.q.span.start))) it.role = { role: 'level', comparison: true };
      continue;
    }
    if (prev.role.role !== 'delta' || prev.role.unit !== '%' || it.q.kind !== 'percent' || it.role.role !== 'level') continue;
    if (LIST_GAP.test(text.slice(prev.q.span.end, it.q.span.start))) it.role = { role: 'delta', unit: '%', direction: null };
  }
}

/** Runs of two or more figures of one kind with only list words between them. */
function figureLists(text: string, live: readonly Item[]): Item[][] {
  const lists: Item[][] = [];
  let run: Item[] = [];
  for (const it of live) {
    const prev = run[run.length - 1];
    if (prev && listRole(prev) === listRole(it) && LIST_GAP.test(text.slice(prev.q.span.end, it.q.span.start))) {
      run.push(it);
      continue;
    }
    if (run.length >= 2) lists.push(run);
    run = [it];
  }
  if (run.length >= 2) lists.push(run);
  return lists;
}

function accepts(text: string, t: TermHit, it: Item, zh: boolean): boolean {
  if (!t.entry) return false;
  const r = it.role;
  switch (r.role) {
    case 'level':
      if (it.q.kind === 'percent') return t.entry.kind === 'ratio';
      return t.entry.kind === 'amount' || (t.entry.kind === 'per-share' && Math.abs(it.q.value as number) < 1000);
    case 'margin-of':
      return t.entry.kind === 'amount' && t.entry.ratio !== undefined;
    case 'bare':
      return zh && t.zh && SPOKEN_RATIO_TERMS.includes(text.slice(t.start, t.end)) && t.entry.ratio !== undefined;
    case 'delta':
      return r.unit === 'pp' ? t.entry.kind === 'ratio' : t.entry.kind !== 'ratio';
    default:
      return false;
  }
}

const EPS = METRICS.find((m) => m.key === 'eps');
/** Right after a money figure: "RMB 0.05 per diluted share", "US$0.12 per ADS", "per basic and diluted ADS". */
const PER_SHARE_AFTER = /^\s*per\s+(?:(?:basic|diluted)\s+(?:and\s+(?:basic|diluted)\s+)?)?(?:ordinary\s+)?(?:shares?|ads|american depositary shares?)\b/i;

/**
 * "Net income was RMB 18.2 million, or RMB 0.05 per diluted share": the figure after net
 * income, said per share, is earnings per share, with net income's basis and sign ("Net loss
 * was $4.1 million, or $0.51 per diluted share" is -0.51). Only after net income: "a dividend
 * of $0.10 per share" is no EPS, and left to the usual rules (no term takes it).
 */
function perShareOf(text: string, owner: TermHit, it: Item): TermHit | null {
  if (EPS === undefined || owner.key !== 'net_income' || it.role.role !== 'level' || it.q.kind !== 'money') return null;
  const m = PER_SHARE_AFTER.exec(text.slice(it.q.span.end));
  if (!m) return null;
  return { ...owner, start: it.q.span.end, end: it.q.span.end + m[0].length, entry: EPS, key: EPS.key, kind: EPS.kind, zh: false };
}

function termFor(text: string, terms: readonly TermHit[], it: Item, zh: boolean): TermHit | null {
  const qs = it.q.span.start;
  // "we achieved a 5.7% sequential growth in revenue": the term after the change noun, not
  // whatever term the sentence said before.
  if (it.role.role === 'delta' && !zh) {
    const m = NOUN_AFTER_RE.exec(text.slice(it.q.span.end));
    if (m) {
      const at = it.q.span.end + m[0].length;
      const t = terms.find((x) => x.start === at);
      if (t && accepts(text, t, it, zh)) return t;
    }
  }
  for (let i = terms.length - 1; i >= 0; i--) {
    const t = terms[i] as TermHit;
    if (t.end > qs) continue;
    if (qs - t.end > MAX_TERM_DISTANCE) break;
    // "The revenue share of our largest customer dropped further to around 16%".
    if (t.entry === null) return null;
    if (accepts(text, t, it, zh)) return t;
  }
  // "$3.5 billion of cash and investments": the term right after the figure; "in" only for a
  // balance ("$3.4 billion in cash and investments"; "$9,000 in revenue on mortgage" is a rate).
  const m = /^\s+(of|in)\s+(?:our\s+|the\s+|total\s+)*/i.exec(text.slice(it.q.span.end));
  if (m) {
    const at = it.q.span.end + m[0].length;
    const t = terms.find((x) => x.start === at);
    if (t && (m[1]?.toLowerCase() === 'of' || t.entry?.balance === true) && accepts(text, t, it, zh)) return t;
  }
  return null;
}

/**
 * Within a sentence a later term without a segment of its own takes the segment of an
 * earlier one ("Gross profit of public cloud services was RMB 59.7 million, … improved from the
 * gross loss of RMB 30.7 million"), and a later term of the same metric its basis.
 */
function inheritWithinSentence(terms: TermHit[]): void {
  let seg: string | null = null;
  const basisByKey = new Map<string, Basis>();
  for (const t of terms) {
    if (!t.entry || t.foreign) continue;
    if (t.segment) seg = t.segment;
    else if (seg) t.segment = seg;
    if (t.basis) basisByKey.set(t.entry.key, t.basis);
    else t.basis = basisByKey.get(t.entry.key) ?? null;
  }
}

function unitOf(q: QuantityFound, text: string, kind: TermKind, env: AttachEnv): string {
  if (kind === 'ratio') return '%';
  // The quantity stage reads `1.55万亿元新台币` as yuan: the currency after 元 decides.
  const after = text.slice(q.span.end, q.span.end + 4);
  if (/^(?:新台币|台币)/.test(after)) return 'TWD';
  if (/^港币/.test(after)) return 'HKD';
  if (env.bareYuan !== null && isBareYuan(q)) return env.bareYuan;
  return q.unit === '' || q.unit === 'count' ? env.currency : q.unit;
}

