/**
 * Validation as you type: the SKILL.md is checked a moment after typing pauses (and at once
 * on demand, before a save), so problems follow the text without re-parsing on every key.
 */
import { useCallback, useEffect, useState } from 'react';
import { checkSkill, type SkillCheck } from './checkSkill';

const PAUSE_MS = 180;

export function useSkillCheck(content: string, folder: string | null): SkillCheck & { now(): SkillCheck } {
  const [checked, setChecked] = useState(() => ({ content, folder, result: checkSkill(content, folder) }));

  useEffect(() => {
    if (checked.content === content && checked.folder === folder) return;
    const timer = setTimeout(() => setChecked({ content, folder, result: checkSkill(content, folder) }), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [content, folder, checked]);

  const now = useCallback(() => {
    const result = checkSkill(content, folder);
    setChecked({ content, folder, result });
    return result;
  }, [content, folder]);

  return { ...checked.result, now };
}
