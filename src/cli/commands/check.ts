import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { diffDocuments } from '../../check/diff.js';
import { analyzeDocument } from '../../render/analyze.js';
import { checkReport, type FileCheck } from '../../render/check.js';
import { palette } from '../../render/colors.js';
import { SCHEMA_VERSION } from '../../render/document.js';
import { load } from '../batch.js';
import type { CommonOptions } from '../emit.js';
import { EXIT, UserError, type ExitCode } from '../exit-codes.js';
import { expandInputs } from '../inputs.js';
import { out, terminal } from '../output.js';

export interface CheckOptions extends CommonOptions {
  update?: boolean;
  tolerance?: string;
}

export function expectedPathOf(path: string): string {
  return path.replace(/\.(txt|text|md|markdown|xml)$/i, '.expected.json');
}

/**
 * Write then rename: an interrupted update never leaves half an expectation behind. When the
 * rename fails (the expected path is a directory, the folder is read-only) the temporary file
 * is removed and the reason returned, so the other files of the batch are still updated.
 */
function writeAtomically(path: string, content: string): string | null {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
    return null;
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    return `${path}: cannot write the expected file (${code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message})`;
  }
}

export async function runCheck(paths: readonly string[], opts: CheckOptions): Promise<ExitCode> {
  const tolerance = opts.tolerance === undefined ? 1e-9 : Number(opts.tolerance);
  if (!Number.isFinite(tolerance) || tolerance < 0) throw new UserError(`--tolerance must be a number ≥ 0, not ${opts.tolerance}`, EXIT.usage);
  const refs = expandInputs(paths.length ? paths : ['fixtures']);
  if (refs.some((r) => r.path === '-')) throw new UserError('check compares files with their expected output; standard input has none', EXIT.usage);
  const files: FileCheck[] = [];
  for (const ref of refs) {
    const expected = expectedPathOf(ref.path);
    const outcome = await load(ref, opts);
    if (!outcome.ok) {
      files.push({ path: ref.path, expected, status: 'unreadable', differences: [], message: outcome.failure.message });
      continue;
    }
    const doc = analyzeDocument(outcome.loaded.source, outcome.loaded.transcript);
    if (opts.update) {
      const problem = writeAtomically(expected, `${JSON.stringify(doc, null, 2)}\n`);
      files.push(problem ? { path: ref.path, expected, status: 'unreadable', differences: [], message: problem } : { path: ref.path, expected, status: 'updated', differences: [] });
      continue;
    }
    if (!existsSync(expected)) {
      files.push({ path: ref.path, expected, status: 'no-expected', differences: [] });
      continue;
    }
    let want: unknown;
    try {
      want = JSON.parse(readFileSync(expected, 'utf8'));
    } catch (e) {
      files.push({ path: ref.path, expected, status: 'unreadable', differences: [], message: `${expected}: not valid JSON (${(e as Error).message})` });
      continue;
    }
    const differences = diffDocuments(want, JSON.parse(JSON.stringify(doc)), { tolerance });
    files.push({ path: ref.path, expected, status: differences.length ? 'differ' : 'match', differences });
  }
  const term = terminal(opts);
  if (opts.format === 'json') out(JSON.stringify({ schemaVersion: SCHEMA_VERSION, files }, null, 2));
  else out(checkReport(files, palette(term.color)));
  if (files.some((f) => f.status === 'unreadable')) return EXIT.input;
  return files.some((f) => f.status === 'differ') ? EXIT.findings : EXIT.ok;
}
