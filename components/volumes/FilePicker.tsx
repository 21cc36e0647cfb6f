'use client';

/** Picks the file to diff in a whole-volume history, from the files the volume holds now. */
import forms from './forms.module.css';
import styles from './History.module.css';

export function FilePicker({ files: list, value, onChange }: { files: readonly string[]; value: string | null; onChange(path: string): void }) {
  // A file the commit deleted is no longer in the volume; keep it choosable.
  const options = value !== null && !list.includes(value) ? [value, ...list] : list;
  return (
    <label className={styles.picker}>
      <span className={styles.pickerLabel}>File</span>
      <select className={`${forms.select} ${styles.pickerSelect}`} value={value ?? ''} onChange={(e) => onChange(e.target.value)} aria-label="File to compare">
        {value === null && <option value="">Choose a file…</option>}
        {options.map((path) => (
          <option key={path} value={path}>
            {path}
          </option>
        ))}
      </select>
    </label>
  );
}
