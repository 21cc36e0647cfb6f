import { canonicalJson } from '../core';
import type { MinedRun } from './types';

interface Sample {
  readonly value: unknown;
  readonly at: number;
  /** Position in the runs list: of two samples with the same `at`, the lower index is newer. */
  readonly index: number;
}

/**
 * The learned default of each param of each node, from the successful runs among `runs` (failed
 * ones are ignored): the median when every value is a number, otherwise the most frequent value
 * (compared as canonical JSON; a tie goes to the value used most recently). Params are matched by
 * the node's position in the signature's canonical order, not by node id. `runs` are newest
 * first, as `minePatterns` gives them; recency is `at`, then place in the list.
 * @example learnDefaults(pattern.runs)[0] → { bins: 20, column: 'price' }
 */
export function learnDefaults(runs: readonly MinedRun[]): Record<string, unknown>[] {
  const ok = runs.map((run, index) => ({ run, index })).filter(({ run }) => run.ok);
  let width = 0;
  for (const { run } of ok) width = Math.max(width, run.nodes.length);
  const learned: Record<string, unknown>[] = [];
  for (let i = 0; i < width; i++) {
    const byParam = new Map<string, Sample[]>();
    for (const { run, index } of ok) {
      const node = run.nodes[i];
      if (!node) continue;
      for (const [param, value] of Object.entries(node.params)) {
        let samples = byParam.get(param);
        if (!samples) byParam.set(param, (samples = []));
        samples.push({ value, at: run.at, index });
      }
    }
    learned.push(Object.fromEntries([...byParam].map(([param, samples]) => [param, learnedValue(samples)])));
  }
  return learned;
}

/** The median of numbers, else the most frequent value (ties: the most recent). */
function learnedValue(samples: readonly Sample[]): unknown {
  if (samples.every((s) => typeof s.value === 'number' && Number.isFinite(s.value))) return median(Float64Array.from(samples, (s) => s.value as number));
  const tally = new Map<string, { count: number; newest: Sample }>();
  for (const sample of samples) {
    const key = keyOf(sample.value);
    const entry = tally.get(key);
    if (!entry) tally.set(key, { count: 1, newest: sample });
    else {
      entry.count++;
      if (newer(sample, entry.newest)) entry.newest = sample;
    }
  }
  let best: { count: number; newest: Sample } | null = null;
  for (const entry of tally.values()) {
    if (!best || entry.count > best.count || (entry.count === best.count && newer(entry.newest, best.newest))) best = entry;
  }
  return best?.newest.value;
}

/** Canonical JSON, without its cost for the common scalars. */
function keyOf(value: unknown): string {
  if (typeof value === 'string') return `"${value}`;
  if (typeof value === 'object' && value !== null) return canonicalJson(value);
  return String(value);
}

const newer = (a: Sample, b: Sample) => a.at > b.at || (a.at === b.at && a.index < b.index);

/**
 * The median; for an even count the mean of the two middle values, unless every value is a whole
 * number and the mean is not: then the lower middle value, so a count or a size stays whole.
 */
function median(values: Float64Array): number {
  const sorted = values.sort();
  const mid = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[mid]!;
  const low = sorted[mid - 1]!;
  const mean = (low + sorted[mid]!) / 2;
  return Number.isInteger(mean) || !sorted.every((v) => Number.isInteger(v)) ? mean : low;
}
