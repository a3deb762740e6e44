import { createReadStream, fstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { EXIT, UserError } from './exit-codes.js';
import { append } from '../arrays.js';

/** What a command reads: a file path, or `-` for standard input. */
export interface InputRef {
  path: string;
  /**
   * Why this argument cannot be read, found while expanding it (a directory with no
   * transcripts, an unreadable folder): reported as that input's failure when it is read, so
   * the other inputs of the batch keep their results.
   */
  problem?: string;
}

/** The extensions a directory is searched for; `.expected.json` files are ecall's own output. */
const TRANSCRIPT_EXT = /\.(txt|text|md|markdown|xml)$/i;

/**
 * Largest input read whole; beyond it ecall refuses with the limit named (bounded memory).
 * Measured: `ecall analyze` on a 16 MB file (Kingsoft pasted 364 times) takes 8 s and 1.05 GB;
 * at 64 MiB it would pass Node's 4 GB heap and crash. A real call is 50–200 KB.
 */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/**
 * Every transcript below `dir`. A folder that cannot be listed becomes an input with a problem
 * (before, `readdirSync` threw EACCES and ecall ended with an internal error, losing every
 * result). Symbolic links are followed: `calls/q3.txt -> ../archive/q3.txt` was skipped
 * silently because its directory entry is a link, not a file; `seen` stops link loops.
 */
function walk(dir: string, out: InputRef[], seen: Set<string>): void {
  let entries;
  try {
    const real = realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch (err) {
    out.push({ path: dir, problem: reason(err) });
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const st = statSync(p);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        // A dangling link to a transcript is reported when read; any other is not ours.
        isFile = true;
      }
    }
    if (isDir) walk(p, out, seen);
    else if (isFile && TRANSCRIPT_EXT.test(e.name)) out.push({ path: p });
  }
}

/**
 * Expand the arguments: a directory stands for every transcript below it (sorted, so output
 * order is stable); anything else is kept as given and fails later, when read, with its reason.
 */
export function expandInputs(args: readonly string[]): InputRef[] {
  const out: InputRef[] = [];
  for (const a of args) {
    if (a === '-') {
      out.push({ path: '-' });
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(a).isDirectory();
    } catch {
      isDir = false;
    }
    if (isDir) {
      const found: InputRef[] = [];
      walk(a, found, new Set());
      // `ecall turns calls/ empty/` used to stop before reading calls/: an empty folder is now
      // one failed input among the others, reported in the usual one-line form.
      if (found.length === 0) out.push({ path: a, problem: 'directory holds no transcripts (.txt, .text, .md, .markdown, .xml)' });
      else append(out, found);
    } else out.push({ path: a });
  }
  return out;
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENAMETOOLONG':
      return 'file name too long';
    default:
      return (err as Error).message ?? String(err);
  }
}

const LIMIT_MIB = MAX_INPUT_BYTES / 1024 / 1024;

/**
 * A size in MiB that never reads as the limit itself: a 67,187,610-byte file was reported as
 * "64 MiB is larger than the 64 MiB limit" (when the limit was 64 MiB).
 */
export function sizeText(bytes: number): string {
  const mib = bytes / 1024 / 1024;
  for (const digits of [0, 1, 2]) {
    const s = mib.toFixed(digits);
    if (Number(s) > LIMIT_MIB) return `${s} MiB`;
  }
  return `${bytes} bytes`;
}

function tooLarge(path: string, what: string): UserError {
  return new UserError(`${path}: ${what} is larger than the ${LIMIT_MIB} MiB limit; split it into files`, EXIT.input);
}

/**
 * Reads a stream to its end, or refuses once it passes the limit. Events, not `for await`:
 * leaving that loop destroys the stream, and the refusal was replaced by its AbortError, so
 * `ecall turns - < /dev/zero` ended in "internal error: The operation was aborted" (exit 4).
 */
function readBounded(stream: NodeJS.ReadableStream & { destroy?: () => void }, path: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
    };
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > MAX_INPUT_BYTES) {
        settle(() => reject(tooLarge(path, path === '-' ? 'standard input' : 'the input')));
        stream.pause();
        stream.destroy?.();
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => settle(() => resolve(Buffer.concat(chunks))));
    // Stays attached after settling: a destroyed stream may still report an error.
    stream.on('error', (err) => settle(() => reject(err)));
  });
}

let stdinOnce: Promise<Uint8Array> | null = null;

/**
 * Standard input can be read once; a second read gets the first one's outcome. The run loop
 * reads `-` and, when that fails, lets load() read it again to report the error: a second
 * read of a stream already destroyed (`ecall turns - < /dev/zero`) waited forever and Node
 * exited with 13 and no message. A worker thread has no standard input of its own (only the
 * main thread's failed read sends `-` there), so it refuses instead of waiting.
 */
function readStdin(): Promise<Uint8Array> {
  if (!isMainThread) return Promise.reject(new UserError('-: standard input could not be read', EXIT.input));
  stdinOnce ??= readStdinOnce();
  return stdinOnce;
}

async function readStdinOnce(): Promise<Uint8Array> {
  try {
    // `ecall turns - < calls/` read nothing and reported "the input holds no text".
    const st = fstatSync(0);
    if (st.isDirectory()) throw new UserError('-: standard input is a directory', EXIT.input);
    if (st.isFile() && st.size > MAX_INPUT_BYTES) throw tooLarge('-', sizeText(st.size));
    return await readBounded(process.stdin, '-');
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`-: ${reason(err)}`, EXIT.input);
  }
}

/** The bytes of one input, or a UserError whose message starts with the path. */
export async function readInput(ref: InputRef): Promise<Uint8Array> {
  if (ref.problem !== undefined) throw new UserError(`${ref.path}: ${ref.problem}`, EXIT.input);
  if (ref.path === '-') return readStdin();
  try {
    const st = statSync(ref.path);
    if (st.isDirectory()) throw new UserError(`${ref.path}: is a directory`, EXIT.input);
    if (st.size > MAX_INPUT_BYTES) throw tooLarge(ref.path, sizeText(st.size));
    // A device or a pipe has no size to check (`ecall turns /dev/zero` read forever): read it
    // as a stream, up to the limit.
    if (!st.isFile()) return await readBounded(createReadStream(ref.path), ref.path);
    // Read synchronously: a transcript is at most MAX_INPUT_BYTES, and the promise API went
    // through the event loop for each of open, fstat, read and close, so a thread busy
    // analysing the previous file left the read waiting (268 ms idle in a 4.0 s profile of
    // `analyze --jobs 1` over 200 generated calls, even with the next file read ahead).
    return readFileSync(ref.path);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`${ref.path}: ${reason(err)}`, EXIT.input);
  }
}
