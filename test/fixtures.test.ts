import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, toTurnsDocument } from '../src/index.js';
import { fixtureTranscripts, ROOT } from './helpers.js';

/**
 * Each fixture transcript sits beside its expected JSON (`X.txt` → `X.expected.json`); what
 * ecall produces now must equal it exactly. After a reviewed change: `npm run fixtures:update`.
 */
const withExpected = fixtureTranscripts().filter((f) => existsSync(f.replace(/\.(txt|md|xml)$/, '.expected.json')));

describe('fixtures match their expected JSON', () => {
  it('every fixture transcript has an expected file', () => {
    const missing = fixtureTranscripts().filter((f) => !withExpected.includes(f)).map((f) => relative(ROOT, f));
    expect(missing).toEqual([]);
  });
  it.each(withExpected.map((f) => [relative(ROOT, f), f]))('%s', (rel, f) => {
    const expected = JSON.parse(readFileSync(f.replace(/\.(txt|md|xml)$/, '.expected.json'), 'utf8'));
    const actual = JSON.parse(JSON.stringify(toTurnsDocument(analyze(readFileSync(f), { path: rel }))));
    expect(actual).toEqual(expected);
  });
});
