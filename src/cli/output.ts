import { createRequire } from 'node:module';
import { EXIT, UserError } from './exit-codes.js';

/**
 * The only writer to stdout and stderr. stdout carries results only; when the reader goes away
 * (`ecall turns x | head -1`) the EPIPE ends the process quietly instead of with a trace.
 */
let stdoutClosed = false;
let stdoutGuarded = false;
let stderrGuarded = false;

/**
 * Standard output with its EPIPE guard, set up on first use: a stream is made (and Node's
 * stream and socket modules compiled) only when something is written. Touching both streams
 * at start-up, as `main` did, cost `ecall --help` its stderr (a pipe under `npm run bench`):
 * ~10 ms of a 100 ms cold start whose target is 1.5× a bare `node -e 0`.
 */
function stdout(): NodeJS.WriteStream {
  if (!stdoutGuarded) {
    stdoutGuarded = true;
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      stdoutClosed = true;
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      // Any other failure of the pipe or terminal: one line and exit 4, as for a file (see put).
      process.stderr.write(`ecall: cannot write the results to standard output: ${err.message}\n`);
      process.exit(EXIT.internal);
    });
  }
  return process.stdout;
}

/**
 * Whether stdout is a file or a device other than a terminal (`> out.ndjson`, /dev/null),
 * which ecall then writes with `writeSync` itself. Node's stream for such a stdout writes
 * synchronously too, but first copies each string into a new Buffer: for the ~180 KB document
 * of a 45 KB call that copy cost 0.24 ms against 0.07 ms for writing the string, 4% of
 * `ecall analyze` over 1,000 generated calls. Pipes and terminals keep Node's stream (a pipe
 * writes strings without the copy, and needs the stream's queue; see stdoutDrained).
 */
let direct: boolean | null = null;
/**
 * `node:fs`, required when first written to: imported at the top, its ES module facade (a
 * hundred exports) was made for every `ecall --help` too.
 */
let fs: typeof import('node:fs') | null = null;

function directStdout(): boolean {
  if (direct === null) {
    fs ??= createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
    try {
      const st = fs.fstatSync(1);
      direct = st.isFile() || (st.isCharacterDevice() && !process.stdout.isTTY);
    } catch {
      direct = false;
    }
  }
  return direct;
}

/** Writes one string to stdout, by the route directStdout chose. */
function put(s: string): void {
  if (!directStdout()) {
    stdout().write(s);
    return;
  }
  try {
    (fs as typeof import('node:fs')).writeSync(1, s);
  } catch (e) {
    // `ecall analyze calls/ > /full/disk/out.ndjson`: one line and exit 4, not a trace.
    stdoutClosed = true;
    throw new UserError(`cannot write the results to standard output: ${(e as Error).message}`, EXIT.internal);
  }
}

function stderr(): NodeJS.WriteStream {
  if (!stderrGuarded) {
    stderrGuarded = true;
    process.stderr.on('error', () => {
      /* nowhere left to report it */
    });
  }
  return process.stderr;
}

/**
 * DEL, the C1 controls and the bidi overrides. JSON.stringify escapes C0 (`\x1b` → `\u001b`)
 * but writes these raw, so `"Ada \u009b2J"` or a U+202E that reverses the rest of the line
 * reached a terminal from `ecall turns x.txt -f json`. They can only stand inside JSON
 * strings, where `\uXXXX` means the same; tables and CSV have sanitised them already.
 */
const RAW_IN_JSON = /[\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** Whether `s` holds a character that `write` would have to escape. */
export function hasRawInJson(s: string): boolean {
  RAW_IN_JSON.lastIndex = 0;
  const found = RAW_IN_JSON.test(s);
  RAW_IN_JSON.lastIndex = 0;
  return found;
}

/**
 * `write` for JSON built from inputs known to hold none of those characters (`clean`): the text
 * and path of a transcript without any give a document without any, since ecall's own strings
 * have none and no stage makes one. Scanning the ~450 KB document of a 50 KB call for them cost
 * more than scanning the call (0.45 ms a call, 2% of `ecall analyze`).
 */
export function writeJson(clean: boolean, ...parts: string[]): void {
  if (!clean) return write(...parts);
  if (stdoutClosed) return;
  for (const part of parts) put(part);
}

/** The wait stdoutDrained hands out while stdout is behind; null when it is not. */
let drained: Promise<void> | null = null;

/**
 * Settles once stdout has passed on what was written; null when nothing waits. A pipe whose
 * reader is slower than ecall (`ecall analyze calls/ -f ndjson | jq …`) queues writes in
 * memory, and a batch that never yields to the event loop never lets libuv flush them: 1,000
 * generated calls piped into `cat` peaked at 828 MB, all of the output held until the end. A
 * batch awaits this between files, so memory stays flat and the reader gets each line as it
 * is made. A file or /dev/null is written synchronously and never waits.
 */
export function stdoutDrained(): Promise<void> | null {
  if (!stdoutGuarded || stdoutClosed || direct === true) return null;
  const o = process.stdout;
  if (!o.writableNeedDrain) return null;
  // One wait for all the workers that finish while the reader is behind, not a listener pair
  // on stdout for each.
  drained ??= new Promise((resolve) => {
    const done = () => {
      o.off('drain', done);
      o.off('close', done);
      drained = null;
      resolve();
    };
    o.on('drain', done);
    o.on('close', done);
  });
  return drained;
}

/** Writes each part to stdout as it is (made safe), with no newline added. */
export function write(...parts: string[]): void {
  if (stdoutClosed) return;
  // Part by part: joining them first (`${a}${doc}\n`) copied a whole result into a new string.
  // An `ecall analyze` document is ~450 KB for a 50 KB call; writing each of 100 of them to
  // /dev/null took 0.99 ms with the copy and 0.36 ms without.
  for (const part of parts) put(part.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** Writes a result and ends its line. */
export function out(s: string): void {
  write(s);
  if (!s.endsWith('\n')) write('\n');
}

/** Writes to stderr as it is (commander's own messages end their lines). */
export function errRaw(s: string): void {
  stderr().write(s);
}

export function err(s: string): void {
  stderr().write(s.endsWith('\n') ? s : `${s}\n`);
}

export interface TerminalInfo {
  color: boolean;
  width: number;
  isTTY: boolean;
}

/** Colour only on a terminal, never with NO_COLOR, TERM=dumb or --no-color (clig.dev). */
export function terminal(opts: { color?: boolean }): TerminalInfo {
  const isTTY = Boolean(process.stdout.isTTY);
  const env = process.env;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  const color = opts.color !== false && env.NO_COLOR === undefined && env.TERM !== 'dumb' && (isTTY || forced);
  const width = process.stdout.columns || Number(env.COLUMNS) || 120;
  return { color, width: Math.max(60, width), isTTY };
}
