/**
 * Which English topic of an interpretation renders which Chinese topic of the original turn.
 *
 * Pairing the two lists in order fails as soon as one side has a topic the other lacks: the
 * CEO says `边缘计算方面，本季度实现收入八亿元…` and later `在人才方面，我们引进了…`, the
 * interpreter only "In terms of edge computing services, revenues were RMB 800 million…".
 * The figures say which is which: `八亿元` and "RMB 800 million" are the same amount, so
 * `边缘计算` is "edge computing" whatever else either turn turns to.
 */
import type { QuantityFound } from '../quantity/types.js';
import { METRICS } from './lexicon.js';

/** A topic a turn turns to, with the figures said under it (up to the next topic of the paragraph). */
export interface TopicBlock {
  /** As the topic regex found it: `边缘计算`, "edge computing". */
  name: string;
  /**
   * For an English topic said with a suffix ("In terms of public cloud services"), its
   * canonical name, already learned; null for one without ("In terms of edge computing,"),
   * which is learned only when its figures pair it with a Chinese topic.
   */
  learned: string | null;
  figures: QuantityFound[];
}

/** The kinds that can say the same thing in both languages; years and dates are no evidence. */
const FIGURE_KINDS: ReadonlySet<QuantityFound['kind']> = new Set(['money', 'percent', 'pp', 'number', 'multiple']);

export function isFigure(q: QuantityFound): boolean {
  return FIGURE_KINDS.has(q.kind) && typeof q.value === 'number';
}

/**
 * The same figure in both languages, within the interpreter's rounding (`九点六亿元` → "RMB
 * 960 million", `十二点六四亿元` → "RMB 1.26 billion"). Signs are ignored: the interpreter's
 * "a gross loss of RMB 21 million" is `毛利为负的二千一百万元`.
 */
function sameFigure(a: QuantityFound, b: QuantityFound): boolean {
  if (a.kind !== b.kind || typeof a.value !== 'number' || typeof b.value !== 'number') return false;
  if (a.unit && b.unit && a.unit !== b.unit) return false;
  const x = Math.abs(a.value);
  const y = Math.abs(b.value);
  return Math.abs(x - y) <= 0.005 * Math.max(x, y);
}

/**
 * How strongly two topics' figures say they are one: the shared figures, or 0 unless one of
 * them is an amount. A segment is named where its revenue or profit is said; a percent alone
 * (`研发人员占比百分之四十` under `在人才方面`) is too common to name anything by.
 */
function evidence(zh: TopicBlock, en: TopicBlock): number {
  let shared = 0;
  let money = false;
  for (const z of zh.figures) {
    const e = en.figures.find((f) => sameFigure(z, f));
    if (!e) continue;
    shared++;
    if (z.kind === 'money') money = true;
  }
  return money ? shared : 0;
}

/**
 * Metric words are no segment names: "Regarding revenue, we…" beside `收入方面，…` carries
 * the same figures but turns to a metric, and "revenue" as a segment would take every revenue
 * of the English turns.
 */
const EN_METRIC_WORD = new RegExp(`\\b(?:${METRICS.flatMap((m) => m.en).join('|')})\\b`, 'i');

/** An English topic that may name a segment: one learned with its suffix, or one that is no metric. */
function nameable(en: TopicBlock): boolean {
  return en.learned !== null || !EN_METRIC_WORD.test(en.name);
}

/** Each Chinese topic with the English topic its figures match best, greedily, strongest first. */
function pairByFigures(zh: readonly TopicBlock[], en: readonly TopicBlock[]): Map<TopicBlock, TopicBlock> {
  const candidates: Array<{ z: TopicBlock; e: TopicBlock; score: number }> = [];
  for (const z of zh) {
    for (const e of en) {
      const score = nameable(e) ? evidence(z, e) : 0;
      if (score > 0) candidates.push({ z, e, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  const out = new Map<TopicBlock, TopicBlock>();
  const taken = new Set<TopicBlock>();
  for (const { z, e } of candidates) {
    if (out.has(z) || taken.has(e)) continue;
    out.set(z, e);
    taken.add(e);
  }
  return out;
}

/**
 * Pairs the topics whose figures match, then, in order, the others when the two lists left
 * are as long (the rule before figures were compared: "In terms of intelligent computing
 * services" for `智能计算方面` even when the interpreter rendered a figure wrongly). English
 * topics without a suffix are paired by figures only: "In terms of the macro environment,"
 * names nothing. A Chinese topic without figures (`在人才方面`) is left out of the order when
 * that makes the lists as long. `named`: segments the interpretation names by a term ("Revenue
 * from edge computing services was RMB 800 million"), paired by figures only.
 */
export function pairTopics(zh: readonly TopicBlock[], en: readonly TopicBlock[], named: readonly TopicBlock[] = []): Map<TopicBlock, TopicBlock> {
  const pairs = pairByFigures(zh, [...en, ...named]);
  const taken = new Set(pairs.values());
  const zhLeft = zh.filter((z) => !pairs.has(z));
  const enLeft = en.filter((e) => !taken.has(e) && e.learned !== null);
  const inOrder = (zs: readonly TopicBlock[], es: readonly TopicBlock[]): boolean => {
    if (zs.length !== es.length) return false;
    zs.forEach((z, i) => pairs.set(z, es[i] as TopicBlock));
    return true;
  };
  if (!inOrder(zhLeft, enLeft)) inOrder(zhLeft.filter((z) => z.figures.length > 0), enLeft);
  return pairs;
}
