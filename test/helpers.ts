import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/ingest/index.js';
import type { Transcript } from '../src/model.js';
import { detectLayout, parseTranscript } from '../src/parse/index.js';
import { linesOf } from '../src/parse/lines.js';
import type { SourceText } from '../src/source.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = resolve(ROOT, '../shared/corpus');
export const SPECS = resolve(ROOT, '../shared/specs');
export const hasCorpus = existsSync(CORPUS);
/** Say why corpus tests are skipped, once, instead of passing silently. */
export const corpusSkipReason = hasCorpus ? '' : `skipped: ${CORPUS} not found (the shared corpus sits beside the project in the workplace)`;
export const BIN = join(ROOT, 'bin/ecall.js');

export function corpusFile(name: string): string {
  return join(CORPUS, name);
}

export function parseFile(path: string): { source: SourceText; transcript: Transcript } {
  const source = ingest(path, readFileSync(path));
  return { source, transcript: parseTranscript(source) };
}

/** The layout the detectors pick for a source. */
export function detected(source: SourceText): string {
  return detectLayout({ source, lines: linesOf(source) }).layout.format;
}

/** The source text a span covers. */
export function slice(source: SourceText, span: { start: number; end: number }): string {
  return source.text.slice(span.start, span.end);
}

/** Every file below `dir` whose name matches `re`, sorted. */
export function filesUnder(dir: string, re: RegExp): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (re.test(name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** The transcripts among the fixtures: not expected outputs, gold files or notes. */
export function fixtureTranscripts(): string[] {
  return filesUnder(join(ROOT, 'fixtures'), /\.(txt|md|xml)$/).filter((p) => !/README\.md$/.test(p));
}

/** Non-blank characters that belong to no turn and no region: must always be none. */
export function uncovered(text: string, t: Transcript): Array<{ offset: number; char: string }> {
  const covered = new Uint8Array(text.length);
  for (const s of [...t.turns.map((x) => x.span), ...t.regions.map((r) => r.span)]) covered.fill(1, s.start, s.end);
  const out: Array<{ offset: number; char: string }> = [];
  for (let i = 0; i < text.length; i++) {
    if (!covered[i] && !/\s/.test(text[i] as string)) out.push({ offset: i, char: text[i] as string });
  }
  return out;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { input?: string | Buffer; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input: opts.input ?? '',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...opts.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
