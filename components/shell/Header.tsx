'use client';

import { IconButton } from '@/components/ui/Button';
import { EnvironmentChips } from './EnvironmentChips';
import styles from './Header.module.css';
import { KernelStatusPill } from './KernelStatusPill';
import { ThemeSwitch } from './ThemeSwitch';
import { WeftMark } from './WeftMark';

/** The top bar: name, kernel status, what this browser can do, theme and panel toggles. */
export function Header({ bottomOpen, onToggleBottom, shortcut }: { bottomOpen: boolean; onToggleBottom(): void; shortcut: string }) {
  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <WeftMark size={20} />
        <span className={styles.name}>Weft</span>
      </div>
      <KernelStatusPill />
      <div className={styles.spacer} />
      <EnvironmentChips />
      <div className={styles.tools}>
        <ThemeSwitch />
        <IconButton
          icon="panelBottom"
          label={bottomOpen ? 'Hide bottom panel' : 'Show bottom panel'}
          title={`${bottomOpen ? 'Hide' : 'Show'} events and processes (${shortcut})`}
          aria-pressed={bottomOpen}
          onClick={onToggleBottom}
        />
      </div>
    </header>
  );
}
