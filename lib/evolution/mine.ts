import type { Trace } from '../spans';
import { draftCompoundSkill } from './draftCompoundSkill';
import { minePatterns } from './minePatterns';
import { signatureOf, type WorkflowShape } from './signatureOf';
import type { EvolutionReport, MinedPattern, MineOptions, ResolveIo, SkillSuggestion, TracePattern } from './types';

export interface MineInput extends MineOptions {
  /** A skill's inputs and outputs, to type the compounds. */
  readonly resolve: ResolveIo;
  /** Skill names in use: drafted names avoid them. */
  readonly existing?: ReadonlySet<string>;
  /** Suggestion ids declined before: not suggested again. */
  readonly rejected?: ReadonlySet<string>;
  /** The compound (workflow) skills in use: a pattern one of them already is, or a lone one of them, is not suggested. */
  readonly compounds?: readonly CompoundInUse[];
}

/** A compound skill in use: its name, its sub-workflow, and the pattern evolution drafted it from (its `evolved-from` metadata), if any. */
export interface CompoundInUse {
  readonly name: string;
  readonly workflow: WorkflowShape;
  readonly evolvedFrom?: string;
}

/** An `EvolutionReport` without the duration (the caller times it), and how many traces were unreadable. */
export type MineReport = Omit<EvolutionReport, 'durationMs'> & { readonly skipped: number };

/**
 * Mines traces: every pattern (most runs first) and one suggestion per pattern that meets both
 * thresholds and was not rejected. A suggestion's id is its pattern's id, so a rejection holds
 * however many more runs the pattern gains. A pattern a compound skill in use was drafted from,
 * or has the structure of, is not suggested again (under another name), nor is a pattern that is
 * one compound skill run alone (wrapping it would change nothing). Drafted names differ from
 * `existing` and each other.
 * @example mine(traces, { resolve, existing: new Set(names), rejected })
 */
export function mine(traces: readonly Trace[], input: MineInput): MineReport {
  const { patterns, skipped } = minePatterns(traces, input);
  const taken = new Set(input.existing ?? []);
  const { wrapped, names } = compoundsInUse(input.compounds ?? []);
  const suggestions: SkillSuggestion[] = [];
  for (const pattern of patterns) {
    if (!pattern.qualifies || input.rejected?.has(pattern.id) || wrapped.has(pattern.id)) continue;
    if (pattern.chain.length === 1 && names.has(pattern.chain[0]!)) continue;
    const drafted = draftCompoundSkill(pattern, pattern.runs, input.resolve, taken);
    if (!drafted.ok) continue;
    taken.add(drafted.value.name);
    suggestions.push(drafted.value);
  }
  return { traces: traces.length, patterns: patterns.map(reportPattern), suggestions, skipped };
}

/** The pattern ids the compounds already are (drafted from, or signed alike), and their names. */
function compoundsInUse(compounds: readonly CompoundInUse[]): { wrapped: Set<string>; names: Set<string> } {
  const wrapped = new Set<string>();
  const names = new Set<string>();
  for (const c of compounds) {
    names.add(c.name);
    if (c.evolvedFrom) wrapped.add(c.evolvedFrom);
    try {
      wrapped.add(signatureOf(c.workflow).id);
    } catch {
      // a sub-workflow with a dangling edge has no signature (and would not run)
    }
  }
  return { wrapped, names };
}

/** The protocol's fields only: the runs stay here, not in the report. */
function reportPattern(p: MinedPattern): TracePattern {
  return { id: p.id, kind: p.kind, signature: p.signature, label: p.label, count: p.count, successes: p.successes, successRate: p.successRate, traces: p.traces };
}
