'use client';

/**
 * A button that opens a short menu of actions (WAI-ARIA menu button): arrow keys, Home and
 * End move between items, Enter or a click runs one, Escape or a click elsewhere closes it.
 */
import { type KeyboardEvent, type ReactElement, useEffect, useId, useRef, useState } from 'react';
import { Button, cx } from './Button';
import { Icon, type IconName } from './Icon';
import styles from './Menu.module.css';

export interface MenuItem {
  readonly id: string;
  readonly label: string;
  /** A quieter second line: what the item does. */
  readonly hint?: string;
  readonly icon?: IconName;
  readonly disabled?: boolean;
  onSelect(): void;
}

export function MenuButton({ label, icon, items, align = 'start', title, iconOnly = false }: {
  label: string;
  /** An icon name, or an icon element drawn like `Icon`. */
  icon?: IconName | ReactElement;
  items: readonly MenuItem[];
  /** Show only the icon; the label stays as the button's (visually hidden) text. */
  iconOnly?: boolean;
  /** Which edge of the button the menu lines up with. */
  align?: 'start' | 'end';
  title?: string;
}) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    rootRef.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
    const away = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const close = () => {
    setOpen(false);
    rootRef.current?.querySelector<HTMLElement>('[aria-haspopup="menu"]')?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const entries = [...(rootRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: entries.length - 1 }[event.key];
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') setOpen(false);
    else if (next !== undefined && entries.length > 0) {
      event.preventDefault();
      entries[(next + entries.length) % entries.length]?.focus();
    }
  };

  return (
    <div ref={rootRef} className={styles.root} onKeyDown={open ? onKeyDown : undefined}>
      <Button
        size="sm"
        className={iconOnly ? styles.iconOnly : undefined}
        title={title}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {typeof icon === 'string' ? <Icon name={icon} size={14} /> : icon}
        {iconOnly ? <span className="visually-hidden">{label}</span> : label}
        <Icon name="chevronDown" size={12} className={styles.caret} />
      </Button>
      {open && (
        <div id={menuId} role="menu" aria-label={label} className={cx(styles.menu, align === 'end' && styles.end)}>
          {items.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              disabled={item.disabled}
              className={styles.item}
              onClick={() => {
                close();
                item.onSelect();
              }}
            >
              {item.icon && <Icon name={item.icon} size={14} className={styles.itemIcon} />}
              <span className={styles.itemText}>
                <span className={styles.itemLabel}>{item.label}</span>
                {item.hint && <span className={styles.itemHint}>{item.hint}</span>}
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
