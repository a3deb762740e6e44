#!/usr/bin/env node
// Regenerates fixtures/**/X.expected.json from what ecall produces now. Review the diff
// (`git diff fixtures/`) before committing: an expected file is a promise to users.
// Usage: npm run fixtures:update [-- fixtures/some/dir-or-file ...]
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze, toTurnsDocument } from '../dist/index.js';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const targets = args.length ? args : ['fixtures'];
const files = [];
const walk = (p) => {
  if (statSync(p).isDirectory()) for (const n of readdirSync(p).sort()) walk(join(p, n));
  else if (/\.(txt|md|xml)$/.test(p) && !/README\.md$/.test(p)) files.push(p);
};
for (const t of targets) walk(join(root, t));
for (const f of files) {
  const rel = relative(root, f);
  const doc = toTurnsDocument(analyze(readFileSync(f), { path: rel }));
  const out = f.replace(/\.(txt|md|xml)$/, '.expected.json');
  // Write then rename, so an interrupted update never leaves half a file.
  writeFileSync(`${out}.tmp`, `${JSON.stringify(doc, null, 2)}\n`);
  renameSync(`${out}.tmp`, out);
  process.stderr.write(`wrote ${relative(root, out)}\n`);
}
