/**
 * `KernelClient`: the only way the UI talks to the kernel. It sends syscalls, resolves their
 * replies, fans out kernel events, and watches the kernel's health: if the worker fails or
 * stops answering, every pending call is rejected with `KERNEL_DEAD` and `restart()` brings
 * up a fresh kernel. Transport is injected (`PortFactory`), so it runs over a Web Worker in
 * the browser and over a `MessageChannel` in Node tests.
 */
import { type Clock, systemClock, type TimerHandle, WeftError, type WeftErrorData } from '../core';
import type { ClientMessage, HostMessage, KernelEvent, KernelInfo, Op, SyscallOf, SyscallResult } from './protocol';

/** What the client needs from a transport. */
export interface PortHandle {
  post(messages: ClientMessage[]): void;
  close(): void;
}
export interface PortHandlers {
  message(data: unknown): void;
  /** The transport failed for good (worker error, unreadable message). */
  fail(reason: string): void;
}
export type PortFactory = (handlers: PortHandlers) => PortHandle;

export type KernelStatus =
  | { readonly state: 'starting'; readonly since: number }
  | { readonly state: 'ready'; readonly since: number; readonly info: KernelInfo }
  | { readonly state: 'dead'; readonly since: number; readonly error: WeftErrorData };

export interface KernelClientOptions {
  readonly createPort: PortFactory;
  readonly clock?: Clock;
  /** How often to probe a quiet kernel (ms). */
  readonly heartbeatMs?: number;
  /** A kernel silent this long (ms) is declared dead. */
  readonly deadAfterMs?: number;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: WeftError): void;
}

export class KernelClient {
  private readonly clock: Clock;
  private readonly heartbeatMs: number;
  private readonly deadAfterMs: number;
  private port: PortHandle | null = null;
  private generation = 0;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private outbox: ClientMessage[] = [];
  private flushScheduled = false;
  private readonly listeners = new Set<(event: KernelEvent) => void>();
  private readonly statusListeners = new Set<(status: KernelStatus) => void>();
  private current: KernelStatus;
  private lastHeard = 0;
  private heartbeatTimer: TimerHandle | null = null;

  constructor(private readonly options: KernelClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.heartbeatMs = options.heartbeatMs ?? 2000;
    this.deadAfterMs = options.deadAfterMs ?? 8000;
    this.current = { state: 'starting', since: this.clock.now() };
    this.connect();
  }

  get status(): KernelStatus {
    return this.current;
  }

  /**
   * Sends one syscall and resolves with its result, or rejects with a `WeftError`.
   * @example const procs = await client.call({ op: 'proc.list' });
   */
  call<K extends Op>(call: SyscallOf<K>): Promise<SyscallResult<K>> {
    return this.request(call) as Promise<SyscallResult<K>>;
  }

  /** Untyped `call`, for scripts: the kernel validates whatever arrives. */
  request(call: unknown): Promise<unknown> {
    if (this.current.state === 'dead') return Promise.reject(WeftError.from(this.current.error));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.enqueue({ t: 'call', id, call });
    });
  }

  /** Subscribes to kernel events; returns the unsubscribe function. */
  on(listener: (event: KernelEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Subscribes to status changes (starting → ready → dead …); returns the unsubscribe function. */
  onStatus(listener: (status: KernelStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Stops the current kernel (if any) and starts a fresh one. Pending calls are rejected. */
  restart(): void {
    this.disconnect(this.deadError('it was restarted'));
    this.setStatus({ state: 'starting', since: this.clock.now() });
    this.connect();
  }

  /** Stops the kernel for good. */
  close(): void {
    this.disconnect(this.deadError('the client was closed'));
    this.setStatus({ state: 'dead', since: this.clock.now(), error: this.deadError('the client was closed').toJSON() });
  }

  private connect(): void {
    const generation = ++this.generation;
    const stale = () => generation !== this.generation;
    this.lastHeard = this.clock.now();
    this.port = this.options.createPort({
      message: (data) => {
        if (!stale()) this.receive(data);
      },
      fail: (reason) => {
        if (!stale()) this.die(reason);
      },
    });
    this.scheduleHeartbeat();
  }

  private disconnect(error: WeftError): void {
    this.generation++;
    if (this.heartbeatTimer !== null) this.clock.clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = null;
    this.port?.close();
    this.port = null;
    this.outbox = [];
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }

  private die(reason: string): void {
    if (this.current.state === 'dead') return;
    const error = this.deadError(reason);
    this.disconnect(error);
    this.setStatus({ state: 'dead', since: this.clock.now(), error: error.toJSON() });
  }

  private deadError(reason: string): WeftError {
    return new WeftError('KERNEL_DEAD', `The kernel stopped: ${reason}. Restart it (the Restart button, or weft.restart() in the console) and try again.`, { reason });
  }

  private enqueue(message: ClientMessage): void {
    this.outbox.push(message);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(() => {
      this.flushScheduled = false;
      const batch = this.outbox;
      this.outbox = [];
      if (batch.length > 0) this.port?.post(batch);
    });
  }

  private receive(data: unknown): void {
    this.lastHeard = this.clock.now();
    if (!Array.isArray(data)) return this.die('it sent a message Weft cannot read');
    for (const message of data as HostMessage[]) {
      if (message.t === 'reply') {
        const pending = this.pending.get(message.id);
        if (!pending) continue;
        this.pending.delete(message.id);
        if (message.ok) pending.resolve(message.value);
        else pending.reject(WeftError.from(message.error));
      } else if (message.t === 'event') {
        if (message.event.type === 'kernel.ready') {
          this.setStatus({ state: 'ready', since: this.clock.now(), info: message.event.info });
        }
        for (const listener of this.listeners) listener(message.event);
      }
    }
  }

  private scheduleHeartbeat(): void {
    const generation = this.generation;
    this.heartbeatTimer = this.clock.setTimeout(() => {
      if (generation !== this.generation) return;
      const silentFor = this.clock.now() - this.lastHeard;
      if (silentFor >= this.deadAfterMs) {
        return this.die(`it has not answered for ${Math.round(silentFor / 1000)} s (it may be stuck in a loop)`);
      }
      if (silentFor >= this.heartbeatMs) this.enqueue({ t: 'heartbeat' });
      this.scheduleHeartbeat();
    }, this.heartbeatMs);
  }

  private setStatus(status: KernelStatus): void {
    this.current = status;
    for (const listener of this.statusListeners) listener(status);
  }
}
