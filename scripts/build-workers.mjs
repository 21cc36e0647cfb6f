#!/usr/bin/env node
/**
 * Builds every `workers/*.worker.ts` into a real ES-module worker at `public/workers/<name>.js`.
 * Turbopack emits bundled workers as classic workers, and some runtimes (Pyodide) insist on a
 * module worker, so all of Weft's workers are built here, one way, outside the Next bundle.
 * `--watch` rebuilds on change (used by `npm run dev`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { builtinSkillsPlugin } from './builtinSkillsPlugin.mjs';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const entries = readdirSync(join(root, 'workers'))
  .filter((f) => f.endsWith('.worker.ts'))
  .map((f) => ({ in: join(root, 'workers', f), out: f.replace(/\.worker\.ts$/, '') }));

const options = {
  entryPoints: entries,
  outdir: join(root, 'public', 'workers'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome120', 'firefox121', 'safari17'],
  sourcemap: true,
  minify: process.env.NODE_ENV === 'production' || !process.argv.includes('--watch'),
  define: { __WEFT_VERSION__: JSON.stringify(pkg.version) },
  inject: [join(root, 'scripts', 'buffer-shim.js')],
  plugins: [builtinSkillsPlugin(join(root, 'skills'))],
  logLevel: 'info',
};

if (process.argv.includes('--watch')) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
