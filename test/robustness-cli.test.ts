/**
 * Bad, hostile and heavy input against the BUILT CLI (issue 7): every row of the matrix runs
 * `bin/ecall.js` and checks the exit code, stderr (one line per problem, naming the file, never
 * a stack trace) and stdout (empty, one complete JSON document, or whole NDJSON lines).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../src/render/width.js';
import { BIN, ROOT, runCli, type CliResult } from './helpers.js';
import { validatorFor } from './schemas.js';

const validateTurns = validatorFor('turns');
const validateQuantities = validatorFor('quantities');

const STACK_LINE = /^\s+at /m;
const SITE = join(ROOT, 'fixtures/transcript-site/lanting-q3-2024.txt');
const ENC = join(ROOT, 'fixtures/encodings');

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ecall-robust-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
  return p;
}

function stderrLines(r: CliResult): string[] {
  return r.stderr.split('\n').filter((l) => l !== '');
}

/** Never a stack trace, never an internal error, never Node's own messages. */
function noCrash(r: CliResult): void {
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr).not.toMatch(/node:internal|Error: |FATAL|Unhandled|at async/);
  expect(r.status).not.toBe(4);
  expect(r.status).not.toBeNull();
}

/**
 * Exit 3, nothing on stdout, exactly one stderr line: `path  error  message  rule`, or
 * `path:line:column  error  …` when the failure has a place (malformed XML); `place: true`
 * requires one.
 */
function refused(r: CliResult, path: string, message: string | RegExp, rule: string, opts: { place?: boolean } = {}): void {
  noCrash(r);
  expect(r.status).toBe(3);
  expect(r.stdout).toBe('');
  const lines = stderrLines(r);
  expect(lines).toHaveLength(1);
  const line = lines[0] as string;
  const head = new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:\\d+:\\d+)?  error  `).exec(line);
  expect(head, line).not.toBeNull();
  if (opts.place) expect(head?.[1], `${line} names a line and column`).toBeDefined();
  expect(line.endsWith(`  ${rule}`)).toBe(true);
  const msg = line.slice((head as RegExpExecArray)[0].length, line.length - rule.length - 2);
  if (typeof message === 'string') expect(msg).toBe(message);
  else expect(msg).toMatch(message);
}

/** One complete JSON document, validated against its schema. */
function jsonDoc(r: CliResult): any {
  const doc = JSON.parse(r.stdout);
  if (doc && doc.turns) expect(validateTurns(doc), JSON.stringify(validateTurns.errors)).toBe(true);
  if (doc && doc.quantities) expect(validateQuantities(doc), JSON.stringify(validateQuantities.errors)).toBe(true);
  return doc;
}

/** Whole NDJSON lines: every line parses, and the output ends with a newline. */
function ndjson(r: CliResult): any[] {
  if (r.stdout === '') return [];
  expect(r.stdout.endsWith('\n')).toBe(true);
  return r.stdout
    .slice(0, -1)
    .split('\n')
    .map((l) => JSON.parse(l));
}

function spawnWithStdin(args: string[], stdin: number | 'ignore' | 'pipe', input?: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    stdio: [stdin, 'pipe', 'pipe'],
    ...(input !== undefined ? { input } : {}),
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
}

/** Like runCli, with stdout written to a file and read back: for outputs over spawnSync's buffer. */
function runCliToFile(args: string[]): CliResult {
  const outPath = join(dir, `stdout-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
  const fd = openSync(outPath, 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, encoding: 'utf8', timeout: 120_000 });
    return { status: r.status, stdout: readFileSync(outPath, 'utf8'), stderr: r.stderr };
  } finally {
    closeSync(fd);
    rmSync(outPath, { force: true });
  }
}

