/**
 * Periods: parsing labels (`2023-Q2`, `2024-H1`, `2024-9M`, `FY2025`, `2023-06-30`), the
 * arithmetic between them (same period last year, previous period), and the phrases that
 * name them, relative ("the same period of last year", `去年同期`) or absolute ("the second
 * quarter of 2022", `2024年第四财季`), resolved against the call's own period.
 */
import type { QuantityFound } from '../quantity/types.js';
import { enWord, escapeRe, longestMatcher, type Matcher } from './longest.js';
import type { DeltaBasis } from './types.js';
import { longestNonOverlapping } from '../spans.js';

export type Period =
  | { kind: 'Q'; year: number; n: number }
  | { kind: 'H'; year: number; n: number }
  | { kind: '9M'; year: number }
  | { kind: 'FY'; year: number }
  | { kind: 'date'; year: number; month: number; day: number };

export function parsePeriod(label: string | null | undefined): Period | null {
  if (!label) return null;
  let m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (m) return { kind: 'Q', year: Number(m[1]), n: Number(m[2]) };
  m = /^(\d{4})-H([12])$/.exec(label);
  if (m) return { kind: 'H', year: Number(m[1]), n: Number(m[2]) };
  m = /^(\d{4})-9M$/.exec(label);
  if (m) return { kind: '9M', year: Number(m[1]) };
  m = /^FY(\d{4})$/.exec(label);
  if (m) return { kind: 'FY', year: Number(m[1]) };
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  if (m) return { kind: 'date', year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return null;
}

export function formatPeriod(p: Period): string {
  switch (p.kind) {
    case 'Q':
      return `${p.year}-Q${p.n}`;
    case 'H':
      return `${p.year}-H${p.n}`;
    case '9M':
      return `${p.year}-9M`;
    case 'FY':
      return `FY${p.year}`;
    case 'date':
      return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  }
}

export function sameLastYear(p: Period): Period {
  return { ...p, year: p.year - 1 };
}

export function previousPeriod(p: Period): Period | null {
  switch (p.kind) {
    case 'Q':
      return p.n === 1 ? { kind: 'Q', year: p.year - 1, n: 4 } : { kind: 'Q', year: p.year, n: p.n - 1 };
    case 'H':
      return p.n === 1 ? { kind: 'H', year: p.year - 1, n: 2 } : { kind: 'H', year: p.year, n: 1 };
    case 'FY':
      return { kind: 'FY', year: p.year - 1 };
    default:
      return null;
  }
}

/** How `b` relates to `a` as a change basis: `yoy` when b is a year before a, `qoq`/`hoh` when it is the period before. */
export function relation(a: string, b: string): DeltaBasis | null {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb || pa.kind !== pb.kind) return null;
  if (formatPeriod(sameLastYear(pa)) === b) return 'yoy';
  const prev = previousPeriod(pa);
  if (prev && formatPeriod(prev) === b) return pa.kind === 'H' ? 'hoh' : pa.kind === 'Q' ? 'qoq' : 'yoy';
  return null;
}

/** The period a change basis compares against. */
export function againstPeriod(current: string | null, basis: DeltaBasis): string | null {
  const p = parsePeriod(current);
  if (!p) return null;
  if (basis === 'yoy') return formatPeriod(sameLastYear(p));
  const prev = previousPeriod(p);
  return prev ? formatPeriod(prev) : null;
}

/** What the phrases are resolved against: the call's period, or a briefing's date. */
export interface PeriodRef {
  /** The call's fiscal period (`2023-Q2`), if known. */
  current: Period | null;
  /** The year a bare "second quarter" belongs to. */
  year: number | null;
  /** For a briefing: the month of its date, to place a bare quarter (`第二季度` in August is this year's). */
  month: number | null;
}

export function makeRef(period: string | null, date: string | null): PeriodRef {
  const current = parsePeriod(period);
  const d = date ? /^(\d{4})-(\d{2})/.exec(date) : null;
  const year = current ? current.year : d ? Number(d[1]) : null;
  return { current, year, month: current ? null : d ? Number(d[2]) : null };
}

/** A bare quarter: in the call's year unless it is later than the call's quarter (then last year's). */
function bareQuarter(ref: PeriodRef, n: number): Period | null {
  if (ref.year === null) return null;
  if (ref.current?.kind === 'Q') return { kind: 'Q', year: n > ref.current.n ? ref.year - 1 : ref.year, n };
  if (ref.month !== null) return { kind: 'Q', year: n * 3 >= ref.month ? ref.year - 1 : ref.year, n };
  return { kind: 'Q', year: ref.year, n };
}

/** The relation a relative phrase names. */
type Relative = 'current' | 'last-year' | 'previous' | 'H1' | 'H2' | '9M' | 'FY' | 'last-FY';

/**
 * Relative period phrases. English sources are regular expressions (case-insensitive, word
 * boundaries added); the longest match wins, so "the same period of last year" is not "last
 * year". A bare "last year" after a quarterly figure means the same quarter last year ("RMB
 * 90 million last year"); the full year is "last fiscal year", "全年".
 */
