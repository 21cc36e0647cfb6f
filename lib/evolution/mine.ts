import type { Trace } from '../spans';
import { draftCompoundSkill } from './draftCompoundSkill';
import { minePatterns } from './minePatterns';
import type { EvolutionReport, MinedPattern, MineOptions, ResolveIo, SkillSuggestion, TracePattern } from './types';

export interface MineInput extends MineOptions {
  /** A skill's inputs and outputs, to type the compounds. */
  readonly resolve: ResolveIo;
  /** Skill names in use: drafted names avoid them. */
  readonly existing?: ReadonlySet<string>;
  /** Suggestion ids declined before: not suggested again. */
  readonly rejected?: ReadonlySet<string>;
}

/** An `EvolutionReport` without the duration (the caller times it), and how many traces were unreadable. */
export type MineReport = Omit<EvolutionReport, 'durationMs'> & { readonly skipped: number };

/**
 * Mines traces: every pattern (most runs first) and one suggestion per pattern that meets both
 * thresholds and was not rejected. A suggestion's id is its pattern's id, so a rejection holds
 * however many more runs the pattern gains. Drafted names differ from `existing` and each other.
 * @example mine(traces, { resolve, existing: new Set(names), rejected })
 */
export function mine(traces: readonly Trace[], input: MineInput): MineReport {
  const { patterns, skipped } = minePatterns(traces, input);
  const taken = new Set(input.existing ?? []);
  const suggestions: SkillSuggestion[] = [];
  for (const pattern of patterns) {
    if (!pattern.qualifies || input.rejected?.has(pattern.id)) continue;
    const drafted = draftCompoundSkill(pattern, pattern.runs, input.resolve, taken);
    if (!drafted.ok) continue;
    taken.add(drafted.value.name);
    suggestions.push(drafted.value);
  }
  return { traces: traces.length, patterns: patterns.map(reportPattern), suggestions, skipped };
}

/** The protocol's fields only: the runs stay here, not in the report. */
function reportPattern(p: MinedPattern): TracePattern {
  return { id: p.id, kind: p.kind, signature: p.signature, label: p.label, count: p.count, successes: p.successes, successRate: p.successRate, traces: p.traces };
}
