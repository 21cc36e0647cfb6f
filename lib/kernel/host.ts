/**
 * The kernel's side of the wire: receives batches of calls, dispatches each, and sends replies
 * and events back in batches (one `postMessage` per tick). It never lets one bad message take
 * the kernel down.
 */
import { WeftError } from '../core';
import type { Kernel } from './kernel';
import type { ClientMessage, HostMessage } from './protocol';

export interface HostPort {
  post(messages: HostMessage[]): void;
  listen(handler: (data: unknown) => void): void;
}

/** Connects `kernel` to `port` and boots it; `kernel.ready` is announced when the boot is done. */
export function serveKernel(kernel: Kernel, port: HostPort): void {
  let outbox: HostMessage[] = [];
  let scheduled = false;
  const send = (message: HostMessage) => {
    outbox.push(message);
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      const batch = outbox;
      outbox = [];
      postSafely(port, batch);
    });
  };

  kernel.on((event) => send({ t: 'event', event }));
  port.listen((data) => {
    if (!Array.isArray(data)) return;
    for (const message of data as ClientMessage[]) {
      if (message?.t === 'heartbeat') send({ t: 'heartbeat' });
      else if (message?.t === 'call' && typeof message.id === 'number') {
        kernel.dispatch(message.call).then(
          (value) => send({ t: 'reply', id: message.id, ok: true, value }),
          (error: unknown) => send({ t: 'reply', id: message.id, ok: false, error: WeftError.from(error).toJSON() }),
        );
      }
    }
  });
  void kernel.boot().then((info) => send({ t: 'event', event: { type: 'kernel.ready', info } }));
}

/** A reply that cannot be cloned (a function in a result) must not sink the whole batch. */
function postSafely(port: HostPort, batch: HostMessage[]): void {
  try {
    port.post(batch);
  } catch {
    for (const message of batch) {
      try {
        port.post([message]);
      } catch (cause) {
        if (message.t !== 'reply') continue;
        const error = new WeftError('SYSCALL_FAILED', `The result could not be sent back (${String(cause)}). This is a bug in Weft; please report it.`);
        port.post([{ t: 'reply', id: message.id, ok: false, error: error.toJSON() }]);
      }
    }
  }
}
