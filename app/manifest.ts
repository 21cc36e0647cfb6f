import type { MetadataRoute } from 'next';

/**
 * The web app manifest (/manifest.webmanifest): Weft installs as a standalone app. Colours are the
 * light theme's chrome (app/globals.css `--bg-chrome`); the dark one is set per colour scheme by
 * the layout's `viewport.themeColor`, which a manifest cannot express. Icons: scripts/make-icons.mjs.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'Weft',
    short_name: 'Weft',
    description: 'A browser-native AI workbench: skills, workflows, agents and their traces, running on your own device — offline too.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#f5f6f8',
    background_color: '#f5f6f8',
    categories: ['developer', 'productivity', 'utilities'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
}
