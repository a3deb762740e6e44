import { buildSeries, type CallFacts } from '../../compare/series.js';
import { failurePlace } from '../batch.js';
import { palette } from '../../render/colors.js';
import { compareCsv, compareDocument, compareTable } from '../../render/compare.js';
import { formatDiagnostic } from '../../render/diagnostics.js';
import type { MetricsDocument } from '../../render/metrics.js';
import { EXIT, UserError, type ExitCode } from '../exit-codes.js';
import { jobsOf, resolveInputs, type CommonOptions } from '../emit.js';
import { err, out, terminal } from '../output.js';
import { runTasks } from '../pool.js';
import type { TaskInput } from '../task.js';

/**
 * `ecall compare`: the metrics of several calls as one series. Each call is read like
 * `ecall metrics` (in parallel), then the facts are put side by side by period.
 */
export async function runCompare(files: readonly string[], opts: CommonOptions & { currency?: string }): Promise<ExitCode> {
  const term = terminal(opts);
  const colors = palette(term.color);
  const format = opts.format ?? (term.isTTY ? 'table' : 'json');
  if (format === 'ndjson') throw new UserError('compare has no NDJSON form; use --format json or csv', EXIT.usage);
  const refs = resolveInputs(files);
  const tasks: TaskInput[] = refs.map((ref, id) => ({ id, ref, spec: { command: 'metrics', ...(opts.currency ? { currency: opts.currency } : {}) }, color: term.color, ...(opts.inputFormat ? { inputFormat: opts.inputFormat } : {}) }));
  const calls: Array<CallFacts & { id: number }> = [];
  let failed = 0;
  await runTasks(tasks, jobsOf(opts), (r) => {
    if (!r.ok) {
      failed++;
      err(formatDiagnostic(failurePlace(r.failure), null, { severity: 'error', rule: r.failure.rule, message: r.failure.message }, colors));
      return;
    }
    const doc = r.doc as MetricsDocument;
    calls.push({ id: r.id, path: doc.source.path, call: doc.call, facts: doc.metrics });
  });
  calls.sort((a, b) => a.id - b.id);
  const comparison = buildSeries(calls);
  for (const d of comparison.diagnostics) if (!opts.quiet) err(formatDiagnostic('compare', null, d, colors));
  const doc = compareDocument(comparison);
  if (format === 'json') out(JSON.stringify(doc, null, 2));
  else if (format === 'csv') out(compareCsv(doc).join('\n'));
  else out(compareTable(doc, term.width, colors));
  return failed > 0 ? EXIT.input : EXIT.ok;
}
