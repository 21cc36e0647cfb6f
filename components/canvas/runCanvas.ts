/**
 * Runs the canvas's workflow: `workflow.run` tagged with a run id of its own, following that id's
 * `node.status` and `node.log` events into the run store, and the run's process (for Stop) from
 * its first `run.status` event. Stop kills the process, which cancels every node; before the pid
 * is known it cancels the nodes one by one.
 */
import { type Pid, WeftError } from '@/lib/core';
import type { KernelClient } from '@/lib/kernel/client';
import type { KernelEvent } from '@/lib/kernel/protocol';
import type { Workflow } from '@/lib/workflow';
import { showNotice } from './useCanvasNotice';
import { type LogLine, refusalProblems, useCanvasRun } from './useCanvasRun';

export type CanvasClient = Pick<KernelClient, 'call' | 'on'>;

/** Log lines reach the store at most this often (ms). */
const LOG_FLUSH_MS = 80;

let runs = 0;

/** Runs `workflow` (only the nodes in `only`, when given; ignoring the cache for `force`); resolves when it has ended. */
export async function runCanvas(client: CanvasClient, workflow: Workflow, only?: readonly string[], now: () => number = Date.now, force?: readonly string[]): Promise<void> {
  const runId = `canvas:${now().toString(36)}:${++runs}`;
  const store = useCanvasRun.getState();
  if (store.phase === 'running') return;
  store.begin(runId, only ?? workflow.nodes.map((n) => n.id), now());

  let pending: (LogLine & { nodeId: string })[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const lines = pending;
    pending = [];
    useCanvasRun.getState().appendLogs(runId, lines);
  };

  const off = client.on((event: KernelEvent) => {
    if (event.type === 'node.status' && event.runId === runId) {
      useCanvasRun.getState().nodeStatus(runId, event.nodeId, event.status, event.durationMs ?? null, event.reason ?? null);
    } else if (event.type === 'node.log' && event.runId === runId) {
      pending.push({ nodeId: event.nodeId, stream: event.stream, text: event.text });
      timer ??= setTimeout(flush, LOG_FLUSH_MS);
    } else if (event.type === 'run.status' && event.runId === runId && event.pid !== undefined) {
      const run = useCanvasRun.getState();
      if (run.runId === runId && run.pid === null && event.status === 'running') {
        run.setPid(runId, event.pid);
        if (run.stopping) void kill(client, event.pid);
      }
    }
  });

  try {
    const summary = await client.call({ op: 'workflow.run', workflow, tag: runId, ...(only ? { only: [...only] } : {}), ...(force ? { force: [...force] } : {}) });
    flush();
    useCanvasRun.getState().finish(runId, summary);
  } catch (thrown) {
    flush();
    const error = WeftError.from(thrown).toJSON();
    const stopped = useCanvasRun.getState().stopping;
    useCanvasRun.getState().fail(runId, error);
    const refused = refusalProblems(error);
    if (refused) showNotice('error', `This workflow cannot run, so no node was started: fix ${refused.length === 1 ? 'this problem' : `these ${refused.length} problems`} first.`, refused.map((p) => p.message));
    else if (!stopped) showNotice('error', `The run failed: ${error.message}`);
  } finally {
    off();
  }
}

/** Stops the run in progress: kills its process, or cancels its nodes while the process is unknown. */
export async function stopCanvasRun(client: CanvasClient): Promise<void> {
  const run = useCanvasRun.getState();
  if (run.phase !== 'running' || run.runId === null) return;
  run.setStopping();
  if (run.pid !== null) return kill(client, run.pid);
  const runId = run.runId;
  const open = Object.entries(run.nodes).filter(([, n]) => n.status === 'queued' || n.status === 'running');
  await Promise.all(open.map(([nodeId]) => client.call({ op: 'workflow.cancelNode', runId, nodeId }).catch(() => undefined)));
}

/** Asks the kernel to predict the run (`workflow.simulate`). */
export async function predictCanvas(client: CanvasClient, workflow: Workflow): Promise<void> {
  useCanvasRun.getState().setPrediction(useCanvasRun.getState().prediction, true);
  try {
    useCanvasRun.getState().setPrediction(await client.call({ op: 'workflow.simulate', workflow }), false);
  } catch (thrown) {
    useCanvasRun.getState().setPrediction(null, false);
    showNotice('error', `Prediction failed: ${WeftError.from(thrown).message}`);
  }
}

async function kill(client: CanvasClient, pid: Pid): Promise<void> {
  // The run may have ended meanwhile: its own outcome says how it went.
  await client.call({ op: 'proc.kill', pid, reason: 'Stopped from the canvas' }).catch(() => undefined);
}
