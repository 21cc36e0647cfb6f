/**
 * Search as you type: `skills.search` a moment after typing pauses, again when volumes change.
 * The last answer stays on screen while the next is on its way, so results do not flicker.
 */
import { useEffect, useState } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { WeftError } from '@/lib/core';
import type { CatalogHit } from '@/lib/kernel/skillCatalog';

const PAUSE_MS = 120;
const LIMIT = 50;

export interface SkillSearch {
  /** Hits for the latest answered query, best first; null when there is no query. */
  readonly hits: readonly CatalogHit[] | null;
  /** True while the hits shown are for an older query than the one typed. */
  readonly stale: boolean;
  readonly error: WeftError | null;
}

export function useSkillSearch(text: string): SkillSearch {
  const client = useKernelStore((s) => s.client);
  const version = useKernelStore((s) => s.volumesVersion);
  const query = text.trim();
  const [answer, setAnswer] = useState<{ query: string; hits: readonly CatalogHit[]; error: WeftError | null } | null>(null);

  useEffect(() => {
    if (query === '' || client === null) return;
    let live = true;
    const timer = setTimeout(() => {
      client.call({ op: 'skills.search', query, limit: LIMIT }).then(
        (hits) => live && setAnswer({ query, hits, error: null }),
        (error: unknown) => live && setAnswer({ query, hits: [], error: WeftError.from(error) }),
      );
    }, PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, query, version]);

  if (query === '') return { hits: null, stale: false, error: null };
  return { hits: answer?.hits ?? null, stale: answer?.query !== query, error: answer?.error ?? null };
}
