import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFile, fixtureTranscripts, hasCorpus, ROOT, runCli } from './helpers.js';
import { validatorFor } from './schemas.js';

/** Every JSON document ecall prints validates against the schema shipped for it. */
const inputs = [...fixtureTranscripts().map((f) => relative(ROOT, f)), ...(hasCorpus ? [corpusFile('kingsoft-cloud-q2-2023.txt')] : [])];

describe.each(['turns', 'quantities', 'align', 'metrics', 'analyze'] as const)('ecall %s --format json', (command) => {
  const validate = validatorFor(command);
  it('validates on every fixture (and the Kingsoft call when present)', () => {
    const r = runCli([command, ...inputs, '--format', 'json', '--quiet']);
    expect(r.status).toBe(0);
    const batch = JSON.parse(r.stdout) as { documents: unknown[]; failures: unknown[] };
    expect(batch.failures).toEqual([]);
    expect(batch.documents).toHaveLength(inputs.length);
    for (const doc of batch.documents) {
      const ok = validate(doc);
      expect(ok, `${(doc as { source: { path: string } }).source.path}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });
});
