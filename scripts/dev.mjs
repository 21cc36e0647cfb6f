#!/usr/bin/env node
/** `npm run dev`: workers rebuilt on change (esbuild) beside `next dev` on http://localhost:3000. */
import { spawn, spawnSync } from 'node:child_process';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
// Build the workers once before the server starts, so the first page never asks for a missing one.
for (const script of ['scripts/copy-runtime-assets.mjs', 'scripts/build-workers.mjs']) {
  const first = spawnSync(process.execPath, [script], { stdio: 'inherit', env });
  if (first.status !== 0) process.exit(first.status ?? 1);
}
const children = [
  spawn(process.execPath, ['scripts/build-workers.mjs', '--watch'], { stdio: 'inherit', env }),
  spawn('npx', ['next', 'dev', '-p', process.env.PORT ?? '3000'], { stdio: 'inherit', env }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
children.forEach((c) => c.on('exit', (code) => { stop(); process.exitCode = code ?? 0; }));
