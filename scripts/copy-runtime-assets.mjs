#!/usr/bin/env node
/**
 * Copies the runtimes' static files from node_modules into public/ (not committed), so Python and
 * the WASM tensor backend load from this app, with no CDN, and work offline. Run at install
 * (`postinstall`) and before every build.
 *   public/pyodide/  the Pyodide interpreter and standard library
 *   public/tfjs/     TensorFlow.js's WASM backend binaries (plain, SIMD, threaded SIMD)
 *   public/wllama/   llama.cpp in WebAssembly (wllama), for in-browser language models
 *   public/quickjs/  QuickJS in WebAssembly, the bounded engine untrusted JavaScript skills run in
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const sets = [
  { from: 'node_modules/pyodide', to: 'public/pyodide', files: ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'] },
  { from: 'node_modules/@tensorflow/tfjs-backend-wasm/dist', to: 'public/tfjs', files: ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'] },
  { from: 'node_modules/@wllama/wllama/esm/wasm', to: 'public/wllama', files: ['wllama.wasm'] },
  { from: 'node_modules/@jitl/quickjs-wasmfile-release-sync/dist', to: 'public/quickjs', files: ['emscripten-module.wasm'] },
  // Loaded by the kernel worker with import() on first use, so the kernel starts without it.
  { from: 'node_modules/@wllama/wllama/esm', to: 'public/wllama', files: ['index.js'] },
];

let copied = 0;
for (const set of sets) {
  mkdirSync(join(root, set.to), { recursive: true });
  for (const file of set.files) {
    const source = join(root, set.from, file);
    const target = join(root, set.to, file);
    if (!existsSync(source)) {
      console.error(`copy-runtime-assets: ${source} is missing; run npm install.`);
      process.exit(1);
    }
    const s = statSync(source);
    if (existsSync(target)) {
      const t = statSync(target);
      if (t.size === s.size && t.mtimeMs >= s.mtimeMs) continue;
    }
    copyFileSync(source, target);
    copied++;
  }
}
// The Python worker reads this to show download progress and to key its startup snapshot.
const pyodide = sets[0];
const manifest = {
  version: JSON.parse(readFileSync(join(root, pyodide.from, 'package.json'), 'utf8')).version,
  files: Object.fromEntries(pyodide.files.map((file) => [file, statSync(join(root, pyodide.to, file)).size])),
};
writeFileSync(join(root, pyodide.to, 'weft-manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`copy-runtime-assets: ${copied} file(s) copied to public/pyodide, public/tfjs, public/wllama and public/quickjs`);
