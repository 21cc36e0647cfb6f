/**
 * What the person has selected for the inspector (ephemeral). Processes today; canvas nodes
 * and spans join this union as those areas arrive.
 */
import { create } from 'zustand';
import type { Pid } from '@/lib/core';

export type Selection = { readonly kind: 'process'; readonly pid: Pid };

export const useSelection = create<{ selection: Selection | null; select(selection: Selection | null): void }>()((set) => ({
  selection: null,
  select: (selection) => set({ selection }),
}));
