/**
 * Runs a skill from the Run tab: `skill.run` with a tag of its own, following that tag's
 * `enzyme.start` (for the pid, so Stop can kill it) and `enzyme.log` events (the live log), and
 * recording the outcome in the run store. Stop kills the enzyme's process, which cancels the run.
 */
import { type Pid, WeftError } from '@/lib/core';
import type { KernelClient } from '@/lib/kernel/client';
import type { KernelEvent } from '@/lib/kernel/protocol';
import type { RuntimeKind } from '@/lib/runtimes/types';
import { appendLog, type LogChunk, type RunRecord, useRunStore } from './useRunStore';

/** What the run needs of the kernel client. */
export type RunClient = Pick<KernelClient, 'call' | 'on'>;

export interface RunRequest {
  readonly skill: string;
  /** The copy shown (the one the name resolves to, or a shadowed one). */
  readonly volume?: string;
  readonly runtime: RuntimeKind;
  readonly inputs: Record<string, unknown>;
  readonly seed: number;
}

/** Log output reaches the store at most this often (ms): a chatty run costs a few renders a second. */
const LOG_FLUSH_MS = 80;

let runs = 0;

/** Starts a run and resolves when it has ended (its outcome is in the store, never thrown). */
export async function runSkill(client: RunClient, request: RunRequest, now: () => number = Date.now): Promise<void> {
  const store = useRunStore.getState();
  const { skill } = request;
  const tag = `run-tab:${skill}:${now().toString(36)}:${++runs}`;
  const run: RunRecord = {
    tag,
    phase: 'running',
    runtime: request.runtime,
    seed: request.seed,
    startedAt: now(),
    endedAt: null,
    pid: null,
    stopping: false,
    log: [],
    dropped: 0,
    result: null,
    error: null,
  };
  store.beginRun(skill, run);
  const update = (change: (run: RunRecord) => RunRecord) => useRunStore.getState().updateRun(skill, tag, change);

  let pending: LogChunk[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const chunks = pending;
    pending = [];
    update((r) => appendLog(r, chunks));
  };

  const off = client.on((event: KernelEvent) => {
    if (event.type === 'enzyme.start' && event.tag === tag) {
      update((r) => ({ ...r, pid: event.pid }));
      // Stop was pressed before the process was known.
      if (current(skill, tag)?.stopping) kill(client, event.pid);
    } else if (event.type === 'enzyme.log' && event.tag === tag) {
      pending.push({ stream: event.stream, text: event.text });
      timer ??= setTimeout(flush, LOG_FLUSH_MS);
    }
  });

  try {
    const result = await client.call({
      op: 'skill.run',
      name: skill,
      ...(request.volume === undefined ? {} : { volume: request.volume }),
      inputs: request.inputs,
      seed: request.seed,
      tag,
    });
    flush();
    update((r) => ({ ...r, phase: 'done', endedAt: now(), pid: result.pid, result }));
  } catch (thrown) {
    flush();
    const error = WeftError.from(thrown);
    update((r) => {
      // What the run printed, when it died before any of it streamed (or the events were missed).
      const captured = r.log.length > 0 ? r : appendLog(r, capturedOutput(error.data));
      return { ...captured, phase: error.code === 'RUNTIME_CANCELLED' ? 'stopped' : 'failed', endedAt: now(), error: error.toJSON() };
    });
  } finally {
    off();
  }
}

/** Stops the skill's run in progress: kills its process now, or as soon as its pid is known. */
export function stopRun(client: RunClient, skill: string): void {
  const run = useRunStore.getState().sessions[skill]?.run;
  if (!run || run.phase !== 'running' || run.stopping) return;
  useRunStore.getState().updateRun(skill, run.tag, (r) => ({ ...r, stopping: true }));
  if (run.pid !== null) kill(client, run.pid);
}

function current(skill: string, tag: string): RunRecord | null {
  const run = useRunStore.getState().sessions[skill]?.run;
  return run?.tag === tag ? run : null;
}

function kill(client: RunClient, pid: Pid): void {
  // The run may have ended meanwhile (PROC_STATE, PROC_NOT_FOUND): its own outcome says how it went.
  client.call({ op: 'proc.kill', pid, reason: 'Stopped from the Run tab' }).catch(() => undefined);
}

function capturedOutput(data: Readonly<Record<string, unknown>>): LogChunk[] {
  const chunks: LogChunk[] = [];
  if (typeof data.stdout === 'string' && data.stdout) chunks.push({ stream: 'stdout', text: data.stdout });
  if (typeof data.stderr === 'string' && data.stderr) chunks.push({ stream: 'stderr', text: data.stderr });
  return chunks;
}
