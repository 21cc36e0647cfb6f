/**
 * The library with a query: the skills `skills.search` found, best first, their matched
 * words marked. Enter in the search field opens the first.
 */
import { EmptyState } from '@/components/ui/EmptyState';
import type { CatalogHit } from '@/lib/kernel/skillCatalog';
import type { VolumeId } from '@/lib/volumes';
import type { SkillFacts } from './skillFacts';
import styles from './SkillLibrary.module.css';
import { SkillRow } from './SkillRow';

export function SearchResults({ query, hits, facts, selected, onSelect }: {
  query: string;
  hits: readonly CatalogHit[];
  facts: ReadonlyMap<string, SkillFacts>;
  selected: string | null;
  onSelect(name: string): void;
}) {
  if (hits.length === 0) {
    return (
      <EmptyState title={`No skill matches “${query}”`} compact>
        Try other words, or write it with <strong>New skill</strong>.
      </EmptyState>
    );
  }
  return (
    <ul className={styles.list} aria-label={`Skills matching ${query}`} data-search-results>
      {hits.map((hit) => (
        <SkillRow
          key={hit.name}
          skill={{
            name: hit.name,
            volume: hit.volume as VolumeId,
            shadows: hit.shadows,
            description: hit.description,
            runtime: hit.runtime,
            problems: facts.get(hit.name)?.problems ?? 0,
          }}
          terms={hit.terms}
          selected={hit.name === selected}
          onSelect={onSelect}
          showVolume
        />
      ))}
    </ul>
  );
}
