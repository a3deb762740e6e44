/**
 * `ecall check --update` writes expected files atomically (issue 7, "results never lost"):
 * write a temporary file, then rename it over the expectation. Checked without timing tricks:
 * the expectation is replaced by a new file (a new inode: a rewrite in place keeps the old
 * one, and a reader could see it half-written), it parses, and no temporary file remains.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

const SITE = join(ROOT, 'fixtures/transcript-site/lanting-q3-2024.txt');
const COLON = join(ROOT, 'fixtures/colon/harbor-lane-q4-2024.txt');

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ecall-check-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const leftovers = (d: string) => readdirSync(d).filter((n) => /\.tmp$/.test(n));

describe('check --update writes atomically', () => {
  it('replaces an existing expected file with a new, complete one and leaves no temporary file', () => {
    const d = join(dir, 'one');
    mkdirSync(d);
    copyFileSync(SITE, join(d, 'call.txt'));
    const expected = join(d, 'call.expected.json');
    writeFileSync(expected, '{"old": true}\n');
    const before = statSync(expected).ino;

    const r = runCli(['check', d, '--update']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`updated ${expected}`);
    expect(leftovers(d)).toEqual([]);
    // Renamed into place, not rewritten in place.
    expect(statSync(expected).ino).not.toBe(before);
    const doc = JSON.parse(readFileSync(expected, 'utf8'));
    expect(doc.old).toBeUndefined();
    expect(doc.schemaVersion).toBe('1.0.0');
    expect(readFileSync(expected, 'utf8').endsWith('}\n')).toBe(true);

    // What was written is exactly what check accepts.
    const again = runCli(['check', d, '--format', 'json']);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).files.map((f: { status: string }) => f.status)).toEqual(['match']);
  });

  it('an unreadable transcript in the batch costs the others nothing and its expectation stays as it was', () => {
    const d = join(dir, 'batch');
    mkdirSync(d);
    copyFileSync(COLON, join(d, 'a.txt'));
    writeFileSync(join(d, 'b.txt'), Buffer.from('%PDF-1.7\n1 0 obj\n'));
    writeFileSync(join(d, 'b.expected.json'), '{"kept": true}\n');

    const r = runCli(['check', d, '--update', '--format', 'json']);
    expect(r.status).toBe(3);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { path: string; status: string }) => [f.path, f.status])).toEqual([
      [join(d, 'a.txt'), 'updated'],
      [join(d, 'b.txt'), 'unreadable'],
    ]);
    expect(JSON.parse(readFileSync(join(d, 'a.expected.json'), 'utf8')).schemaVersion).toBe('1.0.0');
    expect(readFileSync(join(d, 'b.expected.json'), 'utf8')).toBe('{"kept": true}\n');
    expect(leftovers(d)).toEqual([]);
  });

  // When the rename fails (here the expected path is a directory), check removes the temporary
  // file, reports that file in one line and goes on with the others (exit 3).
  it('a failed rename removes its temporary file, names the file, and goes on', () => {
    const d = join(dir, 'rename-fails');
    mkdirSync(d);
    copyFileSync(SITE, join(d, 'a.txt'));
    mkdirSync(join(d, 'a.expected.json', 'occupied'), { recursive: true });
    copyFileSync(COLON, join(d, 'b.txt'));
    const r = runCli(['check', d, '--update']);
    expect(r.stderr).not.toContain('internal error');
    expect(r.status).toBe(3);
    expect(leftovers(d)).toEqual([]);
    expect(JSON.parse(readFileSync(join(d, 'b.expected.json'), 'utf8')).schemaVersion).toBe('1.0.0');
  });
});
