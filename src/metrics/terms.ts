/**
 * Metric terms in a sentence: every occurrence of a lexicon term, longest match first, with
 * the basis and segment its neighbours give it, or marked `foreign` when a neighbour says the
 * figure is someone else's ("total revenues from Kingsoft Group", `来自…的整体收入`,
 * "origination revenue").
 */
import { BASES, METRICS, NEUTRAL_PREFIX, NOT_METRICS, SEGMENT_SUFFIX, type MetricEntry, type TermKind } from './lexicon.js';
import { enWord, escapeRe, longestMatcher, type Match, type Matcher, type Pattern } from './longest.js';
import type { SegmentBook } from './segments.js';
import type { Basis } from './types.js';

export interface TermHit {
  start: number;
  end: number;
  /** Null for a NOT_METRICS term: it takes figures near it away from real terms. */
  entry: MetricEntry | null;
  key: string | null;
  kind: TermKind | null;
  /** Written as a loss: `net loss`, `净亏损`, "gross loss". */
  negative: boolean;
  basis: Basis | null;
  /** Set from the term's own neighbours; the caller falls back to the paragraph's topic. */
  segment: string | null;
  /** The figure belongs to something else (a customer, an unknown qualifier): drop it. */
  foreign: boolean;
  /**
   * The term names the company as a whole (`本季度，公司实现收入人民币十一点九亿元`): the
   * paragraph's topic does not hold for it, so no segment unless the term names one itself.
   */
  whole: boolean;
  /** Written in Chinese (decides the spoken-ratio rule for 毛利). */
  zh: boolean;
}

export interface TermData {
  entry: MetricEntry | null;
  negative: boolean;
  zh: boolean;
}

let matcher: Matcher<TermData> | null = null;

function compile(): Matcher<TermData> {
  if (matcher) return matcher;
  const ps: Array<Pattern<TermData>> = [];
  for (const e of METRICS) {
    for (const s of e.en) ps.push({ src: enWord(s), data: { entry: e, negative: false, zh: false } });
    for (const s of e.zh) ps.push({ src: escapeRe(s), data: { entry: e, negative: false, zh: true } });
    for (const s of e.negative?.en ?? []) ps.push({ src: enWord(s), data: { entry: e, negative: true, zh: false } });
    for (const s of e.negative?.zh ?? []) ps.push({ src: escapeRe(s), data: { entry: e, negative: true, zh: true } });
  }
  for (const s of NOT_METRICS.en) ps.push({ src: enWord(s), data: { entry: null, negative: false, zh: false } });
  for (const s of NOT_METRICS.zh) ps.push({ src: escapeRe(s), data: { entry: null, negative: false, zh: true } });
  matcher = longestMatcher(ps);
  return matcher;
}

/** Words that end an English prefix without qualifying the term: verbs, prepositions, conjunctions. */
const EN_PREFIX_STOP = new Set([
  'was', 'were', 'is', 'are', 'be', 'been', 'being', 'by', 'from', 'in', 'on', 'at', 'to', 'for', 'that', 'which', 'while', 'as', 'so',
  'then', 'also', 'where', 'when', 'with', 'and', 'or', 'but', 'than', 'both', 'reached', 'achieved', 'recorded', 'delivered',
  'generated', 'grew', 'increased', 'decreased', 'saw', 'had', 'has', 'have', 'see', 'into', 'about', 'representing', 'represents',
  'of', 'whereas', 'further', 'its', 'their', 'his', 'her', 'we', 'us', 'i', 'you', 'they', 'it', 'this', 'these', 'those', 'after',
  'before', 'because', 'since', 'although', 'if', 'once', 'again', 'strong', 'solid', 'our', 'the', 'a', 'an', 'record', 'first',
  'second', 'third', 'fourth', 'quarter', 'quarterly', 'year', 'annual', 'half', 'continued', 'continues', 'drove', 'driven',
  'improved', 'improving', 'expanding', 'positive', 'negative', 'healthy', 'lower', 'higher', 'together', 'combined', 'total',
  // Comparison words: "Operating income was RMB 25.3 million, versus an operating loss of RMB
  // 12.8 million in the same quarter last year" (`an` is neutral, and `versus`, read as a
  // qualifier, made the loss someone else's).
  'versus', 'vs', 'vs.', 'against',
  // A change said as a noun: "a 12% year-over-year decline of net income" (`of` is neutral).
  'growth', 'increase', 'decline', 'decrease', 'rise', 'gain', 'improvement', 'expansion', 'drop', 'reduction', 'contraction',
]);

