/**
 * Messages between a runtime's host (`RuntimeWorker`) and its worker (`serveEngine`). Plain data:
 * inputs and outputs travel by structured clone (typed arrays included), errors as `WeftErrorData`.
 */
import type { WeftErrorData } from '../core';
import type { JsEngine, LogStream, RunDetails } from './types';

/** Options a worker gets once, before its first run. */
export interface LoadOptions {
  /** Python: the interrupt flag (`Int32Array` over a SharedArrayBuffer) Pyodide polls. */
  readonly interrupt?: SharedArrayBuffer;
  /** Anything runtime-specific: the tensor backend the user chose, Pyodide's index URL… */
  readonly [key: string]: unknown;
}

export interface RunJobMessage {
  readonly t: 'run';
  readonly id: number;
  readonly code: string;
  readonly inputs: Record<string, unknown>;
  readonly seed: number;
  readonly permissions: readonly string[];
  /** The run's deadline: an engine that can stop itself (QuickJS) stops there, before the host's grace runs out. */
  readonly timeoutMs?: number;
  /** JavaScript: which engine runs the job (default `v8`). */
  readonly engine?: JsEngine;
}

export type ToWorker = { readonly t: 'load'; readonly options: LoadOptions } | RunJobMessage;

export type FromWorker =
  /** Loading: `loaded` of `total` (any unit; the host shows loaded / total). */
  | { readonly t: 'progress'; readonly phase: string; readonly loaded: number; readonly total: number }
  | { readonly t: 'ready'; readonly details: RunDetails }
  | { readonly t: 'loadFailed'; readonly error: WeftErrorData }
  | { readonly t: 'log'; readonly id: number; readonly stream: LogStream; readonly text: string }
  | { readonly t: 'done'; readonly id: number; readonly outputs: Record<string, unknown>; readonly cpuMs: number; readonly details: RunDetails }
  | { readonly t: 'failed'; readonly id: number; readonly error: WeftErrorData; readonly cpuMs: number };
