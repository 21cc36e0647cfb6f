/**
 * Session UI state of the skill library: the selected skill (and which of its copies is shown
 * when it shadows others), the collapsed groups, the open editor, and unsaved drafts, kept
 * until they are saved or discarded so that nothing typed is lost when the editor closes —
 * or when the tab does: drafts are kept in localStorage.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Runtime } from '@/lib/skills';
import type { VolumeId } from '@/lib/volumes';

export type TemplateKind = Exclude<Runtime, 'workflow'> | 'context';

export type EditorState =
  | { readonly mode: 'new' }
  /** A new skill that starts as a copy of another one, under a new name. */
  | { readonly mode: 'duplicate'; readonly from: string; readonly name: string; readonly content: string }
  /** Edit a skill of the user's own volume, or start a copy of a team or built-in one there. */
  | { readonly mode: 'edit' | 'copy'; readonly name: string; readonly content: string };

export interface SkillDraft {
  readonly name: string;
  readonly content: string;
  readonly template: TemplateKind;
  /** The saved text the draft started from (edits only): a draft of an older version is not restored. */
  readonly base?: string;
}

/** Which draft an editor keeps: one for the new skill, one per skill being edited. */
export function draftKey(editor: EditorState): string {
  return editor.mode === 'new' ? 'new' : editor.mode === 'duplicate' ? `duplicate:${editor.from}` : `${editor.mode}:${editor.name}`;
}

interface SkillUi {
  readonly selected: string | null;
  /** Grows on every selection, even of the skill already selected, so the inspector comes forward again. */
  readonly selectedSeq: number;
  /** The copy shown: null for the one the name resolves to, or a shadowed volume. */
  readonly viewVolume: VolumeId | null;
  /** Keys of the library groups folded away. */
  readonly collapsed: ReadonlySet<string>;
  readonly editor: EditorState | null;
  readonly drafts: Readonly<Record<string, SkillDraft>>;
  select(name: string | null): void;
  setViewVolume(volume: VolumeId | null): void;
  toggleGroup(key: string): void;
  openEditor(editor: EditorState): void;
  closeEditor(): void;
  setDraft(key: string, draft: SkillDraft | null): void;
}

export const useSkillUi = create<SkillUi>()(
  persist(
    (set) => ({
  selected: null,
  selectedSeq: 0,
  viewVolume: null,
  collapsed: new Set(),
  editor: null,
  drafts: {},
  select: (selected) => set((s) => ({ selected, selectedSeq: s.selectedSeq + 1, viewVolume: selected === s.selected ? s.viewVolume : null })),
  setViewVolume: (viewVolume) => set({ viewVolume }),
  toggleGroup: (key) =>
    set((s) => {
      const collapsed = new Set(s.collapsed);
      if (!collapsed.delete(key)) collapsed.add(key);
      return { collapsed };
    }),
  openEditor: (editor) => set({ editor }),
  closeEditor: () => set({ editor: null }),
  setDraft: (key, draft) =>
    set((s) => {
      const drafts = { ...s.drafts };
      if (draft) drafts[key] = draft;
      else delete drafts[key];
      return { drafts };
    }),
    }),
    {
      name: 'weft.skill-drafts',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ drafts: s.drafts }),
    },
  ),
);