const EN_BASES = BASES.flatMap((b) => b.en.map((w) => ({ basis: b.basis, words: w.split(' ') })));
const ZH_BASES = BASES.flatMap((b) => b.zh.map((w) => ({ basis: b.basis, w }))).sort((a, b) => b.w.length - a.w.length);
const EN_NEUTRAL = new Set(NEUTRAL_PREFIX.en);
/**
 * A prefix that opens with the company (`公司实现`, `集团`) names the company as a whole: its
 * figure is the total even after a topic (`在人才方面，我们引进了…。本季度，公司实现收入…`).
 */
const ZH_WHOLE = /^(?:本季度|本季)?(?:公司|集团)/;
const ZH_NEUTRAL = [...NEUTRAL_PREFIX.zh].sort((a, b) => b.length - a.length);
/** What ends a clause before a term, as code units (a Set lookup per character walked back, not a regex test). */
const CLAUSE_BREAK = new Set(Array.from('，,；;：:。！？!?（(）)、“”"', (c) => c.charCodeAt(0)));
/**
 * After an English term: "from/of/for/in [our/the] <name> <suffix>". Compiled once here:
 * compiled for every term, it was the largest self time of the stage (51 ms of a warm profile
 * of 10 x 100 English generated calls). Not global nor sticky, so it keeps no state between uses.
 */
const EN_SEGMENT_AFTER = new RegExp(`^\\s+(?:from|of|for|in)\\s+(?:our\\s+|the\\s+)?([a-z][a-z&\\- ]{1,40}?)\\s+${SEGMENT_SUFFIX.en}\\b`, 'i');
/** A Chinese name's own suffix (`国际市场游戏业务` → `国际市场游戏`). */
const ZH_SEGMENT_SUFFIX_END = new RegExp(`(?:${SEGMENT_SUFFIX.zh.join('|')})$`);

export interface TermContext {
  segments: SegmentBook;
  /** Spans of the sentence to ignore in a Chinese prefix: period phrases, the entity's name. */
  skip: ReadonlyArray<{ start: number; end: number }>;
}

/** The lexicon's terms in a sentence, unqualified: what `findTerms` starts from. */
export function matchTerms(text: string): Array<Match<TermData>> {
  return compile().findAll(text);
}

/** `matches`: the sentence's `matchTerms`, when the caller has them already. */
export function findTerms(text: string, ctx: TermContext, matches: ReadonlyArray<Match<TermData>> = matchTerms(text)): TermHit[] {
  const out: TermHit[] = [];
  let lastEnd = 0;
  for (const { start, end, data: alt } of matches) {
    const hit: TermHit = {
      start,
      end,
      entry: alt.entry,
      key: alt.entry?.key ?? null,
      kind: alt.entry?.kind ?? null,
      negative: alt.negative,
      basis: null,
      segment: null,
      foreign: false,
      whole: false,
      zh: alt.zh,
    };
    // The prefix of a term stops where the term before it ends ("Fulfillment costs and other costs").
    if (alt.entry) (alt.zh ? qualifyZh : qualifyEn)(text, hit, ctx, lastEnd);
    out.push(hit);
    lastEnd = end;
  }
  return out;
}

function clauseStart(text: string, i: number): number {
  let j = i;
  while (j > 0 && !CLAUSE_BREAK.has(text.charCodeAt(j - 1))) j--;
  return j;
}

/**
 * English neighbours. Before the term, walking back word by word: neutral words, a basis
 * ("normalized adjusted"), a segment ("IMT segment", a learned name, a capitalised name:
 * "Premier Agent revenue"); a stop word ends the walk; any other word qualifies the term
 * as someone else's ("origination revenue"). After it: "from/of/for [the] <segment>
 * services"; "from <anything else>" is a customer ("revenues from Kingsoft Group").
 */
