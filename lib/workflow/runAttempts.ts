/**
 * One node's run: each attempt under its own deadline, retried after errors (not after a
 * cancel) with a doubling backoff, every attempt logged. All waiting goes through the injected
 * clock, so tests drive deadlines and backoffs with a FakeClock.
 */
import { type Clock, WeftError } from '../core';
import type { ExecutableSkill } from '../skills';
import { addEnergy, type Energy, energyOf, ZERO_ENERGY } from '../spans';
import { WorkflowErrorCode } from './errorCodes';
import type { LogStreamName, NodeRunOutput, RunNode } from './runTypes';
import type { WorkflowNode } from './types';

export interface AttemptArgs {
  readonly node: WorkflowNode;
  readonly skill: ExecutableSkill;
  readonly inputs: Record<string, unknown>;
  readonly seed: number;
  readonly timeoutMs: number;
  readonly runNode: RunNode;
  readonly clock: Clock;
  /** The node's cancel signal (its reason, a WeftError, says who cancelled). */
  readonly signal: AbortSignal;
  readonly log: (stream: LogStreamName, text: string, attempt: number) => void;
  /** Called as each attempt starts (the executor emits `running` with the attempt number). */
  readonly onAttempt: (attempt: number) => void;
}

export type AttemptOutcome =
  | { readonly kind: 'ok'; readonly output: NodeRunOutput; readonly attempts: number; readonly energy: Energy }
  | { readonly kind: 'error' | 'cancelled'; readonly error: WeftError; readonly attempts: number; readonly energy: Energy };

type Once = { kind: 'ok'; output: NodeRunOutput; energy: Energy } | { kind: 'error' | 'cancelled'; error: WeftError; energy: Energy };

/** Runs the node until an attempt succeeds, it is cancelled, or `1 + retry.count` attempts have failed. */
export async function runAttempts(args: AttemptArgs): Promise<AttemptOutcome> {
  const total = 1 + (args.node.retry?.count ?? 0);
  const backoff = args.node.retry?.backoffMs ?? 0;
  let energy = ZERO_ENERGY;
  for (let attempt = 1; ; attempt++) {
    args.onAttempt(attempt);
    if (total > 1) args.log('system', `Attempt ${attempt} of ${total}.`, attempt);
    const once = await runOnce(args, attempt);
    energy = addEnergy(energy, once.energy);
    if (once.kind === 'ok') return { ...once, attempts: attempt, energy };
    if (once.kind === 'cancelled' || attempt >= total) return { ...once, attempts: attempt, energy };
    const wait = backoff * 2 ** (attempt - 1);
    args.log('system', `Attempt ${attempt} failed (${once.error.code}): ${once.error.message} Retrying in ${wait} ms.`, attempt);
    if (!(await sleep(args.clock, wait, args.signal))) return { kind: 'cancelled', error: cancelError(args.signal.reason), attempts: attempt, energy };
  }
}

function runOnce(args: AttemptArgs, attempt: number): Promise<Once> {
  const { clock, signal } = args;
  return new Promise<Once>((resolve) => {
    if (signal.aborted) return resolve({ kind: 'cancelled', error: cancelError(signal.reason), energy: ZERO_ENERGY });
    const controller = new AbortController();
    let settled = false;
    const finish = (once: Once) => {
      if (settled) return;
      settled = true;
      clock.clearTimeout(timer);
      signal.removeEventListener('abort', onCancel);
      resolve(once);
    };
    const onCancel = () => {
      const error = cancelError(signal.reason);
      controller.abort(error);
      finish({ kind: 'cancelled', error, energy: ZERO_ENERGY });
    };
    signal.addEventListener('abort', onCancel, { once: true });
    const timer = clock.setTimeout(() => {
      const error = new WeftError(WorkflowErrorCode.timeout, `Node "${args.node.id}" (${args.skill.name}) ran past its deadline of ${args.timeoutMs} ms and was stopped. Raise the node's timeout, or give it less work.`, {
        nodeId: args.node.id,
        timeoutMs: args.timeoutMs,
      });
      controller.abort(error);
      finish({ kind: 'error', error, energy: ZERO_ENERGY });
    }, args.timeoutMs);
    let running: Promise<NodeRunOutput>;
    try {
      running = args.runNode(args.node, args.inputs, {
        seed: args.seed,
        timeoutMs: args.timeoutMs,
        signal: controller.signal,
        onLog: (log) => args.log(log.stream, log.text, attempt),
        attempt,
        skill: args.skill,
      });
    } catch (error) {
      running = Promise.reject(error);
    }
    running.then(
      (output) => finish({ kind: 'ok', output, energy: output.energy }),
      (thrown: unknown) => {
        const error = WeftError.from(thrown);
        const cpuMs = typeof error.data.cpuMs === 'number' ? error.data.cpuMs : 0;
        // A cancel from outside (the kernel killed the enzyme's process) is a cancel, not a retryable error.
        finish({ kind: error.code === WorkflowErrorCode.cancelled ? 'cancelled' : 'error', error, energy: energyOf({ cpuMs }) });
      },
    );
  });
}

/** Waits `ms` on the clock; false when the signal aborts first. */
function sleep(clock: Clock, ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = () => {
      clock.clearTimeout(timer);
      resolve(false);
    };
    const timer = clock.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The error a cancel leaves: the WeftError given as the abort reason, or a generic one. */
export function cancelError(reason: unknown): WeftError {
  if (reason instanceof WeftError) return reason;
  return new WeftError(WorkflowErrorCode.cancelled, 'The node was cancelled.');
}
