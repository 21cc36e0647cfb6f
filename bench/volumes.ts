/**
 * Volumes in Chromium, against the production build and a real git server on 127.0.0.1:
 *  - commit one trace to the user volume, 1,000 times: median and p95 (target median < 15 ms);
 *  - show the first 100 entries of the history of a 10,000-commit volume (target < 150 ms);
 *  - clone a 1,000-skill team volume from the server (and the 10,000-commit one).
 * Repositories are generated with `git fast-import`. Writes bench/results/volumes.json.
 * Run: npm run bench:volumes
 */
import { execFileSync } from 'node:child_process';
import { startGitServer } from '../e2e/fixtures/gitServer';
import { asTraceId } from '../lib/core';
import { makeTrace, sealSpan, ZERO_ENERGY } from '../lib/spans';
import { startApp } from './lib/app';
import { type Figure, percentile, writeResults } from './lib/results';

const COMMITS = Number(process.env.BENCH_COMMITS ?? 1000);
const HISTORY = Number(process.env.BENCH_HISTORY ?? 10_000);
const SKILLS = Number(process.env.BENCH_SKILLS ?? 1000);
const GIT_PORT = 8175;

/** A fast-import stream: one commit per file, in order. */
function fastImport(repo: string, files: { path: string; content: string; message: string }[]): void {
  const parts: string[] = [];
  files.forEach((f, i) => {
    const msg = Buffer.byteLength(f.message);
    parts.push(`commit refs/heads/main\ncommitter Bench <bench@weft.local> ${1_700_000_000 + i * 60} +0000\ndata ${msg}\n${f.message}\n`);
    parts.push(`M 100644 inline ${f.path}\ndata ${Buffer.byteLength(f.content)}\n${f.content}\n`);
  });
  execFileSync('git', ['--git-dir', repo, 'fast-import', '--quiet'], { input: parts.join(''), maxBuffer: 1 << 30 });
}

const git = await startGitServer({ port: GIT_PORT });
const history = await git.createRepo('bench-history');
fastImport(history, [
  { path: 'volume.json', content: '{"kind":"team","name":"teams/bench-history","title":"History","createdAt":0}\n', message: 'Create volume teams/bench-history' },
  ...Array.from({ length: HISTORY - 1 }, (_, i) => {
    const id = i.toString(16).padStart(32, '0');
    return { path: `traces/2025/${String((i % 12) + 1).padStart(2, '0')}/${id}.json`, content: JSON.stringify({ traceId: id, spans: [], rootHash: '0'.repeat(64) }), message: `Run bench-${i}: ok, 3 spans` };
  }),
]);
const skills = await git.createRepo('bench-skills');
fastImport(skills, [
  { path: 'volume.json', content: '{"kind":"team","name":"teams/bench-skills","title":"Skills","createdAt":0}\n', message: 'Create volume teams/bench-skills' },
  ...Array.from({ length: SKILLS }, (_, i) => ({
    path: `skills/skill-${i}/SKILL.md`,
    content: `---\nname: skill-${i}\ndescription: Benchmark skill number ${i}, which does one small thing well.\n---\n\n${'Step by step instructions. '.repeat(20)}\n`,
    message: `Promote skill-${i} from bench: benchmark`,
  })),
]);

// A realistic trace: a run with two parallel nodes and a join, re-labelled per commit in the page.
const traceId = asTraceId('0'.repeat(32));
const t0 = Date.now();
const draft = (name: string, kind: 'run' | 'node', parents: string[], start: number) =>
  sealSpan({ traceId, parents: parents as never, kind, name, pid: 1 as never, start, end: start + 40, status: 'ok', inputsHash: 'a'.repeat(64) as never, outputsHash: 'b'.repeat(64) as never, energy: { ...ZERO_ENERGY, cpuMs: 40, bytes: 2048 }, attributes: { 'weft.runtime': 'python' } });
const load = await draft('load-csv', 'node', [], t0);
const [stats, plot] = await Promise.all([draft('csv-stats', 'node', [load.id], t0 + 50), draft('plot-xy', 'node', [load.id], t0 + 50)]);
const join = await draft('report', 'node', [stats.id, plot.id], t0 + 100);
const template = await makeTrace(traceId, [load, stats, plot, join]);

const app = await startApp(3125, { WEFT_GIT_PROXY_ALLOW: git.url });
try {
  const { page } = app;
  const commitMs = await page.evaluate(
    async ({ template, n }) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const id = (i + 1).toString(16).padStart(32, 'f');
        const trace = { ...template, traceId: id, spans: template.spans.map((s) => ({ ...s, traceId: id })) };
        const t = performance.now();
        await window.weft!.call({ op: 'trace.append', trace: trace as never, message: `Run bench: ok, 4 spans (${i})` });
        times.push(performance.now() - t);
      }
      return times;
    },
    { template, n: COMMITS },
  );

  const timed = async <T>(fn: () => Promise<T>) => {
    const t = Date.now();
    const value = await fn();
    return { ms: Date.now() - t, value };
  };
  const cloneSkills = await timed(() => page.evaluate((url) => window.weft!.call({ op: 'volume.create', team: 'bench-skills', url }), git.repoUrl('bench-skills')));
  const skillCount = await page.evaluate(() => window.weft!.call({ op: 'skill.list' }).then((l) => l.filter((s) => s.volume === 'teams/bench-skills').length));
  const cloneHistory = await timed(() => page.evaluate((url) => window.weft!.call({ op: 'volume.create', team: 'bench-history', url }), git.repoUrl('bench-history')));
  const historyMs = await page.evaluate(async () => {
    const times: number[] = [];
    for (let i = 0; i < 11; i++) {
      const t = performance.now();
      const entries = await window.weft!.call({ op: 'volume.log', volume: 'teams/bench-history', limit: 100 });
      times.push(performance.now() - t);
      if (entries.length !== 100) throw new Error(`expected 100 entries, got ${entries.length}`);
    }
    return times;
  });
  if (skillCount !== SKILLS) throw new Error(`expected ${SKILLS} cloned skills, found ${skillCount}`);

  const figures: Figure[] = [
    { metric: 'trace_commit_median', value: percentile(commitMs, 50), unit: 'ms', target: 15, better: 'lower' },
    { metric: 'trace_commit_p95', value: percentile(commitMs, 95), unit: 'ms', better: 'lower' },
    { metric: 'trace_commit_median_first_100', value: percentile(commitMs.slice(0, 100), 50), unit: 'ms', better: 'lower' },
    { metric: 'trace_commit_median_last_100', value: percentile(commitMs.slice(-100), 50), unit: 'ms', better: 'lower' },
    { metric: 'trace_commit_rate', value: 1000 / (commitMs.reduce((a, b) => a + b, 0) / commitMs.length), unit: 'commits/s', better: 'higher' },
    { metric: 'history_first_100_cold', value: historyMs[0]!, unit: 'ms', target: 150, better: 'lower' },
    { metric: 'history_first_100_warm_median', value: percentile(historyMs.slice(1), 50), unit: 'ms', target: 150, better: 'lower' },
    { metric: 'clone_1000_skills', value: cloneSkills.ms, unit: 'ms', better: 'lower' },
    { metric: 'clone_10000_commits', value: cloneHistory.ms, unit: 'ms', better: 'lower' },
  ];
  writeResults('volumes', `Chromium ${app.browser.version()}`, figures, { commits: COMMITS, historyCommits: HISTORY, skills: SKILLS });
} finally {
  await app.stop();
  await git.stop();
}
