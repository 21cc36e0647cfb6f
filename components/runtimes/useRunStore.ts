/**
 * Session state of the Run tab, per skill name: what was typed into the form (only the fields
 * changed from their defaults, so untouched ones follow the skill), the seed field, and the latest
 * run with its live log and its result or error. It lives as long as the browser tab, so leaving
 * the tab, or the skill, and coming back finds everything as it was — a run in progress included.
 */
import { create } from 'zustand';
import type { Pid, WeftErrorData } from '@/lib/core';
import type { EnzymeRun } from '@/lib/kernel/protocol';
import type { LogStream, RuntimeKind } from '@/lib/runtimes/types';
import type { FieldValue } from './runForm';

/** Printed output, merged while the stream stays the same. */
export interface LogChunk {
  readonly stream: LogStream;
  readonly text: string;
}

/** The log keeps this many characters at most (a runaway `print` loop must not eat the tab's memory). */
export const MAX_LOG_CHARS = 200_000;

export type RunPhase = 'running' | 'done' | 'failed' | 'stopped';

export interface RunRecord {
  /** Echoed on the run's `enzyme.*` events, so this tab follows its own run only. */
  readonly tag: string;
  readonly phase: RunPhase;
  readonly runtime: RuntimeKind;
  readonly seed: number;
  /** Epoch ms, this tab's clock. */
  readonly startedAt: number;
  readonly endedAt: number | null;
  /** The enzyme's process, once its `enzyme.start` event arrived. */
  readonly pid: Pid | null;
  /** Stop was asked for (the process is killed as soon as its pid is known). */
  readonly stopping: boolean;
  readonly log: readonly LogChunk[];
  /** Characters dropped from the start of the log to keep it under MAX_LOG_CHARS. */
  readonly dropped: number;
  readonly result: EnzymeRun | null;
  readonly error: WeftErrorData | null;
}

export interface RunSession {
  /** Fields changed from their defaults, by input name. */
  readonly values: Readonly<Record<string, FieldValue>>;
  /** The run seed as typed: blank for a random one. */
  readonly seed: string;
  readonly run: RunRecord | null;
}

export const EMPTY_SESSION: RunSession = { values: {}, seed: '', run: null };

interface RunStore {
  readonly sessions: Readonly<Record<string, RunSession>>;
  setValue(skill: string, field: string, value: FieldValue): void;
  setSeed(skill: string, seed: string): void;
  /** Forgets what was typed: every field shows its default again. */
  resetValues(skill: string): void;
  /** Starts a new run record (the last one is replaced). */
  beginRun(skill: string, run: RunRecord): void;
  /** Changes the run with this tag, if it is still the skill's latest. */
  updateRun(skill: string, tag: string, change: (run: RunRecord) => RunRecord): void;
}

export const useRunStore = create<RunStore>()((set) => {
  const patch = (skill: string, change: (session: RunSession) => RunSession) =>
    set((s) => ({ sessions: { ...s.sessions, [skill]: change(s.sessions[skill] ?? EMPTY_SESSION) } }));
  return {
    sessions: {},
    setValue: (skill, field, value) => patch(skill, (s) => ({ ...s, values: { ...s.values, [field]: value } })),
    setSeed: (skill, seed) => patch(skill, (s) => ({ ...s, seed })),
    resetValues: (skill) => patch(skill, (s) => ({ ...s, values: {} })),
    beginRun: (skill, run) => patch(skill, (s) => ({ ...s, run })),
    updateRun: (skill, tag, change) =>
      set((s) => {
        const session = s.sessions[skill];
        if (!session?.run || session.run.tag !== tag) return s;
        return { sessions: { ...s.sessions, [skill]: { ...session, run: change(session.run) } } };
      }),
  };
});

/** Appends printed output, merging with the last chunk of the same stream and dropping the oldest text past the limit. */
export function appendLog(run: RunRecord, chunks: readonly LogChunk[], limit = MAX_LOG_CHARS): RunRecord {
  if (chunks.length === 0) return run;
  const log = [...run.log];
  for (const chunk of chunks) {
    const last = log.at(-1);
    if (last && last.stream === chunk.stream) log[log.length - 1] = { stream: last.stream, text: last.text + chunk.text };
    else log.push(chunk);
  }
  let size = log.reduce((n, c) => n + c.text.length, 0);
  let dropped = run.dropped;
  while (size > limit && log.length > 0) {
    const first = log[0]!;
    const over = size - limit;
    if (first.text.length <= over) {
      log.shift();
      size -= first.text.length;
      dropped += first.text.length;
    } else {
      log[0] = { stream: first.stream, text: first.text.slice(over) };
      size -= over;
      dropped += over;
    }
  }
  return { ...run, log, dropped };
}
