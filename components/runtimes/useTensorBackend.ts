/**
 * The tensor backend this person chose (`auto`: the fastest one the runtime measures), kept in
 * localStorage and sent to the kernel when chosen and again whenever a kernel (re)starts, since
 * a new kernel starts with `auto`.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { WeftError } from '@/lib/core';
import type { KernelClient } from '@/lib/kernel/client';
import { type BackendOverride, TENSOR_BACKENDS } from '@/lib/runtimes/tensor/tf';
import { useKernelStore } from '@/components/kernel/useKernelStore';

export const TENSOR_BACKEND_STORAGE_KEY = 'weft.tensor-backend';

export const BACKEND_CHOICES: readonly BackendOverride[] = ['auto', ...TENSOR_BACKENDS];

export function isBackendChoice(value: unknown): value is BackendOverride {
  return (BACKEND_CHOICES as readonly unknown[]).includes(value);
}

interface TensorBackendState {
  readonly choice: BackendOverride;
  /** The kernel's answer to the last choice, when it refused it. */
  readonly error: string | null;
  choose(choice: BackendOverride): void;
}

export const useTensorBackend = create<TensorBackendState>()(
  persist(
    (set) => ({
      choice: 'auto',
      error: null,
      choose: (choice) => {
        set({ choice, error: null });
        const client = useKernelStore.getState().client;
        if (client) send(client, choice, (error) => set({ error }));
      },
    }),
    {
      name: TENSOR_BACKEND_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ choice: s.choice }),
      merge: (saved, current) => {
        const choice = (saved as { choice?: unknown } | undefined)?.choice;
        return { ...current, choice: isBackendChoice(choice) ? choice : 'auto' };
      },
    },
  ),
);

/** Tells a new kernel the saved choice (nothing to say for `auto`, its default). */
export function resendTensorBackend(client: KernelClient): void {
  const { choice } = useTensorBackend.getState();
  if (choice !== 'auto') send(client, choice, (error) => useTensorBackend.setState({ error }));
}

function send(client: KernelClient, backend: BackendOverride, onError: (message: string) => void): void {
  client.call({ op: 'runtime.setTensorBackend', backend }).then(
    () => undefined,
    (error: unknown) => {
      const coded = WeftError.from(error);
      // A kernel that died meanwhile gets the choice again when it restarts.
      if (coded.code !== 'KERNEL_DEAD') onError(coded.message);
    },
  );
}
