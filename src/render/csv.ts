import { sanitizeBlock } from './sanitize.js';

type Cell = string | number | boolean | null | undefined;

/**
 * RFC 4180: quote a cell holding a comma, quote or line break; double the quotes. A cell that
 * starts with `=`, `+`, `-` or `@` would run as a formula in a spreadsheet, so text cells that
 * do are prefixed with a quote (numbers, which are not strings here, are left alone).
 */
export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return String(v);
  let s = sanitizeBlock(v);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRows(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string[] {
  return [header.join(','), ...rows.map((r) => r.map(csvCell).join(','))];
}
