import type { Clock, Pid } from '../../core';
import type { ProcessTable } from '../processTable';

/** The kernel's handle on a running program: how it is paused, continued and stopped. */
export interface ProgramRunner {
  /** Stops work at the next safe point; the table already says SUSPENDED. */
  suspend(): void;
  /** Continues after `suspend`; returns the state the process is in again. */
  resume(): 'READY' | 'RUNNING' | 'THINKING' | 'BLOCKED';
  /** Stops for good and releases what the program holds. */
  kill(): void;
}

/** What a program may use from the kernel. */
export interface ProgramContext {
  readonly pid: Pid;
  readonly clock: Clock;
  readonly table: ProcessTable;
  /** Called once when the program ends by itself. */
  readonly exit: (status: 'ok' | 'error', reason: string) => void;
}
