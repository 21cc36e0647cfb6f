/** The process table as data (`proc.*` syscalls, `proc.state` events); protocol.ts re-exports it. */
import type { Pid } from '../core';
import type { Energy } from '../spans';

export type ProcState = 'READY' | 'RUNNING' | 'THINKING' | 'BLOCKED' | 'SUSPENDED' | 'TERMINATED';
/** `system` processes belong to the kernel itself (pid 0 is the kernel). */
export type ProcKind = 'agent' | 'run' | 'enzyme' | 'system';

/** `allocated: null` means unlimited. `remaining` is derived: allocated − used. */
export interface Budget {
  readonly allocated: number | null;
  readonly used: number;
  readonly remaining: number | null;
}

export interface ProcExit {
  readonly status: 'ok' | 'error' | 'killed';
  readonly reason: string;
  readonly at: number;
}

/** A row of the process table (the process control block, as data). */
export interface Process {
  readonly pid: Pid;
  readonly name: string;
  readonly kind: ProcKind;
  readonly state: ProcState;
  /** 0 (highest) … 19 (lowest), as Unix nice values. */
  readonly priority: number;
  readonly parent: Pid | null;
  readonly children: readonly Pid[];
  readonly budget: { readonly tokens: Budget; readonly cpuMs: Budget };
  readonly permissions: readonly string[];
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly energy: Energy;
  /** What the process runs, in one line (e.g. `sleep 30s`). */
  readonly command: string;
  /** Milliseconds spent waiting (READY or BLOCKED) so far. */
  readonly waitMs: number;
  readonly exit: ProcExit | null;
  /** Kernel-owned: cannot be killed, suspended or reniced. */
  readonly protected: boolean;
  /** Why it waits or was suspended, in words (e.g. the token budget ran out), or null. */
  readonly note: string | null;
  /** The syscalls the policy refused it, newest last (at most 20): "why was this refused?". */
  readonly denials: readonly Denial[];
}

/** A syscall the policy refused a process, with the reason. */
export interface Denial {
  readonly op: string;
  readonly reason: string;
  readonly at: number;
}

/** A program the kernel can run itself. Later issues add agents, workflow runs and enzymes. */
export type Program = { readonly type: 'sleep'; readonly ms: number };
