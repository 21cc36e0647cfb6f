import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** `lib/` is pure TypeScript: it runs in Node tests and in workers, so no React, Next.js or DOM-only modules. */
const libRestrictions = {
  patterns: [
    { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'lib/ must not import React: it runs in Node and workers.' },
    { group: ['next', 'next/*'], message: 'lib/ must not import Next.js.' },
    { group: ['zustand', 'zustand/*', '@xyflow/*', 'three/examples/*'], message: 'UI libraries belong in components/, not lib/.' },
    { group: ['**/components/*', '**/app/*', '@/components/*', '@/app/*'], message: 'Dependencies point one way: app → components → lib.' },
  ],
};

export default tseslint.config(
  { ignores: ['.next/**', 'node_modules/**', 'public/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['lib/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', libRestrictions],
      // DOM-only globals: lib/ gets I/O injected instead.
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location', 'HTMLElement'],
    },
  },
  {
    files: ['workers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...libRestrictions.patterns] }],
      'no-restricted-globals': ['error', 'window', 'document'],
    },
  },
);
