/**
 * The kernel's process table: one row per process, state transitions checked here, and a
 * `proc.state` event for every change. Rows are private and mutable; everything handed out
 * is a fresh `Process` snapshot (plain data).
 */
import { asPid, type Clock, type Pid, WeftError } from '../core';
import { addEnergy, type Energy, ZERO_ENERGY } from '../spans';
import type { Budget, Denial, KernelEvent, ProcExit, Process, ProcKind, ProcState } from './protocol';

interface Row {
  pid: Pid;
  name: string;
  kind: ProcKind;
  state: ProcState;
  priority: number;
  parent: Pid | null;
  children: Pid[];
  tokens: { allocated: number | null; used: number };
  cpuMs: { allocated: number | null; used: number };
  permissions: string[];
  createdAt: number;
  energy: Energy;
  command: string;
  stateSince: number;
  waitMs: number;
  exit: ProcExit | null;
  /** Kernel-owned processes cannot be killed, suspended or reniced. */
  protected: boolean;
  note: string | null;
  denials: Denial[];
}

export interface SpawnSpec {
  readonly name: string;
  readonly kind: ProcKind;
  readonly command: string;
  readonly state: ProcState;
  readonly priority?: number;
  readonly parent?: Pid | null;
  readonly permissions?: readonly string[];
  readonly protected?: boolean;
  readonly budget?: { readonly tokens?: number | null; readonly cpuMs?: number | null };
}

const WAITING: ReadonlySet<ProcState> = new Set(['READY', 'BLOCKED']);
/** How many finished processes stay listed. */
const KEEP_TERMINATED = 100;

export class ProcessTable {
  private readonly rows = new Map<Pid, Row>();
  private nextPid = 0;

  constructor(private readonly deps: { readonly clock: Clock; readonly emit: (event: KernelEvent) => void }) {}

  /** Adds a process and announces it. */
  spawn(spec: SpawnSpec): Process {
    if (spec.parent != null) this.row(spec.parent);
    const now = this.deps.clock.now();
    const row: Row = {
      pid: asPid(this.nextPid++),
      name: spec.name,
      kind: spec.kind,
      state: spec.state,
      priority: spec.priority ?? 10,
      parent: spec.parent ?? null,
      children: [],
      tokens: { allocated: spec.budget?.tokens ?? null, used: 0 },
      cpuMs: { allocated: spec.budget?.cpuMs ?? null, used: 0 },
      permissions: [...(spec.permissions ?? [])],
      createdAt: now,
      energy: ZERO_ENERGY,
      command: spec.command,
      stateSince: now,
      waitMs: 0,
      exit: null,
      protected: spec.protected ?? false,
      note: null,
      denials: [],
    };
    this.rows.set(row.pid, row);
    if (row.parent !== null) this.rows.get(row.parent)?.children.push(row.pid);
    this.announce(row);
    return this.snapshot(row);
  }

  get(pid: Pid): Process {
    return this.snapshot(this.row(pid));
  }

  list(includeTerminated = false): Process[] {
    const out: Process[] = [];
    for (const row of this.rows.values()) if (includeTerminated || row.state !== 'TERMINATED') out.push(this.snapshot(row));
    return out;
  }

  /** Moves a process to a new state (no checks: callers decide what is allowed). `note` says why, in words; leaving a state clears it. */
  setState(pid: Pid, state: ProcState, exit?: Omit<ProcExit, 'at'>, note: string | null = null): Process {
    const row = this.row(pid);
    if (row.state === 'TERMINATED') return this.snapshot(row);
    const now = this.deps.clock.now();
    if (WAITING.has(row.state)) row.waitMs += now - row.stateSince;
    row.state = state;
    row.stateSince = now;
    row.note = note;
    if (state === 'TERMINATED') {
      row.exit = { ...(exit ?? { status: 'ok', reason: 'finished' }), at: now };
      this.reap();
    }
    this.announce(row);
    return this.snapshot(row);
  }

  setPriority(pid: Pid, priority: number): Process {
    const row = this.mutable(pid, 'renice');
    row.priority = priority;
    this.announce(row);
    return this.snapshot(row);
  }

