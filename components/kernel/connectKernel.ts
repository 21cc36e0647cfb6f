/**
 * Wires one `KernelClient` to the kernel store: status changes, the event log (batched, so a
 * burst of events costs one render), and the process table (a `proc.list` whenever the kernel
 * becomes ready, then every `proc.state` event), and the volumes version (bumped on every
 * `volume.changed`, from this tab or another, so views of volumes refetch), the providers version
 * (bumped on every `llm.providers.changed`, so a provider set from the console shows), and the runtimes'
 * statuses (seeded from the new kernel's info, then every `runtime.status` event; the chosen
 * tensor backend is sent again to every new kernel).
 */
import { WeftError } from '@/lib/core';
import type { KernelClient, KernelStatus } from '@/lib/kernel/client';
import type { KernelEvent } from '@/lib/kernel/protocol';
import { resendTensorBackend } from '@/components/runtimes/useTensorBackend';
import { EVENT_BUFFER_SIZE, type IncomingEvent, useKernelStore } from './useKernelStore';

/** How long events wait before they reach the log, at most (ms). */
const EVENT_FLUSH_MS = 50;
/** Volume views refresh at most this often while commits keep coming (ms). */
const VOLUME_REFRESH_MS = 250;

/** Connects `client` to the store; returns the function that disconnects it. */
export function connectKernel(client: KernelClient): () => void {
  const store = useKernelStore.getState();
  let pending: IncomingEvent[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let connected = true;

  const flush = () => {
    flushTimer = null;
    const batch = pending;
    pending = [];
    store.appendEvents(batch);
  };

  // A burst of commits (a workflow writing traces, a sync) refreshes the volume views once, not per commit.
  let bumpTimer: ReturnType<typeof setTimeout> | null = null;
  const bumpSoon = () => {
    bumpTimer ??= setTimeout(() => {
      bumpTimer = null;
      store.bumpVolumes();
    }, VOLUME_REFRESH_MS);
  };

  const onEvent = (event: KernelEvent) => {
    // The process table updates at once: a `proc.list` reply must never be overtaken by an older event.
    const receivedAt = Date.now();
    if (event.type === 'proc.state') store.upsertProcess(event.process, receivedAt);
    if (event.type === 'volume.changed') bumpSoon();
    if (event.type === 'llm.providers.changed') store.bumpProviders();
    if (event.type === 'runtime.status') store.upsertRuntime(event.status);
    pending.push({ receivedAt, event });
    if (pending.length > EVENT_BUFFER_SIZE) pending = pending.slice(-EVENT_BUFFER_SIZE);
    flushTimer ??= setTimeout(flush, EVENT_FLUSH_MS);
  };

  const refreshProcesses = () => {
    client.call({ op: 'proc.list', includeTerminated: true }).then(
      (list) => {
        if (connected) store.setProcesses(list, Date.now());
      },
      (error: unknown) => {
        // A restart or a dead kernel rejects pending calls; the status already says so.
        if (WeftError.from(error).code !== 'KERNEL_DEAD') console.error('Weft: could not list processes', error);
      },
    );
  };

  const onStatus = (status: KernelStatus) => {
    store.setStatus(status);
    if (status.state === 'ready') {
      refreshProcesses();
      store.bumpVolumes();
      store.setRuntimes(status.info.runtimes);
      resendTensorBackend(client);
    }
    // A dead kernel's processes and runtime workers are gone with it, and a new kernel starts afresh.
    if (status.state !== 'ready') {
      store.setProcesses([], Date.now());
      store.setRuntimes([]);
    }
  };

  const offEvent = client.on(onEvent);
  const offStatus = client.onStatus(onStatus);
  store.setClient(client);
  onStatus(client.status);

  return () => {
    connected = false;
    offEvent();
    offStatus();
    if (flushTimer !== null) clearTimeout(flushTimer);
    if (bumpTimer !== null) clearTimeout(bumpTimer);
    store.setClient(null);
    store.setStatus({ state: 'starting', since: Date.now() });
  };
}
