#!/usr/bin/env node
/**
 * The property tests of test/properties.test.ts with many more generated inputs than CI runs:
 *
 *   node scripts/properties-long.mjs            # 20,000 runs per property, the CI seed
 *   node scripts/properties-long.mjs 100000     # another count
 *   ECALL_PROPERTY_SEED=7 node scripts/properties-long.mjs   # another seed
 *
 * A failure prints fast-check's counterexample and the seed and path that replay it.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = process.argv[2] ?? process.env.ECALL_PROPERTY_RUNS ?? '20000';
if (!/^[1-9]\d*$/.test(runs)) {
  console.error(`properties-long: the run count must be a positive whole number, not ${runs}`);
  process.exit(2);
}
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const r = spawnSync(process.execPath, [vitest, 'run', 'test/properties.test.ts', '--testTimeout=3600000'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ECALL_PROPERTY_RUNS: runs },
});
process.exit(r.status ?? 1);
