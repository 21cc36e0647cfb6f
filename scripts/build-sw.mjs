#!/usr/bin/env node
/**
 * Builds the service worker, public/sw.js, after `next build`: lists what the build serves that
 * the workbench needs offline, hashes every file, and inlines that precache manifest into the
 * bundle of workers/sw/sw.ts (so a new build is a new cache version). public/sw.js is not committed.
 *
 * Precached (source maps never):
 *   /                       the page (.next/server/app/index.html), the offline navigation fallback
 *   /manifest.webmanifest, /icon.svg   when the build prerendered them
 *   /_next/static/**        everything `next build` emitted
 *   /workers/**, /pyodide/**, /tfjs/**, /wllama/**, /quickjs/**, /icons/**   from public/
 *
 * Usage: node scripts/build-sw.mjs [--root <dir>] [--next <dir>] [--public <dir>] [--out <file>]
 * (defaults: this project, <root>/.next, <root>/public, <public>/sw.js).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';

const project = resolve(new URL('..', import.meta.url).pathname);
const { values: args } = parseArgs({
  options: { root: { type: 'string' }, next: { type: 'string' }, public: { type: 'string' }, out: { type: 'string' } },
});
const root = resolve(args.root ?? project);
const nextDir = resolve(args.next ?? join(root, '.next'));
const publicDir = resolve(args.public ?? join(root, 'public'));
const out = resolve(args.out ?? join(publicDir, 'sw.js'));

/** Folders of public/ served as-is and needed offline (the runtimes, their workers, the icons). */
const PUBLIC_DIRS = ['workers', 'pyodide', 'tfjs', 'wllama', 'quickjs', 'icons'];
/** Routes Next prerenders into .next/server/app, and the file holding each one's bytes. */
const ROUTES = [
  { url: '/', file: 'index.html', required: true },
  { url: '/manifest.webmanifest', file: 'manifest.webmanifest.body', required: false },
  { url: '/icon.svg', file: 'icon.svg.body', required: false },
];

function fail(message) {
  console.error(`build-sw: ${message}`);
  process.exit(1);
}

/** The pure manifest code lives in lib/pwa (TypeScript): bundled here and imported from memory. */
async function importTs(entry) {
  const result = await esbuild.build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

function walk(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(path));
    else if (entry.isFile() || (entry.isSymbolicLink() && statSync(path).isFile())) files.push(path);
  }
  return files;
}

const revisionOf = (path) => createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);

const { buildPrecacheManifest, isPrecacheable, servedUrl } = await importTs(join(project, 'lib', 'pwa', 'precacheManifest.ts'));

const buildIdFile = join(nextDir, 'BUILD_ID');
if (!existsSync(buildIdFile)) fail(`${buildIdFile} is missing: run \`next build\` first.`);
const buildId = readFileSync(buildIdFile, 'utf8').trim();

const entries = [];
let bytes = 0;
const add = (url, path) => {
  entries.push({ url, revision: revisionOf(path) });
  bytes += statSync(path).size;
};

for (const route of ROUTES) {
  const path = join(nextDir, 'server', 'app', route.file);
  if (existsSync(path)) add(route.url, path);
  else if (route.required) {
    // A page rendered per request: the build id still changes with every build.
    console.warn(`build-sw: ${relative(root, path)} not found (the page is not prerendered); ${route.url} is versioned by the build id.`);
    entries.push({ url: route.url, revision: buildId.replace(/[^A-Za-z0-9_-]/g, '_') });
  }
}

const staticDir = join(nextDir, 'static');
if (!existsSync(staticDir)) fail(`${staticDir} is missing: run \`next build\` first.`);
const sources = [{ dir: staticDir, prefix: '/_next/static' }, ...PUBLIC_DIRS.map((name) => ({ dir: join(publicDir, name), prefix: `/${name}` }))];
for (const { dir, prefix } of sources) {
  if (!existsSync(dir)) fail(`${dir} is missing: run \`node scripts/copy-runtime-assets.mjs && node scripts/build-workers.mjs\` (and \`node scripts/make-icons.mjs\` for icons).`);
  for (const path of walk(dir)) {
    const rel = relative(dir, path).split(sep).join('/');
    if (isPrecacheable(rel)) add(servedUrl(prefix, rel), path);
  }
}

const manifest = await buildPrecacheManifest(entries);

await esbuild.build({
  entryPoints: [join(project, 'workers', 'sw', 'sw.ts')],
  outfile: out,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome120', 'firefox121', 'safari17'],
  minify: true,
  legalComments: 'none',
  define: { __WEFT_PRECACHE__: JSON.stringify(manifest) },
  banner: { js: `/* Weft service worker, precache ${manifest.version}: generated by scripts/build-sw.mjs, do not edit. */` },
  logLevel: 'warning',
});

const mib = (bytes / 1024 / 1024).toFixed(1);
console.log(`build-sw: ${relative(process.cwd(), out) || out}: ${manifest.entries.length} files (${mib} MiB) precached as weft-precache-${manifest.version}`);
