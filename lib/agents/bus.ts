/**
 * The message bus between processes (DESIGN.md section 1): `send` to one process, `broadcast`
 * to many, `receive` that blocks (always with a timeout) until a matching message arrives, and
 * shared context regions several agents read (and write, with WRITE_CONTEXT: the kernel checks).
 * Each delivered message is recorded (the kernel makes it a `message` span) so sender and
 * receiver are linked causally.
 *
 * Pure: clock and process facts are injected.
 */
import { type Clock, type Pid, type TimerHandle, WeftError } from '../core';

export interface BusMessage {
  readonly id: string;
  readonly from: Pid;
  readonly to: Pid;
  readonly topic: string;
  readonly body: unknown;
  readonly at: number;
  /** The `message` span recorded for it, when the kernel records one. */
  readonly spanId?: string;
}

export interface BusDeps {
  readonly clock: Clock;
  /** Whether a process exists and has not terminated. */
  readonly isAlive: (pid: Pid) => boolean;
  /** The receiver waits (BLOCKED) or goes on. */
  readonly onBlocked?: (pid: Pid, blocked: boolean) => void;
  /** Records a delivered message; returns its span id. */
  readonly record?: (message: BusMessage) => string | undefined;
}

export interface ReceiveOptions {
  readonly timeoutMs: number;
  readonly from?: Pid;
  readonly topic?: string;
  readonly signal?: AbortSignal;
}

interface Waiter {
  readonly pid: Pid;
  readonly match: (m: BusMessage) => boolean;
  readonly resolve: (m: BusMessage) => void;
  readonly reject: (e: WeftError) => void;
  readonly timer: TimerHandle;
}

/** The longest a receive may wait (10 minutes); every wait has a timeout. */
export const MAX_RECEIVE_MS = 600_000;
const MAX_MAILBOX = 1000;

export class MessageBus {
  private readonly mailboxes = new Map<Pid, BusMessage[]>();
  private readonly waiters = new Set<Waiter>();
  private readonly regions = new Map<string, Map<string, unknown>>();
  private seq = 0;

  constructor(private readonly deps: BusDeps) {}

  send(from: Pid, to: Pid, body: unknown, topic = 'message'): BusMessage {
    if (!this.deps.isAlive(to)) {
      throw new WeftError('BUS_NO_RECEIVER', `Process ${to} is not running (it finished or never existed), so the message was not sent. List processes with /ps.`, { from, to, topic });
    }
    const base = { id: `m${++this.seq}`, from, to, topic, body, at: this.deps.clock.now() };
    const spanId = this.deps.record?.(base);
    const message: BusMessage = spanId ? { ...base, spanId } : base;
    for (const w of this.waiters) {
      if (w.pid === to && w.match(message)) {
        this.settle(w);
        w.resolve(message);
        return message;
      }
    }
    const box = this.mailboxes.get(to) ?? [];
    if (box.length >= MAX_MAILBOX) throw new WeftError('BUS_NO_RECEIVER', `Process ${to} has ${MAX_MAILBOX} unread messages; it is not reading them. The message was not sent.`, { to });
    box.push(message);
    this.mailboxes.set(to, box);
    return message;
  }

  /** Sends to every recipient alive except the sender; returns what was delivered. */
  broadcast(from: Pid, recipients: readonly Pid[], body: unknown, topic = 'broadcast'): BusMessage[] {
    return recipients.filter((pid) => pid !== from && this.deps.isAlive(pid)).map((pid) => this.send(from, pid, body, topic));
  }

  /** The first message for `pid` matching the filter: at once from the mailbox, or when it arrives; BUS_TIMEOUT after `timeoutMs`. */
  receive(pid: Pid, options: ReceiveOptions): Promise<BusMessage> {
    const timeoutMs = Math.min(Math.max(0, options.timeoutMs), MAX_RECEIVE_MS);
    const match = (m: BusMessage) => (options.from === undefined || m.from === options.from) && (options.topic === undefined || m.topic === options.topic);
    const box = this.mailboxes.get(pid) ?? [];
    const i = box.findIndex(match);
    if (i >= 0) return Promise.resolve(box.splice(i, 1)[0]!);
    if (options.signal?.aborted) return Promise.reject(new WeftError('LLM_CANCELLED', `Process ${pid} stopped waiting for a message.`, { pid }));
    return new Promise<BusMessage>((resolve, reject) => {
      const what = [options.from === undefined ? '' : ` from process ${options.from}`, options.topic === undefined ? '' : ` on "${options.topic}"`].join('');
      const waiter: Waiter = {
        pid,
        match,
        resolve,
        reject,
        timer: this.deps.clock.setTimeout(() => {
          this.settle(waiter);
          reject(new WeftError('BUS_TIMEOUT', `Process ${pid} waited ${Math.round(timeoutMs / 1000)} s for a message${what} and none came.`, { pid, timeoutMs, ...(options.from === undefined ? {} : { from: options.from }) }));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
      this.deps.onBlocked?.(pid, true);
      options.signal?.addEventListener(
        'abort',
        () => {
          if (!this.waiters.has(waiter)) return;
          this.settle(waiter);
          reject(new WeftError('LLM_CANCELLED', `Process ${pid} stopped waiting for a message.`, { pid }));
        },
        { once: true },
      );
    });
  }

  /** A process ended: its waits are rejected and its unread mail dropped. */
  close(pid: Pid): void {
    for (const w of [...this.waiters]) {
      if (w.pid !== pid) continue;
      this.settle(w);
      w.reject(new WeftError('LLM_CANCELLED', `Process ${pid} ended while waiting for a message.`, { pid }));
    }
    this.mailboxes.delete(pid);
  }

  unread(pid: Pid): number {
    return this.mailboxes.get(pid)?.length ?? 0;
  }

  readContext(region: string): Record<string, unknown> {
    return Object.fromEntries(this.regions.get(region) ?? []);
  }

  writeContext(region: string, key: string, value: unknown): void {
    let r = this.regions.get(region);
    if (!r) this.regions.set(region, (r = new Map()));
    if (value === undefined) r.delete(key);
    else r.set(key, value);
  }

  private settle(w: Waiter): void {
    this.waiters.delete(w);
    this.deps.clock.clearTimeout(w.timer);
    if (![...this.waiters].some((o) => o.pid === w.pid)) this.deps.onBlocked?.(w.pid, false);
  }
}
