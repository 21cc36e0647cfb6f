'use client';

/**
 * The executable skills the canvas can place, with a filter, in a popover over the flow (the skill
 * library is the main source; this is the keyboard way in): drag one onto the canvas, or press
 * its + to add it in the middle of the view. Escape closes it.
 */
import { type DragEvent, type KeyboardEvent, memo, useDeferredValue, useState } from 'react';
import { Icon } from '@/components/ui/Icon';
import styles from './Canvas.module.css';
import { SKILL_DRAG_TYPE } from './flowTypes';
import { useSkillSpecs } from './useSkillSpecs';

export function Palette({ onAdd, onClose }: { onAdd(skill: string): void; onClose(): void }) {
  const names = useSkillSpecs((s) => s.names);
  const specs = useSkillSpecs((s) => s.specs);
  const loaded = useSkillSpecs((s) => s.loaded);
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query.trim().toLowerCase());
  const shown = q ? names.filter((n) => n.includes(q) || specs[n]?.description.toLowerCase().includes(q)) : names;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onClose();
  };
  return (
    <nav className={styles.palette} aria-label="Skill palette" id="canvas-palette" onKeyDown={onKeyDown}>
      <label className={styles.search}>
        <Icon name="search" size={13} />
        <input type="search" placeholder="Filter skills" aria-label="Filter skills" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
      </label>
      <ul className={styles.paletteList}>
        {shown.map((name) => (
          <PaletteItem key={name} name={name} runtime={specs[name]?.runtime ?? ''} description={specs[name]?.description ?? ''} onAdd={onAdd} />
        ))}
        {loaded && shown.length === 0 && <li className={styles.paletteNone}>No executable skill matches.</li>}
        {!loaded && <li className={styles.paletteNone}>Loading skills…</li>}
      </ul>
    </nav>
  );
}

const PaletteItem = memo(function PaletteItem({ name, runtime, description, onAdd }: { name: string; runtime: string; description: string; onAdd(skill: string): void }) {
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(SKILL_DRAG_TYPE, name);
    event.dataTransfer.setData('text/plain', name);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <li className={styles.paletteItem} draggable onDragStart={onDragStart} data-palette-skill={name} title={description}>
      <span className={styles.paletteName}>{name}</span>
      <span className={styles.paletteRuntime}>{runtime}</span>
      <button type="button" className={styles.paletteAdd} aria-label={`Add ${name} to the canvas`} onClick={() => onAdd(name)}>
        <Icon name="plus" size={12} />
      </button>
    </li>
  );
});
