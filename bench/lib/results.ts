/** The one shape every benchmark result file has (DESIGN.md section 7), and percentile helpers. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

export interface Figure {
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: number;
  readonly better: 'lower' | 'higher';
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Prints the figures and writes bench/results/<name>.json. */
export function writeResults(name: string, browser: string, figures: readonly Figure[], extra: Record<string, unknown> = {}): void {
  const rounded = figures.map((f) => ({ ...f, value: Math.round(f.value * 100) / 100 }));
  const result = { name, date: new Date().toISOString(), machine: { cpus: cpus().length, browser, node: process.version }, ...extra, figures: rounded };
  const dir = join(process.cwd(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`${name} (${browser}, ${cpus().length} CPUs)`);
  for (const f of rounded) {
    const target = f.target === undefined ? '' : `  (target ${f.better === 'lower' ? '<' : '>'} ${f.target})`;
    console.log(`  ${f.metric.padEnd(34)} ${String(f.value).padStart(10)} ${f.unit}${target}`);
  }
  console.log(`wrote bench/results/${name}.json`);
}
