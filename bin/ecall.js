#!/usr/bin/env node
// With --debug an internal error's trace names dist/cli's files, not the bundle's chunks (off
// otherwise: reading the maps costs start-up time).
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
const { main } = await import('../dist/bundle/main.js');

await main(process.argv);
