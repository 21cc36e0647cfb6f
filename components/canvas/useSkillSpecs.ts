/**
 * The executable skills the canvas can place, with their typed inputs and outputs: listed with
 * `skill.list`, each read with `skill.read` and parsed. Read again when a volume changes (a skill
 * was saved or imported). Context skills and skills that do not parse are left out.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { type ExecutableSkill, parseSkill } from '@/lib/skills';

interface SpecsState {
  /** By skill name. */
  readonly specs: Readonly<Record<string, ExecutableSkill>>;
  /** Names in library order (executable only). */
  readonly names: readonly string[];
  readonly loaded: boolean;
}

export const useSkillSpecs = create<SpecsState>()(() => ({ specs: {}, names: [], loaded: false }));

/** Keeps `useSkillSpecs` filled while the canvas is mounted. */
export function useLoadSkillSpecs(): void {
  const client = useKernelStore((s) => s.client);
  const ready = useKernelStore((s) => s.status.state === 'ready');
  const version = useKernelStore((s) => s.volumesVersion);
  useEffect(() => {
    if (!client || !ready) return;
    let live = true;
    void (async () => {
      const entries = await client.call({ op: 'skill.list' }).catch(() => []);
      const read = await Promise.all(
        entries.map(async (e) => {
          try {
            const { content } = await client.call({ op: 'skill.read', name: e.name });
            const parsed = parseSkill(content, { folder: e.name });
            return parsed.ok && parsed.value.skill.kind === 'executable' ? parsed.value.skill : null;
          } catch {
            return null;
          }
        }),
      );
      if (!live) return;
      const skills = read.filter((s): s is ExecutableSkill => s !== null).sort((a, b) => a.name.localeCompare(b.name));
      useSkillSpecs.setState({ specs: Object.fromEntries(skills.map((s) => [s.name, s])), names: skills.map((s) => s.name), loaded: true });
    })();
    return () => {
      live = false;
    };
  }, [client, ready, version]);
}
