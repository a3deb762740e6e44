import { FAMILY_ORDER, type Comparison, type Series } from '../compare/series.js';
import type { Palette } from './colors.js';
import { csvRows } from './csv.js';
import { SCHEMA_VERSION } from './document.js';
import { formatFactValue } from './metrics.js';
import { sanitizeInline } from './sanitize.js';
import { renderTable, type Column } from './table.js';
import { maxOf, minOf } from '../arrays.js';

export function compareDocument(c: Comparison) {
  return { schemaVersion: SCHEMA_VERSION, calls: c.calls, periods: c.periods, series: c.series, diagnostics: c.diagnostics };
}

export type CompareDocument = ReturnType<typeof compareDocument>;

const BARS = '▁▂▃▄▅▆▇█';

/** A trend line over the row's values in period order; gaps (periods not stated) as spaces. */
export function sparkline(values: ReadonlyArray<number | null>): string {
  const xs = values.filter((v): v is number => v !== null);
  if (xs.length < 2) return '';
  const lo = minOf(xs);
  const hi = maxOf(xs);
  return values.map((v) => (v === null ? ' ' : BARS[hi === lo ? 3 : Math.round(((v - lo) / (hi - lo)) * 7)])).join('');
}

function label(s: Series): string {
  return [s.metric, s.segment, s.basis].filter(Boolean).join(' · ');
}

function deltaText(s: Series, period: string, basis: 'qoq' | 'yoy' | 'hoh'): string {
  const d = s.deltas.find((x) => x.period === period && x.basis === basis);
  if (!d) return '';
  return `${d.change > 0 ? '+' : ''}${d.change}${d.unit}`;
}

/** One table per metric family, periods as columns, YoY and QoQ rows under each metric. */
export function compareTable(doc: CompareDocument, width: number, colors: Palette): string {
  const periods = doc.periods;
  const multiEntity = new Set(doc.series.map((s) => s.entity)).size > 1;
  const out: string[] = [
    colors.bold(sanitizeInline(`${doc.calls.length} calls: ${doc.calls.map((c) => `${c.company ?? '?'} ${c.period ?? '?'}`).join(', ')}`)),
  ];
  const notes: string[] = [];
  for (const family of FAMILY_ORDER) {
    const rows = doc.series.filter((s) => s.family === family);
    if (rows.length === 0) continue;
    const body: string[][] = [];
    for (const s of rows) {
      const values = periods.map((p) => s.points.find((x) => x.period === p) ?? null);
      body.push([
        sanitizeInline(`${multiEntity && s.entity ? `${s.entity} · ` : ''}${label(s)}`),
        ...values.map((pt) => {
          if (!pt) return '';
          const v = formatFactValue(pt.value, s.unit, pt.precision);
          if (pt.restatements.length === 0) return v;
          for (const r of pt.restatements)
            notes.push(`† ${label(s)} ${pt.period}: ${formatFactValue(r.value, s.unit, pt.precision)} in ${r.source}, restated ${v} in ${pt.source}`);
          return `${v}†`;
        }),
        sparkline(values.map((pt) => pt?.value ?? null)),
      ]);
      for (const basis of ['yoy', 'qoq', 'hoh'] as const) {
        const cells = periods.map((p) => deltaText(s, p, basis));
        if (cells.some((c) => c !== '')) body.push([colors.dim(`  ${basis.toUpperCase()}`), ...cells.map((c) => colors.dim(c)), '']);
      }
    }
    const cols: Column[] = [{ head: family, width: 'flex' }, ...periods.map((p): Column => ({ head: p, width: 12, align: 'right' })), { head: 'trend', width: Math.max(5, periods.length) }];
    out.push(renderTable(cols, body, width, { head: colors.bold }));
  }
  if (notes.length) out.push(colors.bold('restatements (the later call stands):'), ...notes.map((n) => `  ${sanitizeInline(n)}`));
  return out.join('\n');
}

export function compareCsv(doc: CompareDocument): string[] {
  const rows = doc.series.flatMap((s) =>
    s.points.map((p) => {
      const d = (b: string) => s.deltas.find((x) => x.period === p.period && x.basis === b);
      return [
        s.entity, s.family, s.metric, s.segment, s.basis, s.unit, p.period, p.value, p.source,
        d('yoy')?.change, d('qoq')?.change ?? d('hoh')?.change, d('yoy')?.unit ?? d('qoq')?.unit,
        p.restatements.map((r) => `${r.value}@${r.source}`).join(' '),
      ];
    }),
  );
  return csvRows(['entity', 'family', 'metric', 'segment', 'basis', 'unit', 'period', 'value', 'source', 'yoy', 'qoq', 'change_unit', 'restated_from'], rows);
}
