/**
 * Export of the skill shown: its whole folder as a .zip, its SKILL.md alone, or a .zip in the
 * strict Agent Skills format (`exportAgentSkill`), for use outside Weft. The folder's other
 * files (scripts/, references/, assets/) are read from the volume the skill is shown from, as
 * bytes, so images and fonts leave exactly as they are stored.
 */
import { useState } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { WeftError } from '@/lib/core';
import { exportAgentSkill, parseSkill } from '@/lib/skills';
import type { VolumeId } from '@/lib/volumes';
import { skillFolderFiles } from './skillFolderFiles';
import { download, skillZip } from './skillZip';

export type ExportKind = 'folder' | 'skill-md' | 'agent-skills';

export function useSkillExport(name: string, volume: VolumeId, content: string) {
  const client = useKernelStore((s) => s.client);
  const [error, setError] = useState<WeftError | null>(null);

  const folder = (main: string) => skillFolderFiles(client ? client.call.bind(client) : null, volume, name, main);

  const run = async (kind: ExportKind) => {
    setError(null);
    try {
      if (kind === 'skill-md') return download('SKILL.md', content, 'text/markdown;charset=utf-8');
      if (kind === 'folder') return download(`${name}.zip`, skillZip(name, await folder(content)), 'application/zip');
      const parsed = parseSkill(content, { folder: name });
      const strict = parsed.ok ? exportAgentSkill(parsed.value.skill) : parsed;
      if (!strict.ok) {
        const reason = parsed.ok ? 'It does not meet the stricter Agent Skills rules' : 'It has problems';
        return setError(new WeftError(strict.error.code, `${name} cannot be exported for Agent Skills. ${reason}:`, { ...strict.error.data }));
      }
      download(`${name}-agent-skill.zip`, skillZip(name, await folder(strict.value)), 'application/zip');
    } catch (thrown) {
      setError(WeftError.from(thrown));
    }
  };

  return { run, error, clearError: () => setError(null) };
}
