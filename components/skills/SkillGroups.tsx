/**
 * The library without a query: a group per volume (yours, each team, built-in) and within it
 * a group per category, each folding away with its count showing.
 */
import { Icon } from '@/components/ui/Icon';
import type { SkillEntry } from '@/lib/kernel/protocol';
import type { VolumeGroup } from './groupSkills';
import { categoryLabel, type SkillFacts } from './skillFacts';
import styles from './SkillLibrary.module.css';
import { type RowSkill, SkillRow } from './SkillRow';
import { useSkillUi } from './useSkillUi';

export function SkillGroups({ groups, facts, selected, onSelect }: {
  groups: readonly VolumeGroup[];
  facts: ReadonlyMap<string, SkillFacts>;
  selected: string | null;
  onSelect(name: string): void;
}) {
  const collapsed = useSkillUi((s) => s.collapsed);
  const toggle = useSkillUi((s) => s.toggleGroup);
  return (
    <div className={styles.groups}>
      {groups.map((group) => {
        const open = !collapsed.has(group.key);
        const titled = group.categories.some((c) => c.category !== null);
        return (
          <section key={group.key} className={styles.group} aria-label={group.label} data-group={group.volume}>
            <GroupHeader label={group.label} count={group.count} open={open} onToggle={() => toggle(group.key)} level="volume" />
            {open &&
              group.categories.map((category) => {
                const label = categoryLabel(category.category ?? 'other');
                const categoryOpen = !collapsed.has(category.key);
                return (
                  <div key={category.key} className={styles.category} data-category={category.category ?? ''}>
                    {titled && <GroupHeader label={label} count={category.skills.length} open={categoryOpen} onToggle={() => toggle(category.key)} level="category" />}
                    {(categoryOpen || !titled) && (
                      <ul className={styles.list} aria-label={titled ? `${group.label}: ${label}` : group.label}>
                        {category.skills.map((s) => (
                          <SkillRow key={s.name} skill={rowOf(s, facts.get(s.name))} selected={s.name === selected} onSelect={onSelect} showVolume={false} />
                        ))}
                      </ul>
                    )}
                  </div>
                );
              })}
          </section>
        );
      })}
    </div>
  );
}

function GroupHeader({ label, count, open, onToggle, level }: { label: string; count: number; open: boolean; onToggle(): void; level: 'volume' | 'category' }) {
  return (
    <button type="button" className={level === 'volume' ? styles.groupHeader : styles.categoryHeader} aria-expanded={open} data-nav onClick={onToggle}>
      <Icon name="chevronDown" size={12} className={styles.chevron} />
      <span className={styles.groupLabel}>{label}</span>
      <span className={styles.groupCount}>{count}</span>
    </button>
  );
}

function rowOf(entry: SkillEntry, facts: SkillFacts | undefined): RowSkill {
  return { ...entry, description: facts?.description ?? null, runtime: facts?.runtime ?? null, problems: facts?.problems ?? 0 };
}
