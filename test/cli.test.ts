import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from './helpers.js';
import { validatorFor } from './schemas.js';

const FIXTURE = 'fixtures/transcript-site/lanting-q3-2024.txt';
const validate = validatorFor('turns');

describe('ecall turns', () => {
  it('prints one JSON document that validates against the schema', () => {
    const r = runCli(['turns', FIXTURE, '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.turns).toHaveLength(18);
    expect(doc.source).toMatchObject({ path: FIXTURE, format: 'transcript-site', encoding: 'utf-8' });
    expect(doc.turns[2].span).toMatchObject({ startLine: 19, startColumn: 1, endLine: 21 });
    expect(doc.exchanges.map((e: { affiliation: string }) => e.affiliation)).toEqual(['Huatai Securities', 'Morgan Stanley']);
  });

  it('defaults to JSON when stdout is not a terminal', () => {
    const r = runCli(['turns', FIXTURE]);
    expect(JSON.parse(r.stdout).turns).toHaveLength(18);
  });

  it('prints one turn per NDJSON line with the source path', () => {
    const r = runCli(['turns', FIXTURE, '-f', 'ndjson']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(18);
    const first = JSON.parse(lines[0]!);
    expect(first).toMatchObject({ path: FIXTURE, n: 1, speaker: 'Operator', role: 'operator' });
  });

  it('prints CSV with a header and one record per turn', () => {
    const r = runCli(['turns', FIXTURE, '-f', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('path,n,speaker,title,role,affiliation,section,lang,zh_share,interprets,start_line,end_line,chars,text');
    expect(r.stdout.match(/^fixtures\/transcript-site\/lanting-q3-2024\.txt,\d+,/gm)).toHaveLength(18);
  });

  it('prints a table with the summary line', () => {
    const r = runCli(['turns', FIXTURE, '-f', 'table']);
    expect(r.stdout.split('\n')[0]).toBe(`${FIXTURE}: Lanting Data · 2024-Q3 · 2024-11-14 — 18 turns, 2 Q&A exchanges (transcript-site, utf-8)`);
    expect(r.stdout).toContain('interpreter→3');
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('reads standard input with -', () => {
    const r = runCli(['turns', '-', '-f', 'json'], { input: readFileSync(join(ROOT, FIXTURE)) });
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.source.path).toBe('-');
    expect(doc.turns).toHaveLength(18);
  });

  it('reads a directory recursively and keeps input order', () => {
    const r = runCli(['turns', 'fixtures/encodings', '-f', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.documents.map((d: { source: { encoding: string } }) => d.source.encoding)).toEqual(['big5', 'gb18030', 'utf-16be', 'utf-16le', 'utf-8', 'utf-8']);
    expect(doc.failures).toEqual([]);
  });
});

describe('errors and exit codes', () => {
  it('exit 3 and one line naming the file when it does not exist; nothing on stdout', () => {
    const r = runCli(['turns', 'no/such/file.txt', '-f', 'json']);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('no/such/file.txt  error  no such file  unreadable-input\n');
  });

  it('exit 3 for a PDF on stdin, with the reason', () => {
    const r = runCli(['turns', '-', '-f', 'json'], { input: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n') });
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('-  error  this is a PDF document, not a text transcript  undecodable-input\n');
  });

  it('exit 2 for an unknown option or format value, without a stack trace', () => {
    const a = runCli(['turns', FIXTURE, '--bogus']);
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/unknown option '--bogus'/);
    const b = runCli(['turns', FIXTURE, '--format', 'yaml']);
    expect(b.status).toBe(2);
    expect(b.stderr).not.toMatch(/\n\s+at /);
  });

  it('keeps the good results of a batch when one file fails, and exits 3', () => {
    const r = runCli(['turns', FIXTURE, 'missing.txt', '-f', 'json']);
    expect(r.status).toBe(3);
    const doc = JSON.parse(r.stdout);
    expect(doc.documents).toHaveLength(1);
    expect(doc.documents[0].turns).toHaveLength(18);
    expect(doc.failures).toEqual([{ path: 'missing.txt', message: 'no such file', rule: 'unreadable-input', exitCode: 3 }]);
    expect(r.stderr).toContain('1 of 2 inputs failed: missing.txt');
    // Streamed document by document, yet laid out as JSON.stringify(batch, null, 2) lays it out.
    expect(r.stdout).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });

  it('prints a batch with no documents, or with several, as JSON.stringify would', () => {
    const none = runCli(['turns', 'missing.txt', 'missing-too.txt', '-f', 'json']);
    expect(none.status).toBe(3);
    expect(JSON.parse(none.stdout).documents).toEqual([]);
    expect(none.stdout).toBe(`${JSON.stringify(JSON.parse(none.stdout), null, 2)}\n`);
    const two = runCli(['analyze', FIXTURE, FIXTURE, '-f', 'json', '--jobs', '1']);
    expect(two.status).toBe(0);
    const doc = JSON.parse(two.stdout);
    expect(doc.documents).toHaveLength(2);
    expect(doc.failures).toEqual([]);
    expect(two.stdout).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });

  it('--strict exits 1 when a warning is reported', () => {
    const r = runCli(['turns', '-', '-f', 'json', '--strict'], { input: 'just some words with no speakers at all\n' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unknown-layout');
    expect(JSON.parse(r.stdout).turns).toHaveLength(1);
  });

  it('help lists examples and exits 0', () => {
    const r = runCli(['turns', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Examples:');
  });
});

describe('hostile text never reaches the terminal raw', () => {
  it('strips escape sequences from speaker names and text in the table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecall-'));
    const f = join(dir, 'evil.txt');
    writeFileSync(f, 'Operator (participant)\n\nHello \x1b[2J\x1b]8;;http://x.invalid\x07link\x1b]8;;\x07 there.\n\nAda Sun (CFO)\n\nText\rover \x1b[31mred\x1b[0m.\n');
    const r = runCli(['turns', f, '-f', 'table', '--no-color'], { env: { COLUMNS: '200' } });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/[\x1b\x07\r]/);
    expect(r.stdout).toContain('Hello link there.');
    expect(r.stdout).toContain('Text over red.');
  });

  it.each([1, 2])('waits for a slow reader of stdout instead of holding the batch in memory (--jobs %i)', async (jobs) => {
    // Ten transcripts with a missing file after each: every missing file is reported on stderr
    // when its turn comes, so stderr shows how far the batch has gone. With nobody reading
    // stdout, the pipe fills after about two documents (35 KB each) and ecall must wait; it used
    // to run the whole batch and queue every document in memory (828 MB for 1,000 calls).
    const dir = mkdtempSync(join(tmpdir(), 'ecall-slow-'));
    const text = readFileSync(join(ROOT, FIXTURE));
    const args: string[] = [];
    for (let k = 0; k < 10; k++) {
      writeFileSync(join(dir, `call-${k}.txt`), text);
      args.push(join(dir, `call-${k}.txt`), join(dir, `missing-${k}.txt`));
    }
    const child = spawn(process.execPath, [BIN, 'analyze', ...args, '-f', 'ndjson', '--jobs', String(jobs)], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const reported = () => (stderr.match(/no such file/g) ?? []).length;
    // The first missing file is reported before the pipe can be full; then the batch must stall.
    for (let waited = 0; reported() === 0 && waited < 20000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(reported()).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1500));
    expect(reported()).toBeLessThan(10);
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const status = await new Promise<number | null>((r) => child.on('close', r));
    expect(status).toBe(3);
    expect(reported()).toBe(10);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: { path: string }; turns: unknown[] });
    // NDJSON streams in the order files complete: with two jobs that may differ from the input's.
    expect(lines.map((d) => d.source.path).sort()).toEqual(Array.from({ length: 10 }, (_, k) => join(dir, `call-${k}.txt`)));
    expect(lines.map((d) => d.turns.length)).toEqual(Array(10).fill(18));
  }, 30000);

  it('has many workers wait for a slow reader together, with no warning on stderr (--jobs 12)', async () => {
    // Twelve workers finishing while the pipe is full each waited with a listener pair of its
    // own on stdout: past Node's limit of ten, a MaxListenersExceededWarning reached stderr.
    const dir = mkdtempSync(join(tmpdir(), 'ecall-many-'));
    const text = readFileSync(join(ROOT, FIXTURE));
    for (let k = 0; k < 24; k++) writeFileSync(join(dir, `call-${String(k).padStart(2, '0')}.txt`), text);
    const child = spawn(process.execPath, [BIN, 'analyze', dir, '-f', 'ndjson', '--jobs', '12'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    await new Promise((r) => setTimeout(r, 3000));
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const status = await new Promise<number | null>((r) => child.on('close', r));
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(24);
    expect(stderr).toBe('');
  }, 30000);

  it('writes the same bytes to a file as to a pipe (a file is written directly, not through a stream)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecall-file-'));
    // One clean transcript and one with a C1 control, which JSON output must escape.
    const odd = join(dir, 'odd.txt');
    writeFileSync(odd, 'Operator\n\nWelcome to the call, \u009b2J everyone.\n\nAda Sun (CFO)\n\nRevenue was $1.2 million.\n');
    for (const format of ['ndjson', 'json', 'table']) {
      const args = [BIN, 'analyze', FIXTURE, odd, '-f', format, '--jobs', '1', '--no-color'];
      const piped = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, COLUMNS: '120' } });
      const out = join(dir, `out.${format}`);
      const fd = openSync(out, 'w');
      const filed = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env: { ...process.env, COLUMNS: '120' } });
      closeSync(fd);
      expect(filed.status).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text, format).toBe(piped.stdout);
      expect(text.length).toBeGreaterThan(3000);
      if (format !== 'table') expect(text).toContain('\\u009b2J');
    }
  });

  it.skipIf(!existsSync('/dev/full'))('says in one line, with exit 4, when the results cannot be written (a full disk)', () => {
    // One file, and a batch on worker threads (where the write happens in a message handler).
    for (const args of [[FIXTURE], [FIXTURE, 'fixtures/colon', '--jobs', '2']]) {
      const fd = openSync('/dev/full', 'w');
      const r = spawnSync(process.execPath, [BIN, 'analyze', ...args, '-f', 'ndjson'], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      closeSync(fd);
      expect(r.status, args.join(' ')).toBe(4);
      expect(r.stderr).toBe('ecall: cannot write the results to standard output: ENOSPC: no space left on device, write\n');
    }
  });

  it('ends quietly when stdout is closed early', () => {
    const r = spawnSync('sh', ['-c', `node ${BIN} turns ${FIXTURE} -f ndjson | head -1`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toBe('');
  });
});

describe('ecall quantities', () => {
  it('reads each line as its own document with --lines, values and units exact', () => {
    const r = runCli(['quantities', '--lines', '-', '-f', 'json'], { input: '收入达人民币十八点四亿元\nmargin improved 5.3 percentage points\n' });
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.quantities.map((q: { text: string; value: number; unit: string; kind: string }) => [q.text, q.value, q.unit, q.kind])).toEqual([
      ['人民币十八点四亿元', 1840000000, 'CNY', 'money'],
      ['5.3 percentage points', 5.3, 'pp', 'pp'],
    ]);
    expect(doc.quantities[1].span).toMatchObject({ startLine: 2, startColumn: 17 });
    expect(doc.quantities[0].turn).toBeNull();
  });

  it('reads only speech, attributing each figure to its turn', () => {
    const r = runCli(['quantities', 'fixtures/transcript-site/lanting-q3-2024.txt', '-f', 'ndjson']);
    const qs = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    // "Speaker 3" in a header line is not a figure.
    expect(qs.some((q) => q.text === '3')).toBe(false);
    const ceo = qs.filter((q) => q.turn === 3 && q.kind === 'money');
    expect(ceo.map((q) => q.value)).toEqual([960000000]);
    expect(qs.find((q) => q.turn === 7 && q.text === 'RMB 961.3 million')).toMatchObject({ value: 961300000, unit: 'CNY', lang: 'en', speaker: 'Ada Sun' });
  });
});

describe('ecall align', () => {
  it('pairs the Chinese passages of the fixture and reports the interjection', () => {
    const r = runCli(['align', FIXTURE, '-f', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.pairs.map((p: { zhTurn: number; enTurns: number[] }) => [p.zhTurn, p.enTurns])).toEqual([[3, [4]], [5, [6]], [9, [9, 10]], [11, [12]]]);
    const revenue = doc.pairs[0].segments.find((s: { zh: string }) => s.zh.includes('九点六亿元'));
    expect(revenue).toMatchObject({ kind: '1-1', en: expect.stringContaining('RMB 960 million') });
    expect(revenue.matched).toContain('人民币九点六亿元 = RMB 960 million');
    expect(doc.unpaired[0]).toMatchObject({ turn: 5, reason: 'interjection', span: { startLine: 31 } });
  });

  it('prints a two-column table with confidences', () => {
    const r = runCli(['align', FIXTURE, '-f', 'table'], { env: { COLUMNS: '120' } });
    expect(r.stdout.split('\n')[0]).toBe(`${FIXTURE}: 4 aligned passages, 1 unpaired`);
    expect(r.stdout).toMatch(/│ Chinese +│ English +│ +conf │/);
    expect(r.stdout).toContain('turn 3 → 4');
  });
});

describe('ecall metrics', () => {
  it('reads a bare 元 as the currency --currency names, and refuses a code that is not one', () => {
    const zh = 'fixtures/colon/xinyuan-dianqi-2024h1-zh.txt';
    const unitsOf = (out: string) => (JSON.parse(out) as { metrics: Array<{ unit: string }> }).metrics.map((f) => f.unit).sort();
    const plain = runCli(['metrics', zh, '-f', 'json', '--verbose']);
    expect(unitsOf(plain.stdout)).toEqual(['%', 'CNY', 'CNY', 'CNY']);
    expect(plain.stderr).toContain('amounts in 元 are read as CNY; for a Taiwanese or Hong Kong company give --currency TWD or HKD  metrics-currency-assumed');
    const twd = runCli(['metrics', zh, '-f', 'json', '--currency', 'twd']);
    expect(twd.status).toBe(0);
    expect(unitsOf(twd.stdout)).toEqual(['%', 'TWD', 'TWD', 'TWD']);
    const analyzed = runCli(['analyze', zh, '-f', 'json', '--currency', 'HKD']);
    expect(unitsOf(analyzed.stdout)).toEqual(['%', 'HKD', 'HKD', 'HKD']);
    const compared = runCli(['compare', zh, '-f', 'json', '--currency', 'TWD']);
    expect((JSON.parse(compared.stdout) as { series: Array<{ unit: string }> }).series.map((x) => x.unit).sort()).toEqual(['%', 'TWD', 'TWD', 'TWD']);
    const bad = runCli(['metrics', zh, '--currency', 'NT$']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain("option '--currency <code>' argument 'NT$' is invalid. give an ISO 4217 code of three letters, such as TWD, HKD or CNY");
  });

  const KS = '../shared/corpus/kingsoft-cloud-q2-2023.txt';

  it('prints facts with periods, values, deltas and checks naming them by index', () => {
    const r = runCli(['metrics', FIXTURE, '-f', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    const revenue = doc.metrics.find((f: { metric: string; segment: null; period: string }) => f.metric === 'revenue' && f.segment === null && f.period === '2024-Q3');
    expect(revenue).toMatchObject({ entity: 'Lanting Data', value: 961300000, unit: 'CNY', basis: null });
    expect(revenue.mentions.map((m: { lang: string; text: string }) => `${m.lang}:${m.lang === 'zh' ? m.text.replace(/ /g, '') : m.text}`)).toEqual(['zh:人民币九点六亿元', 'en:RMB 960 million', 'en:RMB 961.3 million']);
    expect(revenue.mentions[2].span).toMatchObject({ startLine: 41 });
    for (const c of doc.checks) for (const i of c.metrics) expect(doc.metrics[i]).toBeDefined();
  });

  it('filters by metric, segment and language', () => {
    const r = runCli(['metrics', FIXTURE, '-f', 'json', '--metric', 'revenue,gross_margin', '--segment', 'total', '--lang', 'zh']);
    const doc = JSON.parse(r.stdout);
    expect(doc.metrics.length).toBeGreaterThan(0);
    for (const f of doc.metrics) {
      expect(['revenue', 'gross_margin']).toContain(f.metric);
      expect(f.segment).toBeNull();
      expect(f.mentions.every((m: { lang: string }) => m.lang === 'zh')).toBe(true);
    }
  });

  it.skipIf(!existsSync(join(ROOT, KS)))('flags the Kingsoft interpretation mismatch and keeps the original value', () => {
    const r = runCli(['metrics', KS, '-f', 'json', '--metric', 'gross_margin', '--segment', 'public cloud']);
    const doc = JSON.parse(r.stdout);
    const lastYear = doc.metrics.find((f: { period: string }) => f.period === '2022-Q2');
    expect(lastYear).toMatchObject({ value: -2.4, unit: '%', flags: ['interpretation-mismatch'] });
    const failed = doc.checks.filter((c: { status: string }) => c.status === 'fail');
    expect(failed).toHaveLength(1);
    expect(failed[0].message).toMatch(/the original's -2\.4% stands/);
  });

  it('prints the table with checks below it, and CSV', () => {
    const t = runCli(['metrics', FIXTURE, '-f', 'table'], { env: { COLUMNS: '150' } });
    expect(t.stdout).toMatch(/│ revenue +│ +│ +│ 2024-Q3 +│ +RMB 961\.3M │ +\+12\.5% │/);
    expect(t.stdout).toMatch(/^checks \(\d+ pass, \d+ warn, \d+ fail\):$/m);
    const c = runCli(['metrics', FIXTURE, '-f', 'csv']);
    expect(c.stdout.split('\n')[0]).toBe('path,entity,metric,segment,basis,period,value,unit,approx,yoy,yoy_unit,yoy_source,qoq,qoq_unit,qoq_source,flags,mentions,first_line');
  });
});
