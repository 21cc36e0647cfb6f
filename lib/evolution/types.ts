/**
 * What evolution mines (DESIGN.md section 1): runs read from traces, grouped into patterns by
 * structure. The report shapes live in the kernel protocol; these are the richer in-memory forms.
 */
import type { TracePattern } from '../kernel/protocol';
import type { IoSpec } from '../skills';
import type { Trace } from '../spans';
import type { WorkflowEdge } from '../workflow';

export type { EvolutionReport, SkillSuggestion, TracePattern } from '../kernel/protocol';

/** One node of a mined run: a workflow node as it ran (position left out), or one tool call. */
export interface MinedNode {
  readonly id: string;
  readonly skill: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly label?: string;
  readonly timeoutMs?: number;
  readonly retry?: { readonly count: number; readonly backoffMs: number };
}

/** One trace read as a run of a pattern. */
export interface MinedRun {
  /** The trace id, or what `pathOf` gave for it. */
  readonly trace: string;
  /** When the run started (the run span's start, Unix ms). */
  readonly at: number;
  /** Workflow: the run span ended `ok`. Tools: that, and every tool call too. */
  readonly ok: boolean;
  /** The workflow's name, or the run span's name (`chat turn`). */
  readonly name: string;
  /**
   * Nodes in the signature's canonical order, so index `i` is the same node in every run of a
   * pattern whatever its id. Tool calls: in the order they started.
   */
  readonly nodes: readonly MinedNode[];
  /** Edges between `nodes`, by node id (none for tool calls). */
  readonly edges: readonly WorkflowEdge[];
}

/** A pattern with its runs, as `minePatterns` finds it (`TracePattern` plus what drafting needs). */
export interface MinedPattern extends TracePattern {
  /** Every run, newest first (`traces` is in the same order). */
  readonly runs: readonly MinedRun[];
  /** The newest run: its ids, labels and name shape the draft. */
  readonly example: MinedRun;
  /** The skills (or tools) in running order: a topological order for workflows. */
  readonly chain: readonly string[];
  /** `count >= minCount`, `successRate >= minSuccess` and at least one success. */
  readonly qualifies: boolean;
}

export interface MineOptions {
  /** Fewest runs for a suggestion (default 3). */
  readonly minCount?: number;
  /** Lowest success rate for a suggestion, 0–1 (default 0.7). */
  readonly minSuccess?: number;
  /** How a trace is named in patterns and suggestions (default: its trace id). */
  readonly pathOf?: (trace: Trace) => string;
}

export interface MinedPatterns {
  /** Every pattern, most runs first. */
  readonly patterns: readonly MinedPattern[];
  /** Traces that could not be read: no run span, or a workflow attribute that does not parse. */
  readonly skipped: number;
}

/** A skill's inputs and outputs, or null when no skill has that name. */
export type ResolveIo = (skill: string) => { readonly inputs: readonly IoSpec[]; readonly outputs: readonly IoSpec[] } | null;

export const DEFAULT_MIN_COUNT = 3;
export const DEFAULT_MIN_SUCCESS = 0.7;

/**
 * Why a draft failed, in `WeftError.data.reason` (the error's `code` is a core one: evolution's
 * own codes are not in `ERROR_CODES` yet).
 */
export const EvolutionReason = {
  workflowInvalid: 'EVOLUTION_WORKFLOW_INVALID',
  noSuccess: 'EVOLUTION_NO_SUCCESS',
  noOutputs: 'EVOLUTION_NO_OUTPUTS',
  notSkills: 'EVOLUTION_NOT_SKILLS',
  tooLarge: 'EVOLUTION_TOO_LARGE',
  draftInvalid: 'EVOLUTION_DRAFT_INVALID',
} as const;
