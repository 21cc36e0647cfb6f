/**
 * Session state of the canvas's runs: the latest run's phase, each node's live status, log and
 * result, and the latest prediction (`workflow.simulate`). Node entries are replaced one by one,
 * so a node component selecting `s.nodes[id]` re-renders only when its own node changes.
 */
import { create } from 'zustand';
import type { Pid, WeftErrorData } from '@/lib/core';
import type { WorkflowRunSummary } from '@/lib/kernel/protocol';
import type { LogStreamName, NodeResult, NodeRunStatus, NodePrediction, WorkflowSimulation } from '@/lib/workflow';

export interface NodeRun {
  readonly status: NodeRunStatus;
  readonly durationMs: number | null;
  readonly reason: string | null;
  /** Set when the run ends. */
  readonly result: NodeResult | null;
}

export interface LogLine {
  readonly stream: LogStreamName;
  readonly text: string;
}

export type RunPhase = 'idle' | 'running' | 'ok' | 'error' | 'cancelled';

/** Log text kept per node (a chatty node must not eat the tab's memory). */
const MAX_LOG_LINES = 2000;

interface CanvasRunState {
  readonly phase: RunPhase;
  readonly runId: string | null;
  readonly pid: Pid | null;
  readonly stopping: boolean;
  readonly startedAt: number | null;
  readonly nodes: Readonly<Record<string, NodeRun>>;
  readonly logs: Readonly<Record<string, readonly LogLine[]>>;
  readonly summary: WorkflowRunSummary | null;
  /** Why the run failed as a whole (the kernel refused it, or it failed before any node). */
  readonly error: WeftErrorData | null;
  readonly prediction: WorkflowSimulation | null;
  /** The prediction by node id. */
  readonly predicted: Readonly<Record<string, NodePrediction>>;
  readonly predicting: boolean;

  begin(runId: string, nodeIds: readonly string[], at: number): void;
  nodeStatus(runId: string, nodeId: string, status: NodeRunStatus, durationMs: number | null, reason: string | null): void;
  appendLogs(runId: string, lines: readonly (LogLine & { nodeId: string })[]): void;
  setPid(runId: string, pid: Pid): void;
  setStopping(): void;
  finish(runId: string, summary: WorkflowRunSummary): void;
  fail(runId: string, error: WeftErrorData): void;
  setPrediction(prediction: WorkflowSimulation | null, predicting: boolean): void;
  reset(): void;
}

const idle = { phase: 'idle', runId: null, pid: null, stopping: false, startedAt: null, nodes: {}, logs: {}, summary: null, error: null } as const;

export interface RefusalProblem {
  readonly nodeId: string | null;
  readonly message: string;
}

/** The problems of a run the kernel refused before any node started (`workflow.check` errors), or null for any other failure. */
export function refusalProblems(error: WeftErrorData): readonly RefusalProblem[] | null {
  if (error.code !== 'WORKFLOW_INVALID' && error.code !== 'WORKFLOW_CYCLE') return null;
  const problems = error.data?.problems;
  if (!Array.isArray(problems) || problems.length === 0) return null;
  return problems.map((p: { nodeId?: unknown; message?: unknown }) => ({ nodeId: typeof p.nodeId === 'string' ? p.nodeId : null, message: String(p.message) }));
}

export const useCanvasRun = create<CanvasRunState>()((set) => ({
  ...idle,
  prediction: null,
  predicted: {},
  predicting: false,

  begin: (runId, nodeIds, at) =>
    set((s) => {
      const nodes: Record<string, NodeRun> = { ...s.nodes };
      const logs: Record<string, readonly LogLine[]> = { ...s.logs };
      for (const id of nodeIds) {
        nodes[id] = { status: 'queued', durationMs: null, reason: null, result: null };
        logs[id] = [];
      }
      return { phase: 'running', runId, pid: null, stopping: false, startedAt: at, nodes, logs, summary: null, error: null };
    }),

  nodeStatus: (runId, nodeId, status, durationMs, reason) =>
    set((s) => {
      if (s.runId !== runId) return s;
      const prev = s.nodes[nodeId];
      return { nodes: { ...s.nodes, [nodeId]: { status, durationMs, reason, result: prev?.result ?? null } } };
    }),

  appendLogs: (runId, lines) =>
    set((s) => {
      if (s.runId !== runId || lines.length === 0) return s;
      const logs: Record<string, readonly LogLine[]> = { ...s.logs };
      for (const { nodeId, stream, text } of lines) {
        const list = logs[nodeId] ?? [];
        logs[nodeId] = list.length >= MAX_LOG_LINES ? [...list.slice(1), { stream, text }] : [...list, { stream, text }];
      }
      return { logs };
    }),

  setPid: (runId, pid) => set((s) => (s.runId === runId ? { pid } : s)),
  setStopping: () => set({ stopping: true }),

  finish: (runId, summary) =>
    set((s) => {
      if (s.runId !== runId) return s;
      const nodes: Record<string, NodeRun> = { ...s.nodes };
      for (const r of summary.nodes) nodes[r.nodeId] = { status: r.status, durationMs: r.durationMs, reason: r.reason, result: r };
      return { phase: summary.status, summary, nodes, error: summary.error, stopping: false };
    }),

  fail: (runId, error) =>
    set((s) => {
      if (s.runId !== runId) return s;
      const refused = refusalProblems(error);
      const nodes: Record<string, NodeRun> = {};
      if (refused) {
        // Nothing ran: the nodes at fault say why, the others are back to how they were before.
        for (const p of refused) {
          if (p.nodeId === null) continue;
          const reason = nodes[p.nodeId]?.reason;
          nodes[p.nodeId] = { status: 'error', durationMs: null, reason: reason ? `${reason} ${p.message}` : p.message, result: null };
        }
      } else {
        for (const [id, n] of Object.entries(s.nodes)) nodes[id] = n.status === 'queued' || n.status === 'running' ? { ...n, status: 'cancelled' } : n;
      }
      return { phase: s.stopping ? 'cancelled' : 'error', error, nodes, stopping: false };
    }),

  setPrediction: (prediction, predicting) =>
    set(prediction ? { prediction, predicting, predicted: Object.fromEntries(prediction.nodes.map((n) => [n.nodeId, n])) } : { prediction, predicting, predicted: {} }),
  reset: () => set({ ...idle, prediction: null, predicted: {}, predicting: false }),
}));
