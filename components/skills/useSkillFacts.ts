/**
 * The facts of every listed skill, read once per version: a skill's copy is read again only
 * when the head of its volume moves, so a commit to your volume does not re-read the built-ins.
 * Facts arrive after the list; until then rows show the name alone.
 */
import { useEffect, useState } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { useKernelQuery } from '@/components/volumes/useKernelQuery';
import type { SkillEntry } from '@/lib/kernel/protocol';
import { type SkillFacts, skillFacts } from './skillFacts';

/** Session cache: `volume@head/name` → facts. Heads only move forward, so entries never go stale. */
const cache = new Map<string, SkillFacts>();

export function useSkillFacts(entries: readonly SkillEntry[] | undefined): ReadonlyMap<string, SkillFacts> {
  const client = useKernelStore((s) => s.client);
  const volumes = useKernelQuery({ op: 'volume.list' }).data;
  const [, setLoaded] = useState(0);

  const heads = new Map(volumes?.map((v) => [v.id as string, v.head ?? 'empty']));
  const keyed = volumes && entries ? entries.map((e) => ({ entry: e, key: `${e.volume}@${heads.get(e.volume) ?? '?'}/${e.name}` })) : [];
  const missing = keyed.filter((k) => !cache.has(k.key));
  const wanted = JSON.stringify(missing.map(({ entry, key }) => [entry.name, entry.volume, key]));

  useEffect(() => {
    const list = JSON.parse(wanted) as [string, string, string][];
    if (!client || list.length === 0) return;
    let live = true;
    void Promise.all(
      list.map(async ([name, volume, key]) => {
        try {
          const read = await client.call({ op: 'skill.read', name, volume });
          cache.set(key, skillFacts(name, read.content));
        } catch {
          // Deleted meanwhile, or unreadable: the row keeps its name alone.
        }
      }),
    ).then(() => live && setLoaded((n) => n + 1));
    return () => {
      live = false;
    };
  }, [client, wanted]);

  const facts = new Map<string, SkillFacts>();
  for (const { entry, key } of keyed) {
    const found = cache.get(key);
    if (found) facts.set(entry.name, found);
  }
  return facts;
}
