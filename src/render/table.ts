import { createRequire } from 'node:module';
import type TableType from 'cli-table3';
import { displayWidth, truncate } from './width.js';

/**
 * The one file that imports cli-table3. Columns have a preferred width; the last `flex`
 * column takes what the terminal has left, so a table never wraps a line on screen.
 */
export interface Column {
  head: string;
  /** Fixed width in columns of text, or 'flex' for the column that absorbs the rest. */
  width: number | 'flex';
  align?: 'left' | 'right';
}

/**
 * cli-table3 (a CommonJS package) is required on the first table, not imported with every
 * renderer: JSON and NDJSON runs never draw one, and loading it cost every cold start ~5-8 ms.
 */
let TableClass: typeof TableType | null = null;
function tableClass(): typeof TableType {
  TableClass ??= createRequire(import.meta.url)('cli-table3') as typeof TableType;
  return TableClass;
}

export function renderTable(
  columns: readonly Column[],
  rows: ReadonlyArray<readonly string[]>,
  termWidth: number,
  style: { head: (s: string) => string; wrap?: boolean },
): string {
  // cli-table3 adds one space of padding on each side and one border between columns.
  const chrome = columns.length * 3 + 1;
  const fixed = columns.reduce((a, c) => a + (c.width === 'flex' ? 0 : c.width), 0);
  const flex = Math.max(12, termWidth - chrome - fixed);
  const widths = columns.map((c) => (c.width === 'flex' ? flex : c.width));
  const table = new (tableClass())({
    head: columns.map((c) => style.head(c.head)),
    colWidths: widths.map((w) => w + 2),
    colAligns: columns.map((c) => c.align ?? 'left'),
    // Wrapped tables (alignment) break long cells over lines; others cut them to one line.
    wordWrap: style.wrap === true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], compact: true },
  });
  for (const row of rows) table.push(style.wrap ? [...row] : row.map((cell, k) => truncate(cell, widths[k] as number)));
  return table.toString();
}

export { displayWidth };
