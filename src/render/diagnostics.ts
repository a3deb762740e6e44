import type { Diagnostic } from '../model.js';
import { positionAt } from '../source.js';
import type { Palette } from './colors.js';
import { sanitizeInline } from './sanitize.js';

/** `path:line:column  severity  message  rule`, the form compilers and editors understand. */
export function formatDiagnostic(path: string, lineStarts: readonly number[] | null, d: Diagnostic, colors?: Palette): string {
  let where = path;
  if (d.span && lineStarts) {
    const p = positionAt(lineStarts, d.span.start);
    where = `${path}:${p.line}:${p.column}`;
  }
  const sev = colors ? colors.severity(d.severity, d.severity) : d.severity;
  return `${sanitizeInline(where)}  ${sev}  ${sanitizeInline(d.message)}  ${d.rule}`;
}
