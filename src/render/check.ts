import type { Difference } from '../check/diff.js';
import type { Palette } from './colors.js';
import { sanitizeInline } from './sanitize.js';
import { truncate } from './width.js';

export type FileStatus = 'match' | 'differ' | 'updated' | 'no-expected' | 'unreadable';

export interface FileCheck {
  path: string;
  expected: string;
  status: FileStatus;
  differences: Difference[];
  message?: string;
}

function show(v: unknown): string {
  return truncate(sanitizeInline(JSON.stringify(v) ?? 'undefined'), 70);
}

const MAX_SHOWN = 40;

/** A readable diff per file, then one summary line. */
export function checkReport(files: readonly FileCheck[], colors: Palette): string {
  const lines: string[] = [];
  for (const f of files) {
    const p = sanitizeInline(f.path);
    if (f.status === 'match') lines.push(`${colors.status('pass', 'ok')}      ${p}`);
    else if (f.status === 'updated') lines.push(`${colors.status('pass', 'updated')} ${sanitizeInline(f.expected)}`);
    else if (f.status === 'no-expected') lines.push(`${colors.dim('skipped')} ${p}: no ${sanitizeInline(f.expected)} (write it with --update)`);
    else if (f.status === 'unreadable') lines.push(`${colors.status('fail', 'error')}   ${p}: ${sanitizeInline(f.message ?? '')}`);
    else {
      lines.push(`${colors.status('fail', 'differ')}  ${p}: ${f.differences.length} difference${f.differences.length === 1 ? '' : 's'}`);
      for (const d of f.differences.slice(0, MAX_SHOWN)) {
        const w = sanitizeInline(d.where);
        if (d.kind === 'changed') lines.push(`  changed  ${w}: ${show(d.expected)} → ${show(d.actual)}`);
        else if (d.kind === 'added') lines.push(`  added    ${w}: ${show(d.actual)}`);
        else lines.push(`  missing  ${w}: ${show(d.expected)}`);
      }
      if (f.differences.length > MAX_SHOWN) lines.push(`  … and ${f.differences.length - MAX_SHOWN} more (--format json lists all)`);
    }
  }
  const count = (s: FileStatus) => files.filter((f) => f.status === s).length;
  const parts = [`${files.length} file${files.length === 1 ? '' : 's'}`, `${count('match')} match`, `${count('differ')} differ`];
  if (count('updated')) parts.push(`${count('updated')} updated`);
  if (count('no-expected')) parts.push(`${count('no-expected')} without expected file`);
  if (count('unreadable')) parts.push(`${count('unreadable')} unreadable`);
  lines.push(`check: ${parts.join(', ')}`);
  return lines.join('\n');
}
