#!/usr/bin/env node
/** Runs a TypeScript script (benchmarks) by bundling it with esbuild first: `node scripts/run-ts.mjs bench/x.ts`. */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [args…]');
  process.exit(2);
}
// Inside the project, so the bundle's external imports resolve from node_modules.
const cache = join(process.cwd(), 'node_modules', '.cache', 'weft-run');
mkdirSync(cache, { recursive: true });
const outfile = join(mkdtempSync(join(cache, 'run-')), 'script.mjs');
await esbuild.build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(outfile).href);
