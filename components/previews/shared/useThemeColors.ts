'use client';

/**
 * The theme's colours as concrete values, for renderers that cannot read CSS variables (Vega,
 * three.js). The tokens are `light-dark()` pairs, so they are resolved by the browser on a probe
 * element; the hook re-reads them when the theme changes (`data-theme` on <html>, or the OS
 * preference while the theme is "system").
 */
import { useMemo, useSyncExternalStore } from 'react';

export type ColorScheme = 'light' | 'dark';

export interface ThemeColors {
  readonly scheme: ColorScheme;
  readonly text: string;
  readonly muted: string;
  readonly faint: string;
  readonly border: string;
  readonly borderSubtle: string;
  readonly panel: string;
  readonly sunken: string;
  readonly accent: string;
  readonly fontUi: string;
  readonly fontMono: string;
}

const TOKENS = {
  text: '--text',
  muted: '--text-muted',
  faint: '--text-faint',
  border: '--border',
  borderSubtle: '--border-subtle',
  panel: '--bg-panel',
  sunken: '--bg-sunken',
  accent: '--accent',
} as const;

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', onChange);
  };
}

/** The scheme in force: a forced `data-theme`, else the OS preference. */
function readScheme(): ColorScheme {
  const forced = document.documentElement.dataset.theme;
  if (forced === 'light' || forced === 'dark') return forced;
  return window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

export function useColorScheme(): ColorScheme {
  return useSyncExternalStore(subscribe, readScheme, () => 'light');
}

/** The theme's colours, resolved; recomputed when the scheme changes. */
export function useThemeColors(): ThemeColors {
  const scheme = useColorScheme();
  return useMemo(() => resolveColors(scheme), [scheme]);
}

function resolveColors(scheme: ColorScheme): ThemeColors {
  if (typeof document === 'undefined') return FALLBACK;
  const probe = document.createElement('span');
  probe.style.display = 'none';
  document.body.appendChild(probe);
  try {
    const read = (token: string) => {
      probe.style.color = `var(${token})`;
      return getComputedStyle(probe).color;
    };
    const colors = Object.fromEntries(Object.entries(TOKENS).map(([key, token]) => [key, read(token)])) as Record<keyof typeof TOKENS, string>;
    const root = getComputedStyle(document.documentElement);
    return {
      ...colors,
      scheme,
      fontUi: root.getPropertyValue('--font-ui').trim() || FALLBACK.fontUi,
      fontMono: root.getPropertyValue('--font-mono').trim() || FALLBACK.fontMono,
    };
  } finally {
    probe.remove();
  }
}

const FALLBACK: ThemeColors = {
  scheme: 'light',
  text: '#1b1e24',
  muted: '#5f6570',
  faint: '#9197a1',
  border: '#e3e5e9',
  borderSubtle: '#eef0f2',
  panel: '#ffffff',
  sunken: '#f8f9fa',
  accent: '#5058c4',
  fontUi: 'system-ui, sans-serif',
  fontMono: 'monospace',
};
