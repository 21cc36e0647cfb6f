'use client';

/**
 * Drag and drop onto the library to import: files or a folder dragged from the desktop light
 * the list up with what it accepts; dropping hands them over to be read.
 */
import { type DragEvent, type ReactNode, useRef, useState } from 'react';
import { cx } from '@/components/ui/Button';
import { readDrop } from './readPicked';
import { SkillIcon } from './SkillIcon';
import styles from './SkillLibrary.module.css';
import type { PickedFile } from './importFiles';

export function DropZone({ onDrop, className, children }: { onDrop(reading: Promise<PickedFile[]>): void; className?: string; children: ReactNode }) {
  const [over, setOver] = useState(false);
  // dragenter and dragleave fire for every child crossed: count them.
  const depth = useRef(0);
  const carriesFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');

  return (
    <div
      className={cx(className, styles.dropZone)}
      data-dragging={over || undefined}
      onDragEnter={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(e) => {
        if (!carriesFiles(e)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        onDrop(readDrop(e.dataTransfer));
      }}
    >
      {children}
      {over && (
        <div className={styles.dropOverlay} aria-hidden="true">
          <SkillIcon name="import" size={20} />
          <strong>Drop to import</strong>
          <span>A SKILL.md, a skill folder, a .zip of one, or an older single-file skill</span>
        </div>
      )}
    </div>
  );
}
