/**
 * The one interface every enzyme runtime offers (DESIGN.md section 5): run some code with inputs,
 * a seed, a deadline and permissions, and get outputs, what it printed and what it cost.
 */
import type { Energy } from '../spans';

export const RUNTIME_KINDS = ['python', 'javascript', 'tensor', 'three', 'spice'] as const;
/** A runtime with its own worker. (`workflow` skills run in the executor, not in a worker.) */
export type RuntimeKind = (typeof RUNTIME_KINDS)[number];

export type LogStream = 'stdout' | 'stderr';

/**
 * What runs JavaScript code: `v8` (the worker's own engine: fast, but a runaway allocation takes
 * the whole tab down, since browsers give workers no heap limit) or `quickjs` (QuickJS compiled to
 * WebAssembly inside the worker: slower, with a memory limit and an interrupt, for untrusted code).
 */
export const JS_ENGINES = ['v8', 'quickjs'] as const;
export type JsEngine = (typeof JS_ENGINES)[number];

/** One piece of output, as the code printed it (a line, or a partial line when it flushed). */
export interface RunLog {
  readonly stream: LogStream;
  readonly text: string;
}

/** Flat facts about how a run went: `backend`, `interruptMs`, `worker`, `bytesIn`… */
export type RunDetails = Readonly<Record<string, string | number | boolean>>;

export interface RunRequest {
  /** The skill's code (Python or JavaScript defining `execute`, or a SPICE netlist template). */
  readonly code: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Seeds Python's `random` and JavaScript's `Math.random`, so the same seed gives the same output. */
  readonly seed: number;
  /** Past this the run is interrupted (or its worker replaced) and fails with RUNTIME_TIMEOUT. */
  readonly timeoutMs: number;
  /** Capabilities the code may use: `network` unlocks fetch and friends. */
  readonly permissions: readonly string[];
  /** JavaScript only: the engine to run it in (default `v8`). */
  readonly engine?: JsEngine;
  /** Aborting cancels the run (RUNTIME_CANCELLED). */
  readonly signal?: AbortSignal;
  /** Receives output as it is printed. */
  readonly onLog?: (log: RunLog) => void;
}

export interface RunResult {
  readonly outputs: Record<string, unknown>;
  readonly stdout: string;
  readonly stderr: string;
  /** `cpuMs` is the time the code ran in its worker; `bytes` is inputs plus outputs (see `details.bytesIn`/`bytesOut`). */
  readonly energy: Energy;
  readonly details: RunDetails;
}

export interface Runtime {
  readonly kind: RuntimeKind;
  run(request: RunRequest): Promise<RunResult>;
}

/** Where a runtime stands, as the header shows it ("Loading Python… 60%"). */
export type RuntimeState = 'idle' | 'loading' | 'ready' | 'failed';

export interface RuntimeStatus {
  readonly kind: RuntimeKind;
  readonly state: RuntimeState;
  /** 0…1 while loading. */
  readonly progress?: number;
  /** What is loading, or why it failed, or what it runs on (`webgpu`, `Pyodide 0.29`…). */
  readonly detail?: string;
  readonly details?: RunDetails;
  /** Workers alive and how many are busy. */
  readonly workers: number;
  readonly busy: number;
}
