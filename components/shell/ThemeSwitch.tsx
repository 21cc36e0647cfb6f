'use client';

import { Icon, type IconName } from '@/components/ui/Icon';
import type { Theme } from './theme';
import styles from './ThemeSwitch.module.css';
import { useTheme } from './useTheme';

const OPTIONS: readonly { theme: Theme; icon: IconName; label: string }[] = [
  { theme: 'light', icon: 'sun', label: 'Light theme' },
  { theme: 'dark', icon: 'moon', label: 'Dark theme' },
  { theme: 'system', icon: 'monitor', label: 'System theme' },
];

/** Light / dark / system, as a three-way segmented control (a radio group). */
export function ThemeSwitch() {
  const [theme, setTheme] = useTheme();
  return (
    <div role="radiogroup" aria-label="Theme" className={styles.switch}>
      {OPTIONS.map((option) => (
        <button
          key={option.theme}
          type="button"
          role="radio"
          aria-checked={theme === option.theme}
          aria-label={option.label}
          title={option.label}
          className={styles.option}
          onClick={() => setTheme(option.theme)}
        >
          <Icon name={option.icon} size={14} />
        </button>
      ))}
    </div>
  );
}
