/**
 * Syncs in flight and how the last one ended, per volume (session state): progress comes from
 * the kernel's `volume.progress` events while a sync runs; the result or the kernel's error
 * stays until the next sync, so the line under a volume says what happened.
 */
import { create } from 'zustand';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { WeftError } from '@/lib/core';
import type { KernelClient } from '@/lib/kernel/client';
import type { SyncResult, VolumeId } from '@/lib/volumes';

export interface SyncProgressView {
  readonly phase: string;
  readonly loaded: number;
  readonly total?: number;
}

export type SyncState =
  | { readonly status: 'running'; readonly progress: SyncProgressView | null }
  | { readonly status: 'done'; readonly result: SyncResult; readonly at: number }
  | { readonly status: 'failed'; readonly code: string; readonly message: string; readonly at: number };

interface SyncStore {
  readonly byVolume: Readonly<Record<string, SyncState>>;
  set(volume: string, state: SyncState): void;
}

export const useSyncStore = create<SyncStore>()((set) => ({
  byVolume: {},
  set: (volume, state) => set((s) => ({ byVolume: { ...s.byVolume, [volume]: state } })),
}));

/**
 * Follows `work` (a sync, or something that ends in one: creating a team volume from a remote,
 * promoting to a team with a remote) as the sync of `volume`, and settles like it. A failure is
 * kept for the volume's card when `keepFailure` says it belongs to the sync (a refused team
 * name does not).
 * @example await trackSync(client, 'teams/lab', () => client.call({ op: 'volume.sync', volume: 'teams/lab' }), (r) => r);
 */
export async function trackSync<T>(
  client: KernelClient,
  volume: VolumeId,
  work: () => Promise<T>,
  syncOf: (value: T) => SyncResult | null,
  keepFailure: (error: WeftError) => boolean = () => true,
): Promise<T> {
  const { set } = useSyncStore.getState();
  const before = useSyncStore.getState().byVolume[volume];
  set(volume, { status: 'running', progress: null });
  const off = client.on((event) => {
    if (event.type !== 'volume.progress' || event.volume !== volume) return;
    const progress = { phase: event.phase, loaded: event.loaded, ...(event.total ? { total: event.total } : {}) };
    set(volume, { status: 'running', progress });
  });
  try {
    const value = await work();
    const result = syncOf(value);
    if (result) set(volume, { status: 'done', result, at: Date.now() });
    else restore(volume, before);
    return value;
  } catch (thrown) {
    const error = WeftError.from(thrown);
    if (keepFailure(error)) set(volume, { status: 'failed', code: error.code, message: error.message, at: Date.now() });
    else restore(volume, before);
    throw error;
  } finally {
    off();
    // "Last synced" changed even when nothing was committed: let every view of volumes refetch.
    useKernelStore.getState().bumpVolumes();
  }
}

/** Whether a sync of `volume` is running now. */
export function isSyncing(volume: string): boolean {
  return useSyncStore.getState().byVolume[volume]?.status === 'running';
}

function restore(volume: string, state: SyncState | undefined): void {
  useSyncStore.setState((s) => {
    const byVolume = { ...s.byVolume };
    if (state && state.status !== 'running') byVolume[volume] = state;
    else delete byVolume[volume];
    return { byVolume };
  });
}
