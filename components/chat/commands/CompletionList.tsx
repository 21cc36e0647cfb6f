'use client';

/**
 * The completions above the composer (the listbox half of the ARIA combobox pattern; the
 * composer's textbox points at it with `aria-controls` and `aria-activedescendant`). Focus stays
 * in the textbox: a click picks an option without taking it.
 */
import { useEffect } from 'react';
import type { Completion } from '@/lib/shell';
import styles from './Commands.module.css';

export function CompletionList({ id, items, active, optionId, onPick }: { id: string; items: readonly Completion[]; active: number; optionId(index: number): string; onPick(index: number): void }) {
  const activeId = optionId(active);
  useEffect(() => {
    document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);
  return (
    <ul id={id} role="listbox" aria-label="Command completions" className={styles.completions}>
      {items.map((item, i) => (
        <li
          key={`${i}:${item.value}`}
          id={optionId(i)}
          role="option"
          aria-selected={i === active}
          className={styles.option}
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(i);
          }}
        >
          <span className={styles.optionLabel}>{item.label}</span>
          {item.detail && <span className={styles.optionDetail}>{item.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
