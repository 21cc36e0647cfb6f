/**
 * Chat in Node (the kernel's real code, no browser):
 *  - send → request leaves: from `chat.send` to the provider receiving the request, with 1,000
 *    skills in the catalogue (skill retrieval, context building, tool selection and history
 *    fitting included), against the local OpenAI protocol server over HTTP;
 *  - SSE parsing throughput (parser, + deltas, the whole provider), see lib/sseThroughput.ts.
 * Writes bench/results/chat.json. Run: npm run bench:chat
 */
import http from 'isomorphic-git/http/node';
import { systemClock } from '../lib/core';
import { Kernel } from '../lib/kernel';
import { createLockMap, memoryStore, Workspace } from '../lib/volumes';
import { tempDir } from '../lib/volumes/testing';
import { rootedFs } from '../lib/volumes/testVolumes';
import { startOpenAiServer, textAnswer } from '../e2e/fixtures/openaiServer';
import { type Figure, percentile, writeResults } from './lib/results';
import { sseThroughput } from './lib/sseThroughput';

const SKILLS = Number(process.env.BENCH_SKILLS ?? 1000);
const SENDS = Number(process.env.BENCH_SENDS ?? 30);
const WORDS = 'csv table column mean median plot chart line scatter regression tensor matrix quantum circuit filter sort json transform export file text word frequency summary statistics model prompt review code clean data image scene mesh molecule surface spice resistor capacitor signal fourier spectrum cluster kmeans sample random seed monte carlo simulation gradient loss train evaluate report markdown'.split(' ');
let state = 7;
const rand = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = () => WORDS[Math.floor(rand() * WORDS.length)]!;
const phrase = (n: number) => Array.from({ length: n }, pick).join(' ');

/** A third context skills, the rest executable (python / javascript), like a real library. */
function skillFile(i: number): { path: string; content: string } {
  const name = `${pick()}-${pick()}-${i}`;
  const kind = i % 3;
  const runtime = kind === 0 ? '' : `runtime: ${kind === 1 ? 'python' : 'javascript'}\ninputs:\n  - name: data\n    type: json\n    default: []\n    description: ${phrase(6)}\noutputs:\n  - name: result\n    type: json\n`;
  const code = kind === 0 ? '' : kind === 1 ? '\n```python\ndef execute(inputs):\n    return {"result": inputs["data"]}\n```\n' : '\n```javascript\nfunction execute(inputs) {\n  return { result: inputs.data };\n}\n```\n';
  return { path: `skills/${name}/SKILL.md`, content: `---\nname: ${name}\ndescription: ${phrase(14)}.\nmetadata:\n  category: ${pick()}\n${runtime}---\n\n# ${name}\n\n${phrase(150)}\n${code}` };
}

const server = await startOpenAiServer();
const arrivals: number[] = [];
const answer = textAnswer(['ok']);
server.script((_request, res) => {
  arrivals.push(performance.now());
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  if (answer.kind === 'stream') for (const step of answer.steps) if (typeof step === 'string') res.write(step);
  res.end();
});

const dir = tempDir('weft-bench-chat-');
const builtins = { version: 'bench', files: Array.from({ length: SKILLS }, (_, i) => skillFile(i)) };
const kernel = new Kernel({
  clock: systemClock,
  version: 'bench',
  probe: async () => ({ crossOriginIsolated: true, sharedArrayBuffer: true, webAssembly: true, webGpu: false, indexedDb: false, userAgent: 'node' }),
  panic: () => {},
  workspace: () => Workspace.open({ fs: rootedFs(dir.path), clock: systemClock, lock: createLockMap(), http, settings: memoryStore(), secrets: memoryStore(), builtins }),
});
const tBoot = performance.now();
await kernel.boot();
console.log(`kernel booted with ${SKILLS} skills in ${(performance.now() - tBoot).toFixed(0)} ms`);
await kernel.dispatch({ op: 'llm.setProvider', id: 'bench', baseUrl: server.url, model: 'bench-model', contextLength: 32768 });

const latencies: number[] = [];
for (let i = 0; i < SENDS + 3; i++) {
  // A new conversation each time: what is measured is the per-turn preparation, not history growth.
  const question = `How do I ${pick()} a ${pick()} ${pick()} and ${pick()} the ${pick()}?`;
  const t0 = performance.now();
  const before = arrivals.length;
  await kernel.dispatch({ op: 'chat.send', text: question });
  if (arrivals.length === before) throw new Error('the provider received no request');
  if (i >= 3) latencies.push(arrivals[before]! - t0); // the first turns warm the catalogue's index
}
const p50 = percentile(latencies, 50);
const p95 = percentile(latencies, 95);
console.log(`send → request leaves (${SKILLS} skills): p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${latencies.length} sends`);
await server.close();
dir.remove();

const sse = await sseThroughput(Number(process.env.BENCH_MB ?? 20), Number(process.env.BENCH_RUNS ?? 5));
const figures: Figure[] = [
  { metric: `send to request, ${SKILLS} skills p50`, value: p50, unit: 'ms', better: 'lower' },
  { metric: `send to request, ${SKILLS} skills p95`, value: p95, unit: 'ms', better: 'lower' },
  ...sse.figures,
];
writeResults('chat', 'none (Node)', figures, { skills: SKILLS, sends: latencies.length, streamMB: sse.streamMB, chunks: sse.chunks });
process.exit(0);
