import { extractMetrics } from '../metrics/index.js';
import type { Check, Delta, Fact, Mention, MetricsResult } from '../metrics/types.js';
import type { Transcript } from '../model.js';
import type { LocatedSpan, SourceText } from '../source.js';
import { locate } from '../source.js';
import type { Palette } from './colors.js';
import { diagnosticJson, SCHEMA_VERSION, sourceInfo } from './document.js';
import { sanitizeInline } from './sanitize.js';
import { renderTable } from './table.js';

export interface MetricsFilter {
  metric?: string;
  segment?: string;
  lang?: 'zh' | 'en';
  /** Not a filter: the currency of amounts that name none and of a bare 元 (`--currency`). */
  currency?: string;
}

/**
 * The metrics part of the JSON documents. The stage's facts are `metrics` here and a check
 * names its `metrics` by index, as the issue and the README put it; every mention gets its
 * line and column. Filters drop facts (and checks that name a dropped fact) and, with
 * `--lang`, the mentions in the other language.
 */
export function metricsJson(src: SourceText, r: MetricsResult, filter: MetricsFilter = {}) {
  const keep = r.facts.map((f) => matches(f, filter));
  const newIndex = new Map<number, number>();
  keep.forEach((k, i) => k && newIndex.set(i, newIndex.size));
  const metrics = r.facts
    .filter((_f, i) => keep[i])
    .map((f): FactOut => {
      const mentions = f.mentions.filter((m) => !filter.lang || m.lang === filter.lang).map((m) => mentionJson(src, m));
      if (!keysAre(f, FACT_KEYS)) return { ...f, mentions };
      return { metric: f.metric, entity: f.entity, segment: f.segment, basis: f.basis, period: f.period, value: f.value, unit: f.unit, approx: f.approx, precision: f.precision, deltas: f.deltas, flags: f.flags, mentions };
    });
  const checks = r.checks
    .filter((c) => c.facts.every((i) => keep[i]))
    .map((c): CheckOut => {
      const metrics = c.facts.map((i) => newIndex.get(i) as number);
      if (!keysAre(c, CHECK_KEYS)) {
        const { facts: _facts, ...rest } = c;
        return { ...rest, metrics };
      }
      return { kind: c.kind, status: c.status, message: c.message, metrics };
    });
  return { metrics, checks };
}

type MentionOut = Omit<Mention, 'span' | 'quantitySpan'> & { span: LocatedSpan; quantitySpan: LocatedSpan | null };
type FactOut = Omit<Fact, 'mentions'> & { mentions: MentionOut[] };
type CheckOut = Omit<Check, 'facts'> & { metrics: number[] };

/*
 * The keys, in order, that the metrics stage gives its facts, mentions and checks. An object
 * with exactly these is copied by a literal, which gives the same JSON as a spread: spreads
 * were ~60% of metricsJson (101 of 167 ms for the checks alone in a warm profile of 10 x 100
 * bilingual generated calls; see also `locate` in src/source.ts). Anything else is spread.
 */
const FACT_KEYS = ['metric', 'entity', 'segment', 'basis', 'period', 'value', 'unit', 'approx', 'precision', 'deltas', 'flags', 'mentions'];
const MENTION_KEYS = ['turn', 'speaker', 'lang', 'interpretation', 'sentence', 'span', 'quantitySpan', 'text', 'value'];
const CHECK_KEYS = ['kind', 'status', 'message', 'facts'];

function keysAre(o: object, keys: readonly string[]): boolean {
  const own = Object.keys(o);
  if (own.length !== keys.length) return false;
  for (let i = 0; i < own.length; i++) if (own[i] !== keys[i]) return false;
  return true;
}

function mentionJson(src: SourceText, m: Mention): MentionOut {
  const span = locate(src.lineStarts, m.span);
  const quantitySpan = m.quantitySpan ? locate(src.lineStarts, m.quantitySpan) : null;
  if (!keysAre(m, MENTION_KEYS)) return { ...m, span, quantitySpan };
  return { turn: m.turn, speaker: m.speaker, lang: m.lang, interpretation: m.interpretation, sentence: m.sentence, span, quantitySpan, text: m.text, value: m.value };
}

function matches(f: Fact, filter: MetricsFilter): boolean {
  if (filter.metric && !filter.metric.split(',').includes(f.metric)) return false;
  if (filter.segment !== undefined) {
    const want = filter.segment.toLowerCase();
    if (want === 'total' ? f.segment !== null : (f.segment ?? '').toLowerCase() !== want) return false;
  }
  if (filter.lang && !f.mentions.some((m) => m.lang === filter.lang)) return false;
  return true;
}

export function metricsDocument(src: SourceText, t: Transcript, filter: MetricsFilter = {}) {
  const r = extractMetrics(src, t, filter.currency ? { currency: filter.currency } : {});
  return {
    schemaVersion: SCHEMA_VERSION,
    source: sourceInfo(src, t.format),
    call: t.call,
    ...metricsJson(src, r, filter),
    diagnostics: [...src.diagnostics, ...t.diagnostics, ...r.diagnostics].map((d) => diagnosticJson(src, d)),
  };
}

