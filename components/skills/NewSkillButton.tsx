'use client';

import { Button } from '@/components/ui/Button';
import { useSkillUi } from './useSkillUi';

/** "New skill", for the library's header: opens the editor on a template (or the unsaved draft). */
export function NewSkillButton() {
  const openEditor = useSkillUi((s) => s.openEditor);
  const hasDraft = useSkillUi((s) => s.drafts.new !== undefined);
  return (
    <Button size="sm" variant="ghost" icon="plus" onClick={() => openEditor({ mode: 'new' })} title={hasDraft ? 'Continue the skill you started' : 'Write a new skill in your volume, from a template'}>
      New skill
    </Button>
  );
}