  /** Adds energy to a process's account; without an event unless `announce` (callers announce in batches). */
  charge(pid: Pid, energy: Partial<Energy>, announce = false): void {
    const row = this.rows.get(pid);
    if (!row) return;
    row.energy = addEnergy(row.energy, { ...ZERO_ENERGY, ...energy });
    row.cpuMs.used += energy.cpuMs ?? 0;
    row.tokens.used += (energy.tokensIn ?? 0) + (energy.tokensOut ?? 0);
    if (announce) this.announce(row);
  }

  /** Raises a process's token budget (an unlimited one stays unlimited). */
  addTokens(pid: Pid, tokens: number): Process {
    const row = this.mutable(pid, 'give more budget to');
    if (row.tokens.allocated !== null) row.tokens.allocated += tokens;
    this.announce(row);
    return this.snapshot(row);
  }

  /** Tokens the process may still use; null: unlimited. */
  remainingTokens(pid: Pid): number | null {
    const row = this.rows.get(pid);
    if (!row || row.tokens.allocated === null) return null;
    return Math.max(0, row.tokens.allocated - row.tokens.used);
  }

  /** Records a syscall the policy refused the process (kept: the last 20). */
  deny(pid: Pid, op: string, reason: string): void {
    const row = this.rows.get(pid);
    if (!row) return;
    row.denials.push({ op, reason, at: this.deps.clock.now() });
    if (row.denials.length > 20) row.denials.splice(0, row.denials.length - 20);
    this.announce(row);
  }

  /** Whether `target` is `pid` or one of its descendants. */
  controls(pid: Pid, target: Pid): boolean {
    for (let at: Pid | null = target; at !== null; ) {
      if (at === pid) return true;
      at = this.rows.get(at)?.parent ?? null;
    }
    return false;
  }

  /** The live (not terminated) processes of a kind. */
  live(kind: ProcKind): Pid[] {
    return [...this.rows.values()].filter((r) => r.kind === kind && r.state !== 'TERMINATED').map((r) => r.pid);
  }

  /** Throws unless the process exists, is alive and is not the kernel's own. */
  mutable(pid: Pid, action: string): Row {
    const row = this.row(pid);
    if (row.protected) {
      throw new WeftError('PROC_PROTECTED', `Process ${pid} (${row.name}) belongs to the kernel and cannot be ${pastTense(action)}.`, { pid, action });
    }
    if (row.state === 'TERMINATED') {
      throw new WeftError('PROC_STATE', `Process ${pid} (${row.name}) has already finished, so it cannot be ${pastTense(action)}.`, { pid, action, state: row.state });
    }
    return row;
  }

  private row(pid: Pid): Row {
    const row = this.rows.get(pid);
    if (!row) throw new WeftError('PROC_NOT_FOUND', `There is no process ${pid}. List processes with proc.list (or weft.ps()) to see the pids in use.`, { pid });
    return row;
  }

  private announce(row: Row): void {
    this.deps.emit({ type: 'proc.state', pid: row.pid, state: row.state, process: this.snapshot(row), at: this.deps.clock.now() });
  }

  private snapshot(row: Row): Process {
    const now = this.deps.clock.now();
    return {
      pid: row.pid,
      name: row.name,
      kind: row.kind,
      state: row.state,
      priority: row.priority,
      parent: row.parent,
      children: [...row.children],
      budget: { tokens: budget(row.tokens), cpuMs: budget(row.cpuMs) },
      permissions: [...row.permissions],
      createdAt: row.createdAt,
      energy: row.energy,
      command: row.command,
      waitMs: row.waitMs + (WAITING.has(row.state) ? now - row.stateSince : 0),
      exit: row.exit,
      protected: row.protected,
      note: row.note,
      denials: [...row.denials],
    };
  }

  private reap(): void {
    const finished = [...this.rows.values()].filter((r) => r.state === 'TERMINATED');
    for (const row of finished.slice(0, Math.max(0, finished.length - KEEP_TERMINATED))) this.rows.delete(row.pid);
  }
}

function budget(b: { allocated: number | null; used: number }): Budget {
  return { allocated: b.allocated, used: b.used, remaining: b.allocated === null ? null : Math.max(0, b.allocated - b.used) };
}

function pastTense(action: string): string {
  return { kill: 'killed', suspend: 'suspended', resume: 'resumed', renice: 'reniced', 'give more budget to': 'given more budget' }[action] ?? action;
}
