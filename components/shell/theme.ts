/**
 * The colour theme: `light`, `dark`, or `system` (follow the OS). Kept in localStorage, applied
 * as `data-theme` on <html>; `system` is the absence of the attribute, so CSS's
 * `prefers-color-scheme` decides.
 */
export type Theme = 'light' | 'dark' | 'system';

export const THEMES: readonly Theme[] = ['light', 'dark', 'system'];

export const THEME_STORAGE_KEY = 'weft.theme';

/**
 * Runs in <head> before the first paint, so a saved theme never flashes the other one.
 * It carries the request's CSP nonce (app/layout.tsx, proxy.ts).
 */
export const THEME_SCRIPT = `try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;

export function isTheme(value: unknown): value is Theme {
  return value === 'light' || value === 'dark' || value === 'system';
}

/** Sets (or, for `system`, removes) `data-theme` on <html>. */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
