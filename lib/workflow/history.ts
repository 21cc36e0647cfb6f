import type { Energy, Span } from '../spans';

/** One past run of a skill: how long it took and what it cost. */
export interface HistorySample {
  readonly durationMs: number;
  readonly energy: Energy;
}

/** Past samples of a skill by name (what `simulateWorkflow` predicts from). */
export type SkillHistory = (skill: string) => readonly HistorySample[];

/**
 * A skill history from past spans: every `node` span that ended `ok` (cache hits and failures
 * say nothing about how long the skill takes), keyed by its `weft.skill` attribute.
 * @example simulateWorkflow(w, { skills, history: historyFromSpans(traces.flatMap((t) => t.spans)) })
 */
export function historyFromSpans(spans: Iterable<Span>): SkillHistory {
  const bySkill = new Map<string, HistorySample[]>();
  for (const span of spans) {
    const skill = span.attributes['weft.skill'];
    if (span.kind !== 'node' || span.status !== 'ok' || typeof skill !== 'string') continue;
    const samples = bySkill.get(skill) ?? [];
    samples.push({ durationMs: span.end - span.start, energy: span.energy });
    bySkill.set(skill, samples);
  }
  return (skill) => bySkill.get(skill) ?? [];
}

/** The median of numbers (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Per-part medians of the samples' energies, or null with no samples. */
export function medianEnergy(samples: readonly HistorySample[]): Energy | null {
  if (samples.length === 0) return null;
  const part = (k: keyof Energy) => median(samples.map((s) => s.energy[k]))!;
  return { cpuMs: part('cpuMs'), tokensIn: part('tokensIn'), tokensOut: part('tokensOut'), bytes: part('bytes') };
}