export type MetricsDocument = ReturnType<typeof metricsDocument>;
type FactJson = MetricsDocument['metrics'][number];

const SCALES: Array<[number, string]> = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/**
 * A value as an analyst writes it: `RMB 1,835.4M`, `11.3%`, `-5.3pp`, `3×`. Decimals follow the
 * precision the most precise speaker used (RMB 1,835.4 million: one decimal of a million).
 */
export function formatFactValue(value: number | null, unit: string, precision: number, approx = false): string {
  if (value === null) return '—';
  const pre = approx ? '~' : '';
  if (unit === '%' || unit === 'pp') return `${pre}${trim(value, decimalsFor(precision, 1))}${unit}`;
  if (unit === 'x') return `${pre}${trim(value, decimalsFor(precision, 1))}×`;
  if (unit === 'count' || unit === '') return `${pre}${value.toLocaleString('en-US', { maximumFractionDigits: decimalsFor(precision, 1) })}`;
  const abs = Math.abs(value);
  // The largest scale that shows the speaker's precision in at most two decimals:
  // RMB 1,835.4 million stays `RMB 1,835.4M`, RMB 4.3 billion is `RMB 4.3B`.
  const [div, suffix] = SCALES.find(([d]) => abs >= d && decimalsFor(precision, d) <= 2) ?? [1, ''];
  const code = unit === 'CNY' ? 'RMB' : unit;
  return `${pre}${value < 0 ? '-' : ''}${code} ${(abs / div).toLocaleString('en-US', { minimumFractionDigits: decimalsFor(precision, div), maximumFractionDigits: decimalsFor(precision, div) })}${suffix}`;
}

function decimalsFor(precision: number, div: number): number {
  if (!(precision > 0)) return 1;
  const step = (precision * 2) / div;
  return Math.max(0, Math.min(4, Math.ceil(-Math.log10(step) - 1e-9)));
}

function trim(v: number, decimals: number): string {
  return v.toFixed(decimals);
}

function deltaCell(deltas: readonly Delta[], basis: 'yoy' | 'qoq'): string {
  const d = deltas.find((x) => x.basis === basis && x.source === 'stated') ?? deltas.find((x) => x.basis === basis);
  if (!d) return '';
  const sign = d.change > 0 && d.unit !== 'x' ? '+' : '';
  const v = d.unit === 'x' ? `${d.change}×` : `${sign}${Math.round(d.change * 100) / 100}${d.unit}`;
  return `${d.approx ? '~' : ''}${v}${d.source === 'computed' ? '*' : ''}`;
}

const FLAG_LABELS: Record<string, string> = { 'interpretation-mismatch': '≠ interpreter', 'conflicting-values': 'conflicting' };

function where(f: FactJson): string {
  const m = f.mentions[0];
  if (!m) return '';
  const more = f.mentions.length > 1 ? ` +${f.mentions.length - 1}` : '';
  return `${m.speaker} L${m.span.startLine}${more}`;
}

export function metricsTable(doc: MetricsDocument, width: number, colors: Palette): string {
  const multiEntity = new Set(doc.metrics.map((f) => f.entity)).size > 1;
  const rows = doc.metrics.map((f) => [
    ...(multiEntity ? [sanitizeInline(f.entity ?? '')] : []),
    f.metric,
    sanitizeInline(f.segment ?? ''),
    f.basis ?? '',
    f.period ?? '?',
    formatFactValue(f.value, f.unit, f.precision, f.approx),
    deltaCell(f.deltas, 'yoy'),
    deltaCell(f.deltas, 'qoq'),
    f.flags.length ? colors.status('fail', f.flags.map((x) => FLAG_LABELS[x] ?? x).join(' ')) : '',
    sanitizeInline(where(f)),
  ]);
  const table = renderTable(
    [
      ...(multiEntity ? [{ head: 'entity', width: 10 } as const] : []),
      { head: 'metric', width: 22 },
      { head: 'segment', width: 16 },
      { head: 'basis', width: 10 },
      { head: 'period', width: 8 },
      { head: 'value', width: 16, align: 'right' },
      { head: 'YoY', width: 9, align: 'right' },
      { head: 'QoQ', width: 9, align: 'right' },
      { head: 'flags', width: 13 },
      { head: 'said by', width: 'flex' },
    ],
    rows,
    width,
    { head: colors.bold },
  );
  const c = doc.call;
  const head = `${doc.source.path}: ${[c.company, c.period].filter(Boolean).join(' · ') || 'call not identified'} — ${doc.metrics.length} metrics, ${doc.checks.length} checks`;
  const checks = doc.checks.map((k) => `  ${colors.status(k.status, k.status.padEnd(4))}  ${k.kind.padEnd(14)} ${sanitizeInline(k.message)}`);
  const counts = (['pass', 'warn', 'fail'] as const).map((s) => `${doc.checks.filter((k) => k.status === s).length} ${s}`).join(', ');
  return [
    colors.bold(sanitizeInline(head)),
    table,
    colors.dim('* computed from two periods; ~ approximate'),
    ...(checks.length ? [colors.bold(`checks (${counts}):`), ...checks] : []),
  ].join('\n');
}
