/**
 * Session state of this tab's kernel connection: its status, the recent kernel events (for the
 * event log), the process table as last reported, and each runtime's status. Nothing here
 * outlives the tab; document state lives in volumes and arrives through the kernel.
 *
 * Select narrow slices: `useKernelStore((s) => s.status.state)`, not the whole store.
 */
import { create } from 'zustand';
import type { Pid } from '@/lib/core';
import type { KernelClient, KernelStatus } from '@/lib/kernel/client';
import type { KernelEvent, Process } from '@/lib/kernel/protocol';
import { RUNTIME_KINDS, type RuntimeStatus } from '@/lib/runtimes/types';

/** How many events the log keeps. */
export const EVENT_BUFFER_SIZE = 1000;

/** A kernel event as the log keeps it. `seq` only grows, so it is a stable React key. */
export interface LoggedEvent {
  readonly seq: number;
  /** Epoch ms when this tab received it. */
  readonly receivedAt: number;
  readonly event: KernelEvent;
}

/** An event as it arrived, before it gets its seq. */
export interface IncomingEvent {
  readonly receivedAt: number;
  readonly event: KernelEvent;
}

/** A process snapshot and when this tab received it (to keep its wait time ticking). */
export interface TrackedProcess extends Process {
  readonly seenAt: number;
}

export interface KernelState {
  /** The live client, or null before mount and after unmount. */
  readonly client: KernelClient | null;
  readonly status: KernelStatus;
  /** The last `EVENT_BUFFER_SIZE` events, oldest first. */
  readonly events: readonly LoggedEvent[];
  /** The seq the next event will get (so also the count of events ever received). */
  readonly nextSeq: number;
  /** The log is paused: it shows `frozen` while `events` keeps filling. */
  readonly paused: boolean;
  readonly frozen: readonly LoggedEvent[];
  /** `nextSeq` when the log was paused (or last cleared while paused): events since are "new". */
  readonly pausedAtSeq: number;
  readonly processes: ReadonlyMap<Pid, TrackedProcess>;
  /** Grows whenever a volume may have changed (a `volume.changed` event, a sync, a new kernel): views of volumes refetch. */
  readonly volumesVersion: number;
  /** Grows whenever the model providers change (an `llm.providers.changed` event): views of them refetch. */
  readonly providersVersion: number;
  /** Each runtime's latest status, in `RUNTIME_KINDS` order: seeded from `KernelInfo.runtimes`, then live `runtime.status` events. */
  readonly runtimes: readonly RuntimeStatus[];

  setClient(client: KernelClient | null): void;
  setStatus(status: KernelStatus): void;
  appendEvents(events: readonly IncomingEvent[]): void;
  clearEvents(): void;
  setPaused(paused: boolean): void;
  /** Replaces the whole table (after `proc.list`). */
  setProcesses(list: readonly Process[], seenAt: number): void;
  upsertProcess(process: Process, seenAt: number): void;
  bumpVolumes(): void;
  bumpProviders(): void;
  /** Replaces every runtime's status (a new kernel's `KernelInfo.runtimes`, or none). */
  setRuntimes(list: readonly RuntimeStatus[]): void;
  /** One runtime's new status (a `runtime.status` event). */
  upsertRuntime(status: RuntimeStatus): void;
}

const initialStatus: KernelStatus = { state: 'starting', since: 0 };

export const useKernelStore = create<KernelState>()((set) => ({
  client: null,
  status: initialStatus,
  events: [],
  nextSeq: 1,
  paused: false,
  frozen: [],
  pausedAtSeq: 1,
  processes: new Map(),
  volumesVersion: 0,
  providersVersion: 0,
  runtimes: [],

  setClient: (client) => set({ client }),
  setStatus: (status) => set({ status }),

  appendEvents: (incoming) =>
    set((s) => {
      if (incoming.length === 0) return s;
      const dropped = Math.max(0, incoming.length - EVENT_BUFFER_SIZE);
      const fresh = incoming.slice(dropped).map((e, i) => ({ seq: s.nextSeq + dropped + i, receivedAt: e.receivedAt, event: e.event }));
      const keep = Math.max(0, EVENT_BUFFER_SIZE - fresh.length);
      const events = (keep > 0 ? s.events.slice(-keep) : []).concat(fresh);
      return { events, nextSeq: s.nextSeq + incoming.length };
    }),

  clearEvents: () => set((s) => ({ events: [], frozen: [], pausedAtSeq: s.nextSeq })),

  setPaused: (paused) => set((s) => ({ paused, frozen: paused ? s.events : [], pausedAtSeq: s.nextSeq })),

  setProcesses: (list, seenAt) => set({ processes: new Map(list.map((p) => [p.pid, { ...p, seenAt }])) }),

  upsertProcess: (process, seenAt) =>
    set((s) => {
      const processes = new Map(s.processes);
      processes.set(process.pid, { ...process, seenAt });
      return { processes };
    }),

  bumpVolumes: () => set((s) => ({ volumesVersion: s.volumesVersion + 1 })),

  bumpProviders: () => set((s) => ({ providersVersion: s.providersVersion + 1 })),

  setRuntimes: (list) => set({ runtimes: sortRuntimes(list) }),

  upsertRuntime: (status) => set((s) => ({ runtimes: sortRuntimes([...s.runtimes.filter((r) => r.kind !== status.kind), status]) })),
}));

function sortRuntimes(list: readonly RuntimeStatus[]): RuntimeStatus[] {
  const order = (r: RuntimeStatus) => RUNTIME_KINDS.indexOf(r.kind);
  return [...list].sort((a, b) => order(a) - order(b));
}
