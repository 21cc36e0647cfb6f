import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { THEME_SCRIPT } from '@/components/shell/theme';
import './globals.css';

export const metadata: Metadata = {
  title: 'Weft',
  description:
    'A browser-native AI workbench: skills, workflows, agents and their traces, running on your own device.',
  applicationName: 'Weft',
  // Setting `icons` replaces the one Next derives from app/icon.svg, so it is listed here too.
  // The web app manifest is app/manifest.ts; the PNGs come from scripts/make-icons.mjs.
  icons: {
    icon: [{ url: '/icon.svg', type: 'image/svg+xml', sizes: 'any' }],
    apple: [{ url: '/icons/apple-touch-icon.png', type: 'image/png', sizes: '180x180' }],
  },
  appleWebApp: { capable: true, title: 'Weft', statusBarStyle: 'default' },
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f5f6f8' },
    { media: '(prefers-color-scheme: dark)', color: '#111215' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // proxy.ts gives every page request a nonce for its Content-Security-Policy; reading it makes
  // the page render per request, which a nonce needs.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    // The theme script sets data-theme before React hydrates, hence suppressHydrationWarning.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
