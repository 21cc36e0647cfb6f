'use client';

import { InstallButton } from '@/components/pwa/InstallButton';
import { OfflineBadge } from '@/components/pwa/OfflineBadge';
import { IconButton } from '@/components/ui/Button';
import { EnvironmentChips } from './EnvironmentChips';
import styles from './Header.module.css';
import { KernelStatusPill } from './KernelStatusPill';
import { ThemeSwitch } from './ThemeSwitch';
import { WeftMark } from './WeftMark';

/** The top bar: name, kernel status, offline badge, what this browser can do, install, theme and panel toggles. */
export function Header({ bottomOpen, onToggleBottom, shortcut }: { bottomOpen: boolean; onToggleBottom(): void; shortcut: string }) {
  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <WeftMark size={20} />
        <span className={styles.name}>Weft</span>
      </div>
      <KernelStatusPill />
      <OfflineBadge />
      <div className={styles.spacer} />
      <EnvironmentChips />
      <div className={styles.tools}>
        <InstallButton />
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
