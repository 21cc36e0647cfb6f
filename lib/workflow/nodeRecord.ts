import type { ContentHash, WeftError } from '../core';
import type { RunDetails } from '../runtimes';
import { type Energy, ZERO_ENERGY } from '../spans';
import type { NodeRunStatus } from './runTypes';

/** How a node ended (what `complete` is told). */
export interface NodeEnding {
  readonly status: 'ok' | 'error' | 'cancelled' | 'cached' | 'skipped';
  readonly outputs?: Readonly<Record<string, unknown>>;
  readonly outputsHash?: ContentHash | null;
  readonly error?: WeftError;
  readonly reason?: string;
  readonly attempts?: number;
  readonly energy?: Energy;
  readonly details?: RunDetails;
  /** For a cache hit: what the original run cost. */
  readonly savedEnergy?: Energy;
}

/** The executor's mutable bookkeeping of one node (one per node, allocated once). */
export interface NodeRecord {
  /** Null while the node is outside the run (see `only`). */
  status: NodeRunStatus | null;
  /** True from the moment the executor picks the node up until it ends. */
  active: boolean;
  /** Outside `only`: must come from the cache. */
  cacheOnly: boolean;
  start: number | null;
  end: number | null;
  outputs: Readonly<Record<string, unknown>> | null;
  outputsHash: ContentHash | null;
  error: WeftError | null;
  reason: string | null;
  attempts: number;
  energy: Energy;
  savedEnergy: Energy | null;
  details: RunDetails;
  cacheKey: ContentHash | null;
  seed: number;
  controller: AbortController | null;
}

export function newRecord(): NodeRecord {
  return {
    status: null,
    active: false,
    cacheOnly: false,
    start: null,
    end: null,
    outputs: null,
    outputsHash: null,
    error: null,
    reason: null,
    attempts: 0,
    energy: ZERO_ENERGY,
    savedEnergy: null,
    details: {},
    cacheKey: null,
    seed: 0,
    controller: null,
  };
}

/** Writes an ending into a record. */
export function applyEnding(record: NodeRecord, ending: NodeEnding, at: number): void {
  record.status = ending.status;
  record.active = false;
  record.controller = null;
  if (record.start !== null) record.end = at;
  record.outputs = ending.outputs ?? null;
  record.outputsHash = ending.outputsHash ?? null;
  record.error = ending.error ?? null;
  record.reason = ending.reason ?? ending.error?.message ?? null;
  record.attempts = ending.attempts ?? record.attempts;
  record.energy = ending.energy ?? ZERO_ENERGY;
  record.savedEnergy = ending.savedEnergy ?? null;
  record.details = ending.details ?? {};
}
