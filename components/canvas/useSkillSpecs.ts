/**
 * The executable skills the canvas can place, with their typed inputs and outputs: listed with
 * `skill.list`, each read with `skill.read` and parsed. When a volume changes, only the skills of
 * a volume whose head moved are read again (a run's trace commit moves your volume's head, not a
 * team's: with a thousand team skills, re-reading them all after every run starved the kernel).
 * Context skills and skills that do not parse are left out.
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

/** Session cache: `volume@head/name` → the parsed skill (null: not executable or invalid). Heads only move forward. */
const parsedAt = new Map<string, ExecutableSkill | null>();

/** Keeps `useSkillSpecs` filled while the canvas is mounted. */
export function useLoadSkillSpecs(): void {
  const client = useKernelStore((s) => s.client);
  const ready = useKernelStore((s) => s.status.state === 'ready');
  const version = useKernelStore((s) => s.volumesVersion);
  useEffect(() => {
    if (!client || !ready) return;
    let live = true;
    void (async () => {
      const [entries, volumes] = await Promise.all([client.call({ op: 'skill.list' }).catch(() => []), client.call({ op: 'volume.list' }).catch(() => [])]);
      const heads = new Map(volumes.map((v) => [v.id as string, v.head ?? 'empty']));
      const read = await Promise.all(
        entries.map(async (e) => {
          const key = `${e.volume}@${heads.get(e.volume) ?? '?'}/${e.name}`;
          if (parsedAt.has(key)) return parsedAt.get(key)!;
          try {
            const { content } = await client.call({ op: 'skill.read', name: e.name, volume: e.volume });
            const parsed = parseSkill(content, { folder: e.name });
            const skill = parsed.ok && parsed.value.skill.kind === 'executable' ? parsed.value.skill : null;
            parsedAt.set(key, skill);
            return skill;
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
