import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../src/check/diff.js';
import { fixtureTranscripts, ROOT, runCli } from './helpers.js';

/**
 * The project uses its own regression tool: every fixture transcript sits beside its
 * `X.expected.json` (the `ecall analyze` document), and `ecall check` must find them equal.
 * After a reviewed change in output: `npm run fixtures:update`, then review `git diff fixtures/`.
 */
describe('ecall check on the project fixtures', () => {
  it('finds every fixture equal to its expected file', () => {
    const r = runCli(['check', 'fixtures', '--format', 'json']);
    const report = JSON.parse(r.stdout) as { files: Array<{ path: string; status: string; differences: unknown[] }> };
    const notMatching = report.files.filter((f) => f.status !== 'match').map((f) => ({ path: f.path, status: f.status, differences: f.differences.slice(0, 5) }));
    expect(notMatching).toEqual([]);
    expect(report.files.map((f) => f.path).sort()).toEqual(fixtureTranscripts().map((f) => relative(ROOT, f)).sort());
    expect(r.status).toBe(0);
  });

  it('catches a changed figure, names it, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecall-check-'));
    const f = join(dir, 'call.txt');
    copyFileSync(join(ROOT, 'fixtures/transcript-site/lanting-q3-2024.txt'), f);
    expect(runCli(['check', f, '--update']).status).toBe(0);
    const expectedPath = join(dir, 'call.expected.json');
    const doc = JSON.parse(readFileSync(expectedPath, 'utf8'));
    const q = doc.quantities.find((x: { text: string }) => x.text === 'RMB 961.3 million');
    q.value = 961400000;
    writeFileSync(expectedPath, JSON.stringify(doc));
    const r = runCli(['check', f, '--no-color']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('changed  quantity "RMB 961.3 million" at 41:41 › value: 961400000 → 961300000');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('check: 1 file, 0 match, 1 differ');
    // Within a tolerance the same figure passes.
    expect(runCli(['check', f, '--tolerance', '0.001']).status).toBe(0);
  });
});

describe('document diff', () => {
  it('matches turns by number and facts by key, so an insertion is one difference', () => {
    const e = { turns: [{ n: 1, speaker: 'A' }, { n: 2, speaker: 'B' }], metrics: [{ metric: 'revenue', segment: null, basis: null, period: '2023-Q2', entity: 'X', value: 1 }] };
    const a = { turns: [{ n: 1, speaker: 'A' }, { n: 2, speaker: 'B' }, { n: 3, speaker: 'C' }], metrics: [{ metric: 'revenue', segment: null, basis: null, period: '2023-Q2', entity: 'X', value: 2 }] };
    expect(diffDocuments(e, a)).toEqual([
      { kind: 'added', where: 'turn 3', actual: { n: 3, speaker: 'C' } },
      { kind: 'changed', where: 'metric revenue (2023-Q2, X) › value', expected: 1, actual: 2 },
    ]);
  });

  it('ignores source.path and compares ranges and numbers with the tolerance', () => {
    expect(diffDocuments({ source: { path: 'a' }, v: [1, 2] }, { source: { path: 'b' }, v: [1, 2.0000000001] })).toEqual([]);
    expect(diffDocuments({ v: 100 }, { v: 101 }, { tolerance: 0.02 })).toEqual([]);
    expect(diffDocuments({ v: 100 }, { v: 103 }, { tolerance: 0.02 })).toHaveLength(1);
  });
});