function asResult(r: SpawnSyncReturns<string>): CliResult {
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A realistic transcript the content rows build on. */
const GOOD = [
  'Operator (participant)',
  '',
  'Good day and welcome to the Lanting Data third quarter 2024 earnings conference call.',
  '',
  'Ada Sun (CFO)',
  '',
  'Revenue rose 5% to RMB 961.3 million. Net income grew 12%.',
  '',
  'Operator (participant)',
  '',
  'Our next question comes from Bo Li from CICC.',
  '',
  'Bo Li (Analyst)',
  '',
  'Thanks. How about margins?',
  '',
].join('\n');

// ───────────────────────────────────────────────────────────────────────────── paths
describe('paths', () => {
  for (const cmd of ['turns', 'quantities']) {
    it(`${cmd}: a missing file is exit 3, one line, empty stdout`, () => {
      const r = runCli([cmd, 'no/such/file.txt', '-f', 'json']);
      refused(r, 'no/such/file.txt', 'no such file', 'unreadable-input');
    });
  }

  it('a directory with no transcripts is one failed input, in the usual form', () => {
    const empty = join(dir, 'empty-dir');
    mkdirSync(join(empty, 'sub'), { recursive: true });
    writeFileSync(join(empty, 'notes.pdf'), '%PDF-1.4');
    const r = runCli(['turns', empty, '-f', 'json']);
    refused(r, empty, 'directory holds no transcripts (.txt, .text, .md, .markdown, .xml)', 'unreadable-input');
  });

  it('an empty directory beside a good file costs the good file nothing', () => {
    const empty = join(dir, 'empty-dir-2');
    mkdirSync(empty, { recursive: true });
    const good = file('beside-empty/good.txt', GOOD);
    const r = runCli(['quantities', good, empty, '-f', 'ndjson']);
    noCrash(r);
    expect(r.status).toBe(3);
    const qs = ndjson(r);
    expect(qs.map((q) => q.text)).toEqual(['third quarter 2024', '5%', 'RMB 961.3 million', '12%']);
    expect(stderrLines(r)).toEqual([
      `${empty}  error  directory holds no transcripts (.txt, .text, .md, .markdown, .xml)  unreadable-input`,
      `1 of 2 inputs failed: ${empty}`,
    ]);
  });

  it('turns dir/ with one good and one bad file: the good result, the failure named, exit 3', () => {
    const d = join(dir, 'mixed-batch');
    file('mixed-batch/a-good.txt', GOOD);
    file('mixed-batch/b-bad.txt', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'));
    const r = runCli(['turns', `${d}/`, '-f', 'json']);
    noCrash(r);
    expect(r.status).toBe(3);
    const doc = JSON.parse(r.stdout);
    expect(doc.documents).toHaveLength(1);
    expect(doc.documents[0].turns.map((t: { speaker: string }) => t.speaker)).toEqual(['Operator', 'Ada Sun', 'Operator', 'Bo Li']);
    expect(validateTurns(doc.documents[0])).toBe(true);
    expect(doc.failures).toEqual([{ path: join(d, 'b-bad.txt'), message: 'this is a PDF document, not a text transcript', rule: 'undecodable-input', exitCode: 3 }]);
    const lines = stderrLines(r);
    expect(lines).toContain(`${join(d, 'b-bad.txt')}  error  this is a PDF document, not a text transcript  undecodable-input`);
    expect(lines[lines.length - 1]).toBe(`1 of 2 inputs failed: ${join(d, 'b-bad.txt')}`);
  });

  it('a symbolic link to a transcript inside a directory is read, not skipped', () => {
    const d = join(dir, 'linked');
    const target = file('link-target/call.txt', GOOD);
    mkdirSync(d, { recursive: true });
    symlinkSync(target, join(d, 'call.txt'));
    symlinkSync(d, join(d, 'loop')); // a link loop is not followed twice
    const r = runCli(['turns', d, '-f', 'ndjson']);
    noCrash(r);
    expect(r.status).toBe(0);
    expect(ndjson(r).map((t) => t.path)).toEqual([join(d, 'call.txt'), join(d, 'call.txt'), join(d, 'call.txt'), join(d, 'call.txt')]);
  });

  // Root reads a chmod-000 file, so as root the refusal is provoked with a write-only sysfs
  // attribute (the kernel answers EACCES even to root); without one the test says why it skips.
  const WRITE_ONLY = ['/sys/bus/pci/rescan', '/sys/class/zram-control/hot_remove'].find((p) => {
    try {
      readFileSync(p);
      return false;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EACCES';
    }
  });
  const isRoot = process.getuid?.() === 0;
  it.skipIf(isRoot && !WRITE_ONLY)('no read permission is exit 3 "permission denied" (skipped as root without a write-only sysfs file: chmod 000 does not stop root)', () => {
    let p: string;
    if (isRoot) p = WRITE_ONLY as string;
    else {
      p = file('locked.txt', GOOD);
      spawnSync('chmod', ['000', p]);
    }
    for (const cmd of ['turns', 'quantities']) refused(runCli([cmd, p, '-f', 'json']), p, 'permission denied', 'unreadable-input');
  });

  it('a path with spaces and Chinese characters is read and named as given', () => {
    const p = file('季度 报告 Q2.txt', GOOD);
    const r = runCli(['turns', p, '-f', 'json']);
    noCrash(r);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(jsonDoc(r).source.path).toBe(p);
    const missing = join(dir, '季度 报告 Q3.txt');
    refused(runCli(['quantities', missing]), missing, 'no such file', 'unreadable-input');
  });

  it('- with empty stdin: a warning, an empty transcript, exit 0', () => {
    for (const cmd of ['turns', 'quantities']) {
      const r = runCli([cmd, '-', '-f', 'json'], { input: '' });
      noCrash(r);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('-  warning  the input holds no text  empty-input\n');
      const doc = jsonDoc(r);
      expect(doc.source).toMatchObject({ path: '-', chars: 0 });
      expect(doc.turns ?? doc.quantities).toEqual([]);
    }
  });

  it('stdin closed (fd 0 not open) reads as empty, exit 0', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" turns - -f json <&-`], { cwd: ROOT, encoding: 'utf8' });
    noCrash(r);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('-  warning  the input holds no text  empty-input\n');
    expect(JSON.parse(r.stdout).turns).toEqual([]);
  });

  it('stdin closed early, mid-line: what arrived is read, nothing invented', () => {
    const r = spawnSync('sh', ['-c', `(printf 'Operator (participant)\\n\\nWelcome to the ca'; sleep 0.2) | "${process.execPath}" "${BIN}" turns - -f ndjson`], { cwd: ROOT, encoding: 'utf8' });
    noCrash(r);
    expect(r.status).toBe(0);
    const turns = ndjson(asResult(r));
    expect(turns.map((t) => t.text).join('\n')).toContain('Welcome to the ca');
    expect(turns.map((t) => t.span.end).pop()).toBe('Operator (participant)\n\nWelcome to the ca'.length);
  });

  it('stdin that is a directory is refused, not read as empty', () => {
    const fd = openSync(dir, 'r');
    try {
      refused(asResult(spawnWithStdin(['turns', '-', '-f', 'json'], fd)), '-', 'standard input is a directory', 'unreadable-input');
    } finally {
      closeSync(fd);
    }
  });

  it('a device that never ends (/dev/zero) is read up to the limit and refused, as a file or on stdin', () => {
    if (!existsSync('/dev/zero')) return;
    const t0 = Date.now();
    refused(runCli(['turns', '/dev/zero', '-f', 'json']), '/dev/zero', 'the input is larger than the 16 MiB limit; split it into files', 'unreadable-input');
    const fd = openSync('/dev/zero', 'r');
    try {
      refused(asResult(spawnWithStdin(['turns', '-', '-f', 'json'], fd)), '-', 'standard input is larger than the 16 MiB limit; split it into files', 'unreadable-input');
      // The failed stdin beside a good file: the file's turns still come out.
      const r = asResult(spawnWithStdin(['turns', '-', SITE, '-f', 'ndjson', '--jobs', '1'], fd));
      noCrash(r);
      expect(r.status).toBe(3);
      expect(ndjson(r)).toHaveLength(18);
      expect(stderrLines(r)[0]).toBe('-  error  standard input is larger than the 16 MiB limit; split it into files  unreadable-input');
    } finally {
      closeSync(fd);
    }
    expect(Date.now() - t0).toBeLessThan(25_000);
  });
});

// ───────────────────────────────────────────────────────────────────────────── content
describe('content', () => {
  it('an empty file and a whitespace-only file: a warning, no turns, exit 0', () => {
    for (const [name, content] of [
      ['empty.txt', ''],
      ['blank.txt', '  \n\t\n\r\n   \n'],
    ] as const) {
      const p = file(name, content);
      for (const cmd of ['turns', 'quantities']) {
        const r = runCli([cmd, p, '-f', 'json']);
        noCrash(r);
        expect(r.status).toBe(0);
        expect(r.stderr).toBe(`${p}  warning  the input holds no text  empty-input\n`);
        const doc = jsonDoc(r);
        expect(doc.turns ?? doc.quantities).toEqual([]);
      }
    }
  });

  const BINARIES: Array<[string, Buffer, string]> = [
    ['image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 'this is a PNG image, not a text transcript'],
    ['paper.txt', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), 'this is a PDF document, not a text transcript'],
    ['archive.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), 'this is a ZIP archive (or a .docx/.xlsx), not a text transcript'],
    ['random.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), 'this is binary data (NUL or control bytes), not a text transcript'],
  ];
  for (const [name, bytes, message] of BINARIES) {
    it(`binary ${name}: exit 3 naming what it is`, () => {
      const p = file(name, bytes);
      for (const cmd of ['turns', 'quantities']) refused(runCli([cmd, p, '-f', 'json']), p, message, 'undecodable-input');
      refused(runCli(['turns', '-', '-f', 'ndjson'], { input: bytes }), '-', message, 'undecodable-input');
    });
  }

  it('invalid UTF-8: read with U+FFFD where bytes are bad, and a warning that counts them', () => {
    const p = file('invalid-utf8.txt', Buffer.concat([Buffer.from(GOOD.replace('Thanks.', 'Thanks \xff\xfe and caf\xe9.'), 'latin1')]));
    const r = runCli(['turns', p, '-f', 'json']);
    noCrash(r);
    expect(r.status).toBe(0);
    expect(stderrLines(r)).toEqual([`${p}  warning  not valid UTF-8, GB18030 or Big5; 3 undecodable byte sequence(s) replaced with U+FFFD  invalid-bytes`]);
    const doc = jsonDoc(r);
    expect(doc.turns[3].text).toBe('Thanks \uFFFD\uFFFD and caf\uFFFD. How about margins?');
  });

  /** What the UTF-8 reading of a fixture gives: every other encoding must give the same turns. */
  const speakersOf = (doc: any) => doc.turns.map((t: any) => [t.speaker, t.role, t.text]);

  it('GBK/GB18030 and Big5 read as Chinese, with the encoding named', () => {
    for (const [name, enc] of [
      ['gb18030-simplified.txt', 'gb18030'],
      ['big5-traditional.txt', 'big5'],
    ]) {
      const r = runCli(['turns', join(ENC, name), '-f', 'json', '-v']);
      noCrash(r);
      expect(r.status).toBe(0);
      const doc = jsonDoc(r);
      expect(doc.source.encoding).toBe(enc);
      expect(doc.turns.length).toBeGreaterThan(2);
      expect(doc.turns.some((t: any) => /[\u4e00-\u9fff]/.test(t.text))).toBe(true);
      expect(doc.turns.every((t: any) => !t.text.includes('\uFFFD'))).toBe(true);
    }
  });

  it('UTF-16 LE and BE, with and without a byte-order mark, read the same turns', () => {
    for (const [name, enc] of [
      ['utf16le-bom.txt', 'utf-16le'],
      ['utf16be-bom.txt', 'utf-16be'],
    ]) {
      const bytes = readFileSync(join(ENC, name));
      const withBom = runCli(['turns', join(ENC, name), '-f', 'json']);
      noCrash(withBom);
      const a = jsonDoc(withBom);
      expect(a.source).toMatchObject({ encoding: enc, bom: true });
      const p = file(`no-bom-${name}`, bytes.subarray(2));
      const without = runCli(['turns', p, '-f', 'json', '-v']);
      noCrash(without);
      expect(without.status).toBe(0);
      expect(without.stderr).toBe(`${p}  info  no byte-order mark; read as ${enc.toUpperCase()}  encoding-guessed\n`);
      const b = jsonDoc(without);
      expect(b.source).toMatchObject({ encoding: enc, bom: false });
      expect(speakersOf(b)).toEqual(speakersOf(a));
    }
  });

  it('Chinese-only UTF-16 without a byte-order mark is read, not refused as binary', () => {
    const zh = '各位投资者大家好，欢迎参加本公司二零二四年第三季度业绩说明会。本季度收入为十八亿三千五百四十万元，同比增长百分之十二。\n';
    const le = Buffer.from(zh, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const [name, bytes, enc] of [
      ['zh-utf16le.txt', le, 'utf-16le'],
      ['zh-utf16be.txt', be, 'utf-16be'],
    ] as const) {
      const p = file(name, bytes);
      const r = runCli(['turns', p, '-f', 'json']);
      noCrash(r);
      expect(r.status).toBe(0);
      const doc = jsonDoc(r);
      expect(doc.source.encoding).toBe(enc);
      expect(doc.turns[0].text).toBe(zh.trim());
      const q = runCli(['quantities', p, '-f', 'json']);
      expect(JSON.parse(q.stdout).quantities.map((x: any) => x.value)).toContain(1835400000);
    }
  });

  it('mixed line ends (CRLF, LF, lone CR) in one file read like the LF file', () => {
    const lf = file('lf.txt', GOOD);
    const ends = ['\r\n', '\n', '\r'];
    let k = 0;
    const mixed = file(
      'mixed-ends.txt',
      GOOD.split('\n')
        .map((l) => l + ends[k++ % 3])
        .join(''),
    );
    const a = jsonDoc(runCli(['turns', lf, '-f', 'json']));
    const r = runCli(['turns', mixed, '-f', 'json']);
    noCrash(r);
    expect(r.status).toBe(0);
    const b = jsonDoc(r);
    expect(speakersOf(b)).toEqual(speakersOf(a));
    expect(b.turns.map((t: any) => [t.span.startLine, t.span.endLine])).toEqual(a.turns.map((t: any) => [t.span.startLine, t.span.endLine]));
  });

  it('a single 10 MB line: one turn, every figure in it, whole NDJSON lines', () => {
    const unit = 'Revenue rose 5% to RMB 1.2 million and margins improved. ';
    const n = Math.ceil((10 * 1024 * 1024) / unit.length);
    const p = file('one-line.txt', `${unit.repeat(n)}\n`);
    const t = runCliToFile(['turns', p, '-f', 'ndjson']);
    noCrash(t);
    expect(t.status).toBe(0);
    const turns = ndjson(t);
    expect(turns).toHaveLength(1);
    expect(turns[0].text.length).toBe(unit.length * n - 1);
    const q = runCliToFile(['quantities', p, '-f', 'ndjson']);
    noCrash(q);
    expect(q.status).toBe(0);
    const qs = ndjson(q);
    expect(qs).toHaveLength(2 * n);
    expect(qs.filter((x) => x.unit === 'CNY' && x.value === 1200000)).toHaveLength(n);
  });

  it('300,000 short lines under one speaker: one turn of 300,000 paragraphs, no internal error', () => {
    // `Math.max(...widths)` over the lines of one block ran out of stack past ~120,000 lines.
    const p = file('many-lines.txt', `Alice: hello there\nBob: hi\n${'Alice: ab\n'.repeat(300_000)}`);
    const r = runCliToFile(['analyze', p, '-f', 'ndjson']);
    noCrash(r);
    expect(r.status).toBe(0);
    const [doc] = ndjson(r);
    expect(doc.turns).toHaveLength(1);
    expect(doc.turns[0].paragraphs).toHaveLength(300_002);
  });

  it('a 200 MB file is refused from its size, with the limit named, fast and in little memory', () => {
    const p = join(dir, 'huge.txt');
    writeFileSync(p, '');
    truncateSync(p, 200 * 1024 * 1024); // sparse: nothing is written
    for (const cmd of ['turns', 'quantities']) {
      const t0 = Date.now();
      const r = runCli([cmd, p, '-f', 'json']);
      refused(r, p, '200 MiB is larger than the 16 MiB limit; split it into files', 'unreadable-input');
      expect(Date.now() - t0).toBeLessThan(10_000);
    }
    // Just over the limit never reads as "16 MiB is larger than the 16 MiB limit".
    const q = join(dir, 'just-over.txt');
    writeFileSync(q, '');
    truncateSync(q, 16 * 1024 * 1024 + 80_000);
    refused(runCli(['turns', q]), q, '16.1 MiB is larger than the 16 MiB limit; split it into files', 'unreadable-input');
    truncateSync(q, 16 * 1024 * 1024 + 1);
    refused(runCli(['turns', q]), q, '16777217 bytes is larger than the 16 MiB limit; split it into files', 'unreadable-input');
    // The same file on stdin is refused from its size too, before it is read.
    const fd = openSync(p, 'r');
    try {
      const t0 = Date.now();
      refused(asResult(spawnWithStdin(['turns', '-', '-f', 'json'], fd)), '-', '200 MiB is larger than the 16 MiB limit; split it into files', 'unreadable-input');
      expect(Date.now() - t0).toBeLessThan(10_000);
    } finally {
      closeSync(fd);
    }
    // Memory: the refusal comes from stat, so the process stays near Node's own footprint.
    const probe = spawnSync('sh', ['-c', `command -v /usr/bin/time >/dev/null && /usr/bin/time -f '%M' "${process.execPath}" "${BIN}" turns "${p}" 2>&1 >/dev/null | tail -1`], { encoding: 'utf8' });
    const kb = Number(probe.stdout.trim());
    if (Number.isFinite(kb) && kb > 0) expect(kb).toBeLessThan(200 * 1024);
  });

  it('NUL bytes: a short text full of them is binary; one NUL in a transcript is kept, escaped in JSON, visible in the table', () => {
    const p = file('nul-short.txt', 'Operator: hello\0world\0\n');
    refused(runCli(['turns', p, '-f', 'json']), p, 'this is binary data (NUL or control bytes), not a text transcript', 'undecodable-input');
    const q = file('nul-long.txt', GOOD.replace('How about margins?', 'How about\0margins?'));
    const r = runCli(['turns', q, '-f', 'json']);
    noCrash(r);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('\0');
    expect(jsonDoc(r).turns[3].text).toBe('Thanks. How about\0margins?');
    const t = runCli(['turns', q, '-f', 'table', '--no-color'], { env: { COLUMNS: '200' } });
    expect(t.stdout).not.toContain('\0');
    expect(t.stdout).toContain('How about\\x00margins?');
  });

  it('text with no speaker headers: one turn by an unknown speaker, with a warning; --strict exits 1', () => {
    const p = file('no-headers.txt', 'Revenue rose 12% to RMB 1.8 billion this quarter.\nWe expect further growth.\n');
    const r = runCli(['turns', p, '-f', 'json']);
    noCrash(r);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`${p}  warning  no speaker headers found; the whole text is read as one turn by an unknown speaker  unknown-layout\n`);
    const doc = jsonDoc(r);
    expect(doc.turns.map((t: any) => [t.speaker, t.role])).toEqual([['Unknown', 'unknown']]);
    expect(runCli(['turns', p, '-f', 'json', '--strict']).status).toBe(1);
  });

  it('headers only: the turns are there, with no text, and every header is accounted for', () => {
    const p = file('headers-only.txt', 'Operator (participant)\n\nAda Sun (CFO)\n\nBo Li (Analyst)\n');
    const r = runCli(['turns', p, '-f', 'json']);
    noCrash(r);
    expect(r.status).toBe(0);
    const doc = jsonDoc(r);
    expect(doc.turns.map((t: any) => [t.speaker, t.role, t.text])).toEqual([
      ['Operator', 'operator', ''],
      ['Ada Sun', 'executive', ''],
      ['Bo Li', 'analyst', ''],
    ]);
    const q = runCli(['quantities', p, '-f', 'json']);
    expect(JSON.parse(q.stdout).quantities).toEqual([]);
  });

  it('only Chinese and only English: one language each, figures in both', () => {
    const zh = file('only-zh.txt', '各位投资者大家好。本季度收入为十八亿三千五百四十万元，同比增长百分之十二。\n');
    const en = file('only-en.txt', 'Revenue rose 12% to RMB 1,835.4 million this quarter.\n');
    const a = jsonDoc(runCli(['turns', zh, '-f', 'json']));
    const b = jsonDoc(runCli(['turns', en, '-f', 'json']));
    expect(a.turns.map((t: any) => t.lang)).toEqual(['zh']);
    expect(b.turns.map((t: any) => t.lang)).toEqual(['en']);
    const qa = JSON.parse(runCli(['quantities', zh, '-f', 'json']).stdout).quantities;
    const qb = JSON.parse(runCli(['quantities', en, '-f', 'json']).stdout).quantities;
    expect(qa.map((q: any) => [q.value, q.unit, q.lang])).toEqual([
      [1835400000, 'CNY', 'zh'],
      [12, '%', 'zh'],
    ]);
    expect(qb.map((q: any) => [q.value, q.unit, q.lang])).toEqual([
      [12, '%', 'en'],
      [1835400000, 'CNY', 'en'],
    ]);
  });
});

// ───────────────────────────────────────────────────────────────────────────── hostile text
describe('hostile text', () => {
  const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
  const HOSTILE = [
    'Operator (participant)',
    '',
    'Good day and welcome to the call.',
    '',
    'Ada \x1b[31mSun\x1b[0m (CFO)',
    '',
    'Revenue \x1b[2Jrose by 5%\x1b[0m to RMB 961.3 million. Net \x1b]8;;http://evil.invalid/2024\x07income\x1b]8;;\x07 grew 12%.\x0b\x7f\u009b2J \u202eevil\x08\x07 end.',
    '',
    'Operator (participant)',
    '',
    'Next \x1b]8;;http://x.invalid\x1b\\question\x1b]8;;\x1b\\ please.',
    '',
    'Bo \x1b]8;;http://x.invalid\x07Li\x1b]8;;\x07 (Analyst)',
    '',
    'Thanks.\rOverwritten? And how about margins?',
    '',
  ].join('\n');

  it('the table never shows an escape sequence or a control character raw', () => {
    const p = file('hostile.txt', HOSTILE);
    for (const cmd of ['turns', 'quantities']) {
      const r = runCli([cmd, p, '-f', 'table', '--no-color'], { env: { COLUMNS: '300' } });
      noCrash(r);
      expect(r.status).toBe(0);
      expect(r.stdout).not.toMatch(RAW_CONTROL);
      expect(r.stderr).not.toMatch(RAW_CONTROL);
    }
    const t = runCli(['turns', p, '-f', 'table', '--no-color'], { env: { COLUMNS: '300' } }).stdout;
    expect(t).toContain('Revenue rose by 5% to RMB 961.3 million. Net income grew 12%.');
  });

  it('CSV cells carry no raw control characters', () => {
    const p = file('hostile-csv.txt', HOSTILE);
    for (const cmd of ['turns', 'quantities']) {
      const r = runCli([cmd, p, '-f', 'csv']);
      noCrash(r);
      expect(r.stdout).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    }
  });

  it('JSON and NDJSON escape every control character, C1 and bidi override included', () => {
    const p = file('hostile-json.txt', HOSTILE);
    for (const cmd of ['turns', 'quantities']) {
      for (const f of ['json', 'ndjson']) {
        const r = runCli([cmd, p, '-f', f]);
        noCrash(r);
        expect(r.status).toBe(0);
        expect(r.stdout.replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
        if (f === 'json') jsonDoc(r);
        else ndjson(r);
      }
    }
    const doc = jsonDoc(runCli(['turns', p, '-f', 'json']));
    // The text itself is kept exactly (escaped, not altered): spans still point at it.
    const all = doc.turns.map((t: any) => t.text).join('\n');
    expect(all).toContain('\x1b[2Jrose by 5%\x1b[0m');
    expect(all).toContain('\u009b2J \u202eevil');
  });

  it('JSON and NDJSON escape a bidi override or a C1 control in the file name of a clean text', () => {
    // The text holds nothing to escape, so only the path can bring one into the document.
    const p = file('call\u202etxt.\u009bx.txt', 'Operator\nRevenue was RMB 5 million.\n');
    for (const cmd of ['turns', 'analyze']) {
      for (const f of ['json', 'ndjson']) {
        const r = runCli([cmd, p, p, '-f', f]);
        noCrash(r);
        expect(r.status).toBe(0);
        expect(r.stdout).not.toMatch(RAW_CONTROL);
        expect(r.stdout).toContain('call\\u202etxt.\\u009bx.txt');
      }
    }
  });

  it('no figure is read out of an escape sequence (OSC-8 "8", CSI "31", a link\'s "2024")', () => {
    const p = file('hostile-q.txt', HOSTILE);
    const qs = JSON.parse(runCli(['quantities', p, '-f', 'json']).stdout).quantities;
    expect(qs.map((q: any) => q.text)).toEqual(['5%', 'RMB 961.3 million', '12%']);
  });

  it('a 10,000-character name or title never widens the table past the terminal', () => {
    const long = 'A'.repeat(10_000);
    const p = file(
      'long-names.txt',
      `Operator (participant)\n\nWelcome.\n\n${long} ${long} (${'Chief '.repeat(1500)}Officer)\n\nRevenue rose 5%.\n\nJo ${'Lee'.repeat(3000)}: hello.\n\n${long}: hi.\n`,
    );
    for (const cmd of ['turns', 'quantities']) {
      const r = runCli([cmd, p, '-f', 'table', '--no-color'], { env: { COLUMNS: '120' } });
      noCrash(r);
      expect(r.status).toBe(0);
      for (const line of r.stdout.split('\n').slice(1)) expect(displayWidth(line)).toBeLessThanOrEqual(120);
    }
    const doc = jsonDoc(runCli(['turns', p, '-f', 'json']));
    const all = doc.turns.map((t: any) => `${t.speaker}\n${t.title}\n${t.text}`).join('\n');
    expect(all).toContain(long); // nothing dropped
  });

  it('a number glued to a word by a dot ends (it looped forever: "from CICC.5.3 percentage points")', () => {
    const r = runCli(['quantities', '--lines', '-', '-f', 'json'], { input: 'Our next question comes from Bo Li from CICC.5.3 percentage points\na.5\n' });
    noCrash(r);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).quantities.map((q: any) => [q.text, q.value, q.unit])).toEqual([
      ['5.3 percentage points', 5.3, 'pp'],
      ['5', 5, ''],
    ]);
  });

  it('numbers that would overflow or that are malformed are never reported as null, Infinity or NaN', () => {
    const lines = [
      'Revenue was 1e309 dollars.',
      'Revenue was RMB 1,2,3 million.',
      '收入百分之百分之。',
      `Revenue was ${'9'.repeat(400)} units and RMB ${'9'.repeat(400)} million.`,
      `九${'亿'.repeat(50)}元。`,
      `一${'万'.repeat(120)}元。`,
      `Margin was 0.${'0'.repeat(400)}1%.`,
      `Revenue of RMB ${'1'.repeat(300)} and ${'1,000'.repeat(120)} tonnes.`,
    ];
    const p = file('numbers.txt', `${lines.join('\n')}\n`);
    for (const f of ['json', 'ndjson', 'csv'] as const) {
      const r = runCli(['quantities', '--lines', p, '-f', f]);
      noCrash(r);
      expect(r.status).toBe(0);
      expect(r.stdout).not.toMatch(/Infinity|NaN/);
      if (f === 'csv') continue;
      const qs = f === 'json' ? JSON.parse(r.stdout).quantities : ndjson(r);
      for (const q of qs) {
        const values = Array.isArray(q.value) ? q.value : [q.value];
        for (const v of values) {
          expect(typeof v, q.text).toBe('number');
          expect(Number.isFinite(v), q.text).toBe(true);
        }
      }
      // "RMB 1,2,3 million" is not RMB 1, nor 3 million: not a number ecall can read.
      expect(qs.filter((q: any) => q.span.startLine === 2)).toEqual([]);
      // 100%: `百分之百` is a figure; the stray `分之` after it is not another one.
      expect(qs.filter((q: any) => q.span.startLine === 3).map((q: any) => [q.text, q.value, q.unit])).toEqual([['百分之百', 100, '%']]);
    }
    const doc = JSON.parse(runCli(['quantities', '--lines', p, '-f', 'json']).stdout);
    expect(doc.diagnostics.filter((d: any) => d.rule === 'quantity-out-of-range').length).toBeGreaterThanOrEqual(5);
  });
});

// ───────────────────────────────────────────────────────────────────────────── XML
describe('XML', () => {
  const XML = readFileSync(join(ROOT, 'fixtures/factset-xml/qinghe-data-q3-2024.xml'), 'utf8');
  const CASES: Array<[string, string, string | RegExp, string]> = [
    ['malformed.xml', '<?xml version="1.0"?>\n<transcript><meta></meta><body><section><p>a</b></section></body></transcript>', /^malformed XML: Expected closing tag 'p'/, 'xml-malformed'],
    ['truncated.xml', XML.slice(0, 2000), /^the document ends before <\w+> and \d+ enclosing element\(s\) are closed: it looks truncated/, 'xml-malformed'],
    ['wrong-root.xml', '<?xml version="1.0"?>\n<html><body>hi</body></html>', 'the root element is <html>, expected <transcript>', 'xml-malformed'],
    ['deep.xml', `<?xml version="1.0"?>\n<transcript>${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</transcript>`, 'elements are nested more than 200 levels deep', 'xml-refused'],
    ['attribute.xml', `<?xml version="1.0"?>\n<transcript id="${'A'.repeat(2_000_000)}"><meta/></transcript>`, 'an attribute value is 2000000 characters long, over the limit of 10000', 'xml-refused'],
    [
      'laughs.xml',
      `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol1 "${'&lol;'.repeat(10)}">\n <!ENTITY lol2 "${'&lol1;'.repeat(10)}">\n <!ENTITY lol9 "${'&lol2;'.repeat(10)}">\n]>\n<transcript><meta><title>&lol9;</title></meta></transcript>\n`,
      /^the document declares entities \(<!ENTITY …>\); entity declarations can expand without bound or read local files, so they are refused$/,
      'xml-refused',
    ],
    [
      'xxe.xml',
      '<?xml version="1.0"?>\n<!DOCTYPE transcript [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<transcript><meta><title>&xxe;</title></meta></transcript>\n',
      /^the document declares entities/,
      'xml-refused',
    ],
  ];
  for (const [name, content, message, rule] of CASES) {
    it(`${name}: exit 3 and one line (${rule})`, () => {
      const p = file(name, content);
      for (const cmd of ['turns', 'quantities']) {
        const t0 = Date.now();
        const r = runCli([cmd, p, '-f', 'json']);
        refused(r, p, message, rule, { place: true });
        expect(r.stderr).not.toContain('root:'); // /etc/passwd never read into anything
        expect(Date.now() - t0).toBeLessThan(10_000);
      }
    });
  }

  it('a DOCTYPE naming an external DTD is not fetched (no network): the transcript reads', () => {
    const p = file('external-dtd.xml', XML.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE transcript SYSTEM "http://127.0.0.1:9/x.dtd">'));
    const r = runCli(['turns', p, '-f', 'json']);
    noCrash(r);
    expect(r.status).toBe(0);
    expect(jsonDoc(r).turns).toHaveLength(15);
  });

  it('a batch with a refused XML file keeps the good file\'s results', () => {
    const bad = file('batch/xxe.xml', CASES[6]![1]);
    const r = runCli(['turns', SITE, bad, '-f', 'json']);
    noCrash(r);
    expect(r.status).toBe(3);
    const doc = JSON.parse(r.stdout);
    expect(doc.documents).toHaveLength(1);
    expect(doc.failures.map((f: any) => [f.path, f.rule, f.exitCode])).toEqual([[bad, 'xml-refused', 3]]);
  });
});

// ───────────────────────────────────────────────────────────────────────────── output
describe('output', () => {
  const sh = (cmd: string) => spawnSync('bash', ['-c', `set -o pipefail; ${cmd}; echo "exit=$?" >&2`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('a closed stdout (| head -1) ends quietly in every format, for one file and a batch', () => {
    const big = file('closed/many.txt', GOOD.repeat(400));
    for (const f of ['ndjson', 'json', 'table', 'csv']) {
      for (const cmd of f === 'ndjson' ? ['turns', 'quantities'] : ['turns']) {
        const r = sh(`"${process.execPath}" "${BIN}" ${cmd} "${big}" fixtures -f ${f} | head -1`);
        expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
        const lines = r.stderr.split('\n').filter((l) => l && !/^exit=/.test(l));
        // Diagnostics about the inputs may come first; nothing about the pipe, no trace.
        expect(lines.filter((l) => /EPIPE|Error|^\s+at /.test(l))).toEqual([]);
        expect(r.stderr).toMatch(/exit=(0|141|3)\n$/);
      }
    }
  });

  it('--format json: stdout is one complete document, or empty, whatever fails', () => {
    const good = file('json-out/good.txt', GOOD);
    const bad = file('json-out/bad.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const cases: string[][] = [[good], [bad], [good, bad], [bad, good], ['missing.txt'], [good, 'missing.txt', bad]];
    for (const args of cases) {
      for (const cmd of ['turns', 'quantities']) {
        const r = runCli([cmd, ...args, '-f', 'json']);
        noCrash(r);
        if (r.stdout === '') {
          expect(args).toHaveLength(1);
          continue;
        }
        const doc = JSON.parse(r.stdout);
        if (args.length > 1) {
          expect(doc.documents.length + doc.failures.length).toBe(args.length);
        }
      }
    }
  });

  it('NDJSON from a batch: whole lines only, one per turn, good files first to last', () => {
    const r = runCli(['turns', 'fixtures', '-f', 'ndjson']);
    noCrash(r);
    const rows = ndjson(r);
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows.map((x) => x.path)).size).toBeGreaterThan(10);
  });

  it('nothing a dependency prints reaches stdout: a forced layout on the wrong input still gives one line on stderr', () => {
    const p = file('not-xml.txt', GOOD);
    const r = runCli(['turns', p, '--input-format', 'factset-xml', '-f', 'json']);
    refused(r, p, /^malformed XML: /, 'xml-malformed');
  });
});

// ───────────────────────────────────────────────────────────────────────────── heavy input
describe('heavy input stays linear', () => {
  it('20,000 distinct speakers (1.2 MB) parse in seconds, not minutes', () => {
    // Each speaker was compared with every participant: 123 s before the fix.
    const name = (i: number) => {
      let s = '';
      do {
        s += String.fromCharCode(97 + (i % 26));
        i = Math.floor(i / 26);
      } while (i > 0);
      return s[0]!.toUpperCase() + s.slice(1);
    };
    let text = '';
    for (let i = 0; i < 20_000; i++) text += `${name(i)} ${name(i + 7)} (Analyst)\n\nQuestion about revenue growth please.\n\n`;
    const p = file('many-speakers.txt', text);
    const t0 = Date.now();
    const r = runCli(['turns', p, '-f', 'ndjson']);
    noCrash(r);
    expect(r.status).toBe(0);
    expect(ndjson(r)).toHaveLength(20_000);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('one transcript pasted 500 times over (4 MB) keeps every turn and every introduction', () => {
    // Every introduction rescanned every turn: 277 s for 40 MB before the fix.
    const one = readFileSync(SITE, 'utf8');
    const p = file('pasted.txt', `${one}\n\n`.repeat(500));
    const t0 = Date.now();
    const r = runCli(['turns', p, '-f', 'ndjson']);
    noCrash(r);
    expect(r.status).toBe(0);
    const turns = ndjson(r);
    expect(turns).toHaveLength(18 * 500);
    expect(turns.filter((t) => t.role === 'analyst').length).toBe(500 * turns.slice(0, 18).filter((t) => t.role === 'analyst').length);
    expect(Date.now() - t0).toBeLessThan(30_000);
  });
});

// Keep the temp dir listing honest: nothing the tests wrote outside it.
describe('no stray files', () => {
  it('ecall wrote nothing into the project tree', () => {
    const tmpFiles = readdirSync(ROOT).filter((n) => /\.tmp$/.test(n));
    expect(tmpFiles).toEqual([]);
  });
});
