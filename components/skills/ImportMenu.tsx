'use client';

/**
 * "Import skill": a SKILL.md, several files of a skill folder, a .zip of one, or an older
 * single-file skill (picked as files), or a whole folder (picked as a folder). Both inputs are
 * labelled, so tests and assistive tech can reach them directly.
 */
import { useRef } from 'react';
import { MenuButton } from '@/components/ui/Menu';
import { readFileList } from './readPicked';
import { SkillIcon } from './SkillIcon';
import type { PickedFile } from './importFiles';

export function ImportMenu({ onPick }: { onPick(reading: Promise<PickedFile[]>): void }) {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const picked = (input: HTMLInputElement) => {
    if (input.files && input.files.length > 0) onPick(readFileList([...input.files]));
    input.value = '';
  };
  return (
    <>
      <MenuButton
        label="Import skill"
        iconOnly
        align="end"
        icon={<SkillIcon name="import" size={14} />}
        title="Import a skill: a SKILL.md, a skill folder or a .zip (or drop one on the list)"
        items={[
          { id: 'files', label: 'Files…', hint: 'A SKILL.md and its files, a .zip, or an older single-file skill (.md)', onSelect: () => files.current?.click() },
          { id: 'folder', label: 'Folder…', hint: 'A skill folder with SKILL.md at its root', onSelect: () => folder.current?.click() },
        ]}
      />
      <input ref={files} type="file" multiple aria-label="Import skill" className="visually-hidden" tabIndex={-1} onChange={(e) => picked(e.currentTarget)} />
      <input
        ref={folder}
        type="file"
        {...{ webkitdirectory: '' }}
        aria-label="Import a skill folder"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(e) => picked(e.currentTarget)}
      />
    </>
  );
}