export const RELATIVE_PHRASES: ReadonlyArray<{ rel: Relative; en: readonly string[]; zh: readonly string[] }> = [
  {
    rel: 'current',
    en: ['this quarter', 'the quarter', 'the current quarter', 'the reporting quarter', 'this period', 'the second quarter of this year'],
    zh: ['本季度', '本季', '当季', '这个季度', '这一季度', '本报告期', '现在', '目前'],
  },
  {
    rel: 'last-year',
    en: [
      '(?:in |for |during )?the same (?:quarter|period) (?:of |in )?(?:the )?(?:last|prior|previous) year',
      'the same (?:quarter|period) a year (?:ago|earlier)',
      'the (?:prior|previous)[- ]year (?:quarter|period)',
      'a year (?:ago|earlier)',
      'last year',
      "last year's",
    ],
    zh: ['去年同期', '上年同期', '去年同季度', '去年同季', '去年'],
  },
  {
    rel: 'previous',
    en: ['(?:the )?(?:previous|prior|last|preceding|sequential) quarter', "last quarter's"],
    zh: ['上季度', '上一季度', '上个季度', '上季', '前一季度', '上一个季度'],
  },
  { rel: 'H1', en: ['the first half(?: of (?:this|the) year)?', 'first half'], zh: ['上半年', '今年上半年'] },
  { rel: 'H2', en: ['the second half(?: of (?:this|the) year)?'], zh: ['下半年'] },
  { rel: '9M', en: ['the first three quarters(?: of (?:this|the) year)?', 'the first nine months(?: of (?:this|the) year)?'], zh: ['前三季度', '前三个季度'] },
  { rel: 'FY', en: ['the full year', 'this year', 'the whole year'], zh: ['全年', '本年度', '今年'] },
  { rel: 'last-FY', en: ['last fiscal year', 'the last full year'], zh: ['去年全年', '上一财年'] },
];

function resolveRelative(rel: Relative, ref: PeriodRef): Period | null {
  const cur = ref.current;
  const y = ref.year;
  switch (rel) {
    case 'current':
      return cur;
    case 'last-year':
      return cur ? sameLastYear(cur) : null;
    case 'previous':
      return cur ? previousPeriod(cur) : null;
    case 'H1':
      return y === null ? null : { kind: 'H', year: y, n: 1 };
    case 'H2':
      return y === null ? null : { kind: 'H', year: y, n: 2 };
    case '9M':
      return y === null ? null : { kind: '9M', year: y };
    case 'FY':
      return y === null ? null : { kind: 'FY', year: y };
    case 'last-FY':
      return y === null ? null : { kind: 'FY', year: y - 1 };
  }
}

export interface PeriodPhrase {
  start: number;
  end: number;
  /** Null when the phrase names a period the reference cannot place (a quarter with no year known). */
  period: string | null;
  /** The phrase is about the current period itself ("this quarter", `本季度`). */
  current: boolean;
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Absolute phrases the quantity stage does not label: fiscal quarters `2024年第四财季`, "Q3 2024" is labelled already. */
const FISCAL_QUARTER_ZH = /(?:(\d{4})(?:财)?年)?第?([一二三四1-4])财季/g;

let relative: Matcher<Relative> | null = null;

function compileRelative(): Matcher<Relative> {
  relative ??= longestMatcher(
    RELATIVE_PHRASES.flatMap((r) => [...r.en.map((e) => ({ src: enWord(e), data: r.rel })), ...r.zh.map((z) => ({ src: escapeRe(z), data: r.rel }))]),
  );
  return relative;
}

/**
 * Period phrases of a sentence, in order, without overlaps: the quantity stage's period,
 * year and date quantities (`second quarter of 2022`, `June 30, 2023`, `第二季度`) and the
 * relative phrases above.
 */
export function findPeriodPhrases(text: string, quantities: readonly QuantityFound[], ref: PeriodRef): PeriodPhrase[] {
  const out: PeriodPhrase[] = [];
  for (const q of quantities) {
    const p = fromQuantity(q, ref);
    if (p !== undefined) out.push({ start: q.span.start, end: q.span.end, period: p, current: false });
  }
  for (const m of compileRelative().findAll(text)) {
    const p = resolveRelative(m.data, ref);
    out.push({ start: m.start, end: m.end, period: p ? formatPeriod(p) : null, current: m.data === 'current' });
  }
  FISCAL_QUARTER_ZH.lastIndex = 0;
  for (let m = FISCAL_QUARTER_ZH.exec(text); m; m = FISCAL_QUARTER_ZH.exec(text)) {
    const n = CN_DIGIT[m[2] ?? ''] ?? 0;
    const year = m[1] ? Number(m[1]) : ref.year;
    out.push({ start: m.index, end: m.index + m[0].length, period: year === null ? null : `${year}-Q${n}`, current: false });
  }
  return longestNonOverlapping(out);
}

/** `undefined`: not a period quantity; null: a period the reference cannot place. */
function fromQuantity(q: QuantityFound, ref: PeriodRef): string | null | undefined {
  if (q.kind !== 'period' && q.kind !== 'date') return undefined;
  const label = q.label ?? '';
  if (parsePeriod(label)) {
    const p = parsePeriod(label) as Period;
    // "As of June 30, 2023" in a Q2 call: the balance at the end of the quarter.
    if (p.kind === 'date' && p.day >= 28 && p.month % 3 === 0) {
      return formatPeriod({ kind: 'Q', year: p.year, n: p.month / 3 });
    }
    return label;
  }
  let m = /^Q([1-4])$/.exec(label);
  if (m) {
    const p = bareQuarter(ref, Number(m[1]));
    return p ? formatPeriod(p) : null;
  }
  m = /^H([12])$/.exec(label);
  if (m) return ref.year === null ? null : `${ref.year}-H${m[1]}`;
  m = /^(\d{4})-Q1-Q3$/.exec(label);
  if (m) return `${m[1]}-9M`;
  if (label === 'Q1-Q3') return ref.year === null ? null : `${ref.year}-9M`;
  return null;
}

