import { describe, expect, it } from 'vitest';
import { CORPUS, corpusSkipReason, filesUnder, fixtureTranscripts, hasCorpus, parseFile, uncovered } from './helpers.js';

/**
 * "Nothing is lost": every non-blank character of every input belongs to a turn or to a
 * region (metadata, furniture, participants, headings, markup, or `unattributed`, which is
 * always reported with a warning). Spans must also lie inside the text and in order.
 */
function check(path: string): void {
  const { source, transcript: t } = parseFile(path);
  expect(uncovered(source.text, t)).toEqual([]);
  for (const x of t.turns) {
    expect(x.span.start).toBeLessThanOrEqual(x.span.end);
    expect(x.span.end).toBeLessThanOrEqual(source.text.length);
    for (const p of x.paragraphs) {
      expect(p.start).toBeGreaterThanOrEqual(x.span.start);
      expect(p.end).toBeLessThanOrEqual(x.span.end);
    }
  }
  for (let k = 1; k < t.turns.length; k++) expect(t.turns[k]!.span.start).toBeGreaterThanOrEqual(t.turns[k - 1]!.span.end);
  const unattributed = t.regions.filter((r) => r.kind === 'unattributed').length;
  expect(t.diagnostics.filter((d) => d.rule === 'unattributed-text')).toHaveLength(unattributed);
}

describe('nothing is lost: fixtures', () => {
  const files = fixtureTranscripts();
  it('has fixtures to check', () => expect(files.length).toBeGreaterThanOrEqual(7));
  it.each(files)('%s', (f) => check(f));
});

describe.skipIf(!hasCorpus)(`nothing is lost: shared corpus ${corpusSkipReason}`, () => {
  it.each(filesUnder(CORPUS, /\.(txt|md)$/).filter((f) => !f.endsWith('README.md')))('%s', (f) => check(f));
});
