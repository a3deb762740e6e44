import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXIT, UserError } from './exit-codes.js';

/** What a command reads: a file path, or `-` for standard input. */
export interface InputRef {
  path: string;
}

/** The extensions a directory is searched for; `.expected.json` files are ecall's own output. */
const TRANSCRIPT_EXT = /\.(txt|text|md|markdown|xml)$/i;

/** Largest input read whole; beyond it ecall refuses with the limit named (bounded memory). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

function walk(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && TRANSCRIPT_EXT.test(e.name)) out.push(p);
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
      const files: string[] = [];
      walk(a, files);
      if (files.length === 0) throw new UserError(`${a}: directory holds no transcripts (.txt, .md, .xml)`, EXIT.input);
      out.push(...files.map((path) => ({ path })));
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

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_INPUT_BYTES) throw new UserError(`-: input larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB; split it into files`, EXIT.input);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** The bytes of one input, or a UserError whose message starts with the path. */
export async function readInput(ref: InputRef): Promise<Uint8Array> {
  if (ref.path === '-') return readStdin();
  try {
    const st = statSync(ref.path);
    if (st.isDirectory()) throw new UserError(`${ref.path}: is a directory`, EXIT.input);
    if (st.size > MAX_INPUT_BYTES)
      throw new UserError(`${ref.path}: ${(st.size / 1024 / 1024).toFixed(0)} MiB is larger than the ${MAX_INPUT_BYTES / 1024 / 1024} MiB limit; split it into files`, EXIT.input);
    return await readFile(ref.path);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`${ref.path}: ${reason(err)}`, EXIT.input);
  }
}
