/** Shapes of the trace and evolution syscalls (`trace.*`, `evolution.*`); protocol.ts re-exports them. */
import type { Energy } from '../spans';

/** Filters of `trace.list`. */
export interface TraceListArgs {
  readonly limit?: number;
  readonly offset?: number;
  /** run: workflow runs; chat: chat turns; agent: agent steps. */
  readonly kind?: TraceKind;
  readonly status?: 'ok' | 'error' | 'cancelled';
  /** Only traces that ran this skill (a node's skill or a tool). */
  readonly skill?: string;
  /** Only this workflow's runs (by name). */
  readonly workflow?: string;
  /** Epoch ms: started at or after / before. */
  readonly since?: number;
  readonly until?: number;
  /** Words matched against the name, the skills and the path. */
  readonly query?: string;
}

export type TraceKind = 'run' | 'chat' | 'agent';

/** One stored trace as the list shows it. */
export interface TraceEntry {
  readonly path: string;
  readonly traceId: string;
  readonly kind: TraceKind;
  /** The workflow's name, "chat turn", or the agent's step. */
  readonly name: string;
  readonly status: 'ok' | 'error' | 'cancelled';
  readonly start: number;
  readonly durationMs: number;
  readonly spans: number;
  readonly energy: Energy;
  readonly cacheHits: number;
  /** Skills that ran in it (node skills, tools). */
  readonly skills: readonly string[];
}

export interface TraceVerification {
  readonly path: string;
  readonly ok: boolean;
  readonly spanCount: number;
  /** Every problem found, span by span (see lib/spans/verifyTrace.ts). */
  readonly problems: readonly { readonly spanId: string | null; readonly code: string; readonly message: string }[];
}

export type ReplayNodeStatus = 'identical' | 'different' | 'nondeterministic' | 'error' | 'missing';

export interface ReplayReport {
  readonly path: string;
  /** The replay's own run (its trace is committed like any run). */
  readonly runId: string;
  readonly status: 'ok' | 'error' | 'cancelled';
  /** Nodes compared and identical (nondeterministic ones are not counted). */
  readonly identical: number;
  readonly compared: number;
  readonly nodes: readonly {
    readonly nodeId: string;
    readonly skill: string;
    readonly status: ReplayNodeStatus;
    readonly recordedHash: string | null;
    readonly replayHash: string | null;
    /** Why a node is nondeterministic, differs, or failed, in words. */
    readonly reason: string | null;
  }[];
  /** Skills whose current version differs from the recorded one (replay with `recorded: true` to use the recorded ones). */
  readonly skillChanges: readonly { readonly skill: string; readonly recordedHash: string; readonly currentHash: string | null }[];
  /** "verified replay: 12/12 identical", or which nodes differ. */
  readonly summary: string;
}

/** A recurring pattern in the user's traces. */
export interface TracePattern {
  readonly id: string;
  readonly kind: 'workflow' | 'tools';
  /** The structure: skills and edges, parameters ignored (for tools: the call sequence). */
  readonly signature: string;
  readonly label: string;
  readonly count: number;
  readonly successes: number;
  readonly successRate: number;
  readonly traces: readonly string[];
}

/** A draft compound skill evolution proposes from a pattern. */
export interface SkillSuggestion {
  readonly id: string;
  readonly patternId: string;
  readonly name: string;
  readonly description: string;
  /** The SKILL.md it would commit (runtime workflow). */
  readonly content: string;
  readonly count: number;
  readonly successRate: number;
  readonly traces: readonly string[];
  /** Learned defaults by input name. */
  readonly defaults: Readonly<Record<string, unknown>>;
}

export interface EvolutionReport {
  readonly traces: number;
  readonly patterns: readonly TracePattern[];
  readonly suggestions: readonly SkillSuggestion[];
  readonly durationMs: number;
}
