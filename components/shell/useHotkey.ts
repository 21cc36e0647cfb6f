import { useEffect, useRef } from 'react';

/**
 * Calls `handler` on Ctrl+`key` (⌘+`key` on Apple platforms, either works everywhere), even
 * while focus is in a text field: workbench shortcuts are global.
 */
export function useModHotkey(key: string, handler: () => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.repeat) return;
      if (event.key.toLowerCase() !== key) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [key]);
}