function qualifyEn(text: string, hit: TermHit, ctx: TermContext, from: number): void {
  const before = text.slice(Math.max(from, clauseStart(text, hit.start)), hit.start);
  const words = before.split(/\s+/).filter((w) => w.length > 0);
  let i = words.length - 1;
  const lower = (k: number) => (words[k] ?? '').toLowerCase();
  while (i >= 0) {
    const w = lower(i);
    const basis = EN_BASES.find((b) => b.words.every((bw, k) => lower(i - b.words.length + 1 + k) === bw));
    if (basis && !hit.basis) {
      hit.basis = basis.basis;
      i -= basis.words.length;
      continue;
    }
    if (w === 'segment' || w === 'segment’s' || w === "segment's") {
      const name: string[] = [];
      let k = i - 1;
      while (k >= 0 && /^[A-Z&]/.test(words[k] ?? '') && !EN_NEUTRAL.has(lower(k))) name.unshift(words[k] as string), k--;
      if (name.length > 0 && !hit.segment) hit.segment = ctx.segments.canonical(name.join(' '));
      i = k;
      continue;
    }
    const learned = ctx.segments.endingAt(words.slice(0, i + 1));
    if (learned && !hit.segment) {
      hit.segment = learned.name;
      i -= learned.words;
      continue;
    }
    if (EN_NEUTRAL.has(w)) {
      i--;
      continue;
    }
    // A figure ends the prefix: "$3.5 billion of cash and investments".
    if (EN_PREFIX_STOP.has(w) || /^[^a-z]/i.test(w) || /\d/.test(w) || /(?:ly|ed)$/.test(w) || /^(?:million|billion|thousand|trillion|mn|bn|rmb|usd|hkd|cny)$/.test(w)) break;
    // A capitalised name right before the term: "Premier Agent revenue". One capitalised word
    // opening the sentence says nothing ("Subscription revenue grew 4%"): it is read as lower case.
    if (/^[A-Z]/.test(words[i] ?? '')) {
      const name: string[] = [];
      let k = i;
      while (k >= 0 && /^[A-Z][\w&-]*$/.test(words[k] ?? '') && !EN_NEUTRAL.has(lower(k)) && !EN_PREFIX_STOP.has(lower(k))) name.unshift(words[k] as string), k--;
      const opensSentence = k < 0 && text.slice(0, hit.start).trim() === before.trim();
      if (name.length === 1 && opensSentence) {
        hit.foreign = true;
        break;
      }
      if (name.length > 0 && !hit.segment) hit.segment = ctx.segments.canonical(name.join(' '));
      break;
    }
    hit.foreign = true;
    break;
  }
  const after = text.slice(hit.end);
  const seg = EN_SEGMENT_AFTER.exec(after);
  if (seg) {
    const name = ctx.segments.lookup(seg[1] ?? '');
    if (name) {
      hit.segment ??= name;
      return;
    }
  }
  // "total revenues from Kingsoft Group": a customer's revenue. "from" + a figure or a period is a comparison.
  if (/^\s+from\s+(?!(?:the\s+)?(?:same|last|previous|prior|\d|rmb|us\$|\$|negative|a\s+year|approximately|about))[A-Za-z]/i.test(after)) hit.foreign = true;
}

/**
 * Chinese neighbours: the prefix from the start of the clause, with period phrases and the
 * entity's name taken out, then from its end a basis (`常态化调整后的`), neutral words
 * (`公司`, `本季度实现`) and a known segment (`公有云`). What remains is a segment of its own
 * if it is a clean name (`国际市场游戏收入139亿元`), a customer if it says `来自`/`客户`.
 */
function qualifyZh(text: string, hit: TermHit, ctx: TermContext, from: number): void {
  const cs = Math.max(from, clauseStart(text, hit.start));
  let prefix = '';
  for (let i = cs; i < hit.start; i++) if (!ctx.skip.some((s) => i >= s.start && i < s.end)) prefix += text.charAt(i);
  prefix = prefix.replace(/\*+/g, '').trim();
  hit.whole = ZH_WHOLE.test(prefix);
  let changed = true;
  while (changed && prefix.length > 0) {
    changed = false;
    for (const b of ZH_BASES) {
      if (prefix.endsWith(b.w)) {
        hit.basis ??= b.basis;
        prefix = prefix.slice(0, -b.w.length);
        changed = true;
      }
    }
    for (const n of ZH_NEUTRAL) {
      if (prefix.endsWith(n)) {
        prefix = prefix.slice(0, -n.length);
        changed = true;
      } else if (prefix.startsWith(n)) {
        prefix = prefix.slice(n.length);
        changed = true;
      }
    }
    const seg = ctx.segments.zhSuffix(prefix);
    if (seg && !hit.segment) {
      hit.segment = seg.name;
      prefix = prefix.slice(0, -seg.length);
      changed = true;
    }
    prefix = prefix.trim();
  }
  if (prefix.length === 0) return;
  if (/来自|客户|用户|占|节省|合同/.test(prefix)) {
    hit.foreign = true;
    return;
  }
  // A clean name of Han characters: a segment the text names itself (`本土游戏收入346亿元`).
  if (/^[\u4e00-\u9fff]{2,12}$/.test(prefix) && !/[的了是在有为达和与将]/.test(prefix) && !hit.segment) {
    hit.segment = ctx.segments.canonical(prefix.replace(ZH_SEGMENT_SUFFIX_END, ''));
    return;
  }
  hit.foreign = true;
}

/** Whether a metric term starts at `i` (an entity's name ends there: `鸿海第二季度营收`, `瑞银第二季度净利润`). */
export function termStartsAt(text: string, i: number): boolean {
  // Read in the next 24 characters, as it always was (a `\b` holds at their start); only the
  // match at their start counts, so the rest is not scanned: asked at up to 12 places of every
  // sentence of a briefing, the scan of each slice to its end was 430 ms of a 31 s profile of
  // the shared corpus × 30.
  const m = compile().longestAt(text.slice(i, i + 24), 0);
  return m !== null && m.data.entry !== null;
}
