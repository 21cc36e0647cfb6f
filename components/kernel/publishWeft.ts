/**
 * `window.weft`: the kernel of this tab, from the browser console (and from Playwright through
 * `page.evaluate`). It is the same `KernelClient` the UI uses, so everything done here shows up
 * in the event log and the process list.
 *
 * - `weft.call(syscall)` — one syscall, typed: `await weft.call({ op: 'proc.list' })`. Resolves
 *   with the result or rejects with a `WeftError` (`code`, `message`, `data`).
 * - `weft.request(syscall)` — the same, untyped; the kernel validates whatever arrives.
 * - `weft.on(listener)` — subscribe to kernel events (`span.start`, `span.end`, `proc.state`,
 *   `log`, `kernel.ready`); returns the unsubscribe function.
 * - `weft.status` — `{ state: 'starting' | 'ready' | 'dead', since, info | error }`.
 * - `weft.restart()` — stop this tab's kernel and start a fresh one.
 * - Shortcuts: `weft.ps()` (`proc.list`), `weft.spawn(program, options?)` (`proc.spawn`, e.g.
 *   `weft.spawn({ type: 'sleep', ms: 30000 })`), `weft.kill(pid, reason?)` (`proc.kill`),
 *   `weft.help()` (prints this list).
 *
 * @example
 * const proc = await weft.spawn({ type: 'sleep', ms: 60_000 });
 * await weft.call({ op: 'proc.setPriority', pid: proc.pid, priority: 5 });
 * await weft.kill(proc.pid);
 */
import { asPid } from '@/lib/core';
import type { KernelClient, KernelStatus } from '@/lib/kernel/client';
import type { KernelEvent, Op, Process, Program, SyscallMap, SyscallOf, SyscallResult } from '@/lib/kernel/protocol';

export interface WeftConsole {
  call<K extends Op>(syscall: SyscallOf<K>): Promise<SyscallResult<K>>;
  request(syscall: unknown): Promise<unknown>;
  on(listener: (event: KernelEvent) => void): () => void;
  restart(): void;
  readonly status: KernelStatus;
  /** Every process, finished ones included. */
  ps(): Promise<Process[]>;
  spawn(program: Program, options?: Omit<SyscallMap['proc.spawn']['args'], 'program'>): Promise<Process>;
  kill(pid: number, reason?: string): Promise<Process>;
  help(): void;
}

declare global {
  interface Window {
    /** This tab's kernel, for the console and for tests. See components/kernel/publishWeft.ts. */
    weft?: WeftConsole;
  }
}

const HELP = [
  ['weft.status', 'the kernel: starting, ready (with info) or dead (with the error)'],
  ['weft.ps()', 'list processes (proc.list), finished ones included'],
  ["weft.spawn({ type: 'sleep', ms: 30000 })", 'start a process (proc.spawn)'],
  ['weft.kill(pid, reason?)', 'stop a process (proc.kill)'],
  ["weft.call({ op: 'kernel.info' })", 'any syscall; ops are listed in weft.status.info.ops'],
  ['weft.on(event => …)', 'follow kernel events; returns an unsubscribe function'],
  ['weft.restart()', 'stop this tab’s kernel and start a fresh one'],
] as const;

/** Builds the console object for `client`. */
export function createWeftConsole(client: KernelClient): WeftConsole {
  return {
    call: (syscall) => client.call(syscall),
    request: (syscall) => client.request(syscall),
    on: (listener) => client.on(listener),
    restart: () => client.restart(),
    get status() {
      return client.status;
    },
    ps: () => client.call({ op: 'proc.list', includeTerminated: true }),
    spawn: (program, options) => client.call({ op: 'proc.spawn', ...options, program }),
    kill: (pid, reason) => client.call({ op: 'proc.kill', pid: asPid(pid), ...(reason === undefined ? {} : { reason }) }),
    help: () => {
      console.log('%cWeft kernel console', 'font-weight: 600');
      console.table(Object.fromEntries(HELP.map(([usage, what]) => [usage, { what }])));
    },
  };
}

/** Publishes `window.weft` for `client`; returns the function that withdraws it. */
export function publishWeft(client: KernelClient): () => void {
  const weft = createWeftConsole(client);
  window.weft = weft;
  return () => {
    if (window.weft === weft) delete window.weft;
  };
}
