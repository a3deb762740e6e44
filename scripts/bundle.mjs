// Bundles the compiled CLI (dist/cli) into dist/bundle, which bin/ecall.js runs: a cold
// `ecall metrics` loaded 92 ES modules one by one (resolution, read, compile and link for
// each), about 40 ms of a cold start whose target is 300 ms; bundled, it loads about twenty
// chunks. Code that only some commands need stays in chunks of its own (`--splitting`), so
// `ecall --help` still loads only what it did. The npm dependencies are not bundled: ecall
// requires them lazily, where they are used. The library entry (dist/index.js) is unchanged.
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// Paths, not URLs' pathnames: those stay percent-encoded (a clone under `/home/李/my calls`).
const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const outdir = fileURLToPath(new URL('../dist/bundle', import.meta.url));
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // The worker keeps its name: the pool starts `new URL('./worker.js', import.meta.url)`.
  entryPoints: { main: 'dist/cli/main.js', worker: 'dist/cli/worker.js' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  external: Object.keys(pkg.dependencies ?? {}),
  // Read only with --debug (bin/ecall.js turns them on): a trace then names dist/cli's files.
  sourcemap: 'linked',
  logLevel: 'warning',
});
