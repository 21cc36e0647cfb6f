/**
 * Import as a person does it: pick or drop files, they are read (a .zip unpacked, text decoded)
 * and sent to `skill.import`; the outcome — the skill's name and commit, notes from converting
 * an older skill, warnings, files left out — or the kernel's refusal stays until dismissed.
 */
import { useState } from 'react';
import { useKernelAction } from '@/components/volumes/useKernelAction';
import { WeftError } from '@/lib/core';
import type { ImportResult } from '@/lib/skills';
import { importFiles, type PickedFile } from './importFiles';

export interface ImportOutcome {
  readonly pending: boolean;
  readonly result: ImportResult | null;
  readonly error: WeftError | null;
  /** Files that were not sent, and why. */
  readonly skipped: readonly string[];
}

export function useSkillImport() {
  const action = useKernelAction();
  const [state, setState] = useState<{ pending: boolean; result: ImportResult | null; skipped: string[]; local: WeftError | null } | null>(null);

  const start = async (reading: Promise<PickedFile[]>) => {
    action.clearError();
    setState({ pending: true, result: null, skipped: [], local: null });
    let picked: PickedFile[];
    try {
      picked = await reading;
    } catch (thrown) {
      return setState({ pending: false, result: null, skipped: [], local: new WeftError('SKILL_IMPORT', `The files could not be read: ${WeftError.from(thrown).message}`) });
    }
    const { files, skipped } = importFiles(picked);
    if (files.length === 0) {
      const local = new WeftError('SKILL_IMPORT', 'Nothing to import: pick a SKILL.md, a skill folder, a .zip of one, or a skill in the older single-file format.');
      return setState({ pending: false, result: null, skipped, local });
    }
    const result = await action.run({ op: 'skill.import', files });
    setState({ pending: false, result, skipped, local: null });
  };

  const outcome: ImportOutcome | null = state && { pending: state.pending, result: state.result, skipped: state.skipped, error: state.local ?? (state.pending ? null : action.error) };
  return { outcome, start, dismiss: () => setState(null) };
}
