'use client';

/**
 * The tensor chip as a menu button: choose the TensorFlow.js backend (Auto, WebGPU, WebGL, WASM,
 * CPU). The choice is sent to the kernel (the tensor worker restarts with it) and kept for the
 * next visit. Keyboard: Enter, Space or ↓ opens; ↑ ↓ Home End move; Enter picks; Escape closes.
 * The menu is `position: fixed`, so the header's clipped chip row does not cut it off.
 */
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { cx } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import menu from '@/components/ui/Menu.module.css';
import type { BackendOverride } from '@/lib/runtimes/tensor/tf';
import type { RuntimeChipView } from './runtimeChip';
import styles from './RuntimeChips.module.css';
import { BACKEND_HINTS, BACKEND_LABELS } from './runtimeLabels';
import { BACKEND_CHOICES, useTensorBackend } from './useTensorBackend';

export function TensorBackendMenu({ view, className, children }: { view: RuntimeChipView; className?: string; children: ReactNode }) {
  const choice = useTensorBackend((s) => s.choice);
  const error = useTensorBackend((s) => s.error);
  const choose = useTensorBackend((s) => s.choose);
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const open = at !== null;

  const show = () => {
    const rect = buttonRef.current?.getBoundingClientRect();
    if (!rect) return;
    // Keep the menu (max 300px wide) inside the window.
    setAt({ top: rect.bottom + 4, left: Math.max(8, Math.min(rect.left, window.innerWidth - 308)) });
  };
  const close = (refocus: boolean) => {
    setAt(null);
    if (refocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const items = menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]');
    const checked = menuRef.current?.querySelector<HTMLElement>('[aria-checked="true"]');
    (checked ?? items?.[0])?.focus();
    const away = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setAt(null);
    };
    const onResize = () => setAt(null);
    document.addEventListener('pointerdown', away);
    window.addEventListener('resize', onResize);
    return () => {
      document.removeEventListener('pointerdown', away);
      window.removeEventListener('resize', onResize);
    };
  }, [open]);

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 }[event.key];
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    } else if (next !== undefined && items.length > 0) {
      event.preventDefault();
      items[(next + items.length) % items.length]?.focus();
    }
  };

  const pick = (backend: BackendOverride) => {
    close(true);
    if (backend !== choice) choose(backend);
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={cx(className, styles.menuChip)}
        title={view.title}
        aria-label={`${view.ariaLabel}. Tensor backend: ${BACKEND_LABELS[choice]}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : show())}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            show();
          }
        }}
      >
        {children}
        <Icon name="chevronDown" size={11} className={styles.caret} />
      </button>
      {at && (
        <div ref={menuRef} id={menuId} role="menu" aria-label="Tensor backend" className={cx(menu.menu, styles.backendMenu)} style={{ top: at.top, left: at.left }} onKeyDown={onMenuKey}>
          <p className={styles.menuTitle}>Tensor backend</p>
          {BACKEND_CHOICES.map((backend) => (
            <button
              key={backend}
              type="button"
              role="menuitemradio"
              aria-checked={backend === choice}
              tabIndex={-1}
              className={menu.item}
              data-backend={backend}
              onClick={() => pick(backend)}
            >
              <span className={styles.radio} aria-hidden="true">
                {backend === choice && <Icon name="check" size={13} />}
              </span>
              <span className={menu.itemText}>
                <span className={menu.itemLabel}>{BACKEND_LABELS[backend]}</span>
                <span className={menu.itemHint}>{BACKEND_HINTS[backend]}</span>
              </span>
            </button>
          ))}
          {error && (
            <p className={styles.menuError} role="alert">
              {error}
            </p>
          )}
          <p className={styles.menuNote}>The tensor worker restarts with the new backend; runs in progress finish first.</p>
        </div>
      )}
    </>
  );
}
