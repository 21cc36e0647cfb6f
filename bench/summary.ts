/**
 * One summary of every benchmark: reads bench/results/*.json, prints one table (figure, value,
 * target, met or not) and the machines, and writes the same as Markdown to
 * bench/results/SUMMARY.md. A benchmark in bench/ without a results file, or a file that cannot
 * be read, is named and left out; the rest is still summarised.
 * Run: npm run bench:summary (npm run bench runs it last)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ResultsFile, summarize, summaryMarkdown, summaryText } from './lib/summaryTable';

const benchDir = join(process.cwd(), 'bench');
const resultsDir = join(benchDir, 'results');

// Each benchmark is a bench/<name>.ts or .mjs writing bench/results/<name>.json.
const benchmarks = readdirSync(benchDir)
  .filter((f) => /\.(ts|mjs)$/.test(f) && !f.endsWith('.d.ts'))
  .map((f) => f.replace(/\.(ts|mjs)$/, ''))
  .filter((name) => name !== 'summary');
const found = existsSync(resultsDir) ? readdirSync(resultsDir).filter((f) => f.endsWith('.json')) : [];
const names = [...new Set([...benchmarks, ...found.map((f) => f.slice(0, -'.json'.length))])].sort();

const files: ResultsFile[] = names.map((name) => {
  const file = `bench/results/${name}.json`;
  if (!found.includes(`${name}.json`)) return { file, text: null };
  try {
    return { file, text: readFileSync(join(resultsDir, `${name}.json`), 'utf8') };
  } catch (e) {
    return { file, text: null, unreadable: e instanceof Error ? e.message : String(e) };
  }
});

const summary = summarize(files);
process.stdout.write(summaryText(summary));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'SUMMARY.md'), summaryMarkdown(summary));
console.log('\nwrote bench/results/SUMMARY.md');
