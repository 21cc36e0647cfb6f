/**
 * The precache manifest: every URL the service worker keeps for offline use, each with a hash of
 * its bytes (its revision). Built at build time by scripts/build-sw.mjs and inlined into
 * public/sw.js; the version is a hash of the whole list, so a new build is a new cache.
 */
import { canonicalJson, sha256Hex, WeftError } from '../core';

/** One file kept for offline use: where it is served and a hash of its content. */
export interface PrecacheEntry {
  /** A same-origin path, normalised as a browser would request it (`/_next/static/chunks/a.js`). */
  readonly url: string;
  /** A hash of the file's bytes; a changed file is fetched again, an unchanged one is reused. */
  readonly revision: string;
}

export interface PrecacheManifest {
  /** Short hash of every entry; names the cache (`weft-precache-<version>`). */
  readonly version: string;
  /** Sorted by URL, one entry per URL. */
  readonly entries: readonly PrecacheEntry[];
}

/** The page the service worker serves for any navigation while offline. */
export const NAVIGATION_FALLBACK = '/';

const BASE = 'https://weft.invalid';

/**
 * Whether a built file belongs in the precache: never source maps, never dotfiles.
 * @example isPrecacheable('chunks/a.js.map') // false
 */
export function isPrecacheable(relativePath: string): boolean {
  const name = relativePath.split('/').pop() ?? '';
  return name !== '' && !name.startsWith('.') && !name.endsWith('.map');
}

/**
 * The path a file under `prefix` is served at, normalised the way the browser's URL parser
 * writes `request.url` (so it compares equal to what the service worker sees).
 * @example servedUrl('/_next/static', 'chunks/a b.js') // '/_next/static/chunks/a%20b.js'
 */
export function servedUrl(prefix: string, relativePath: string): string {
  const joined = `${prefix.replace(/\/+$/, '')}/${relativePath.replace(/^\/+/, '')}`;
  return normalisePath(joined);
}

/** A path as the URL parser writes it (`/a b` → `/a%20b`), without query or fragment. */
export function normalisePath(path: string): string {
  return new URL(path, BASE).pathname;
}

/**
 * Sorts and checks the entries and derives the version from them.
 * @example await buildPrecacheManifest([{ url: '/', revision: 'ab12' }]) // { version: '…16 hex…', entries: [...] }
 */
export async function buildPrecacheManifest(entries: Iterable<PrecacheEntry>): Promise<PrecacheManifest> {
  const byUrl = new Map<string, PrecacheEntry>();
  for (const entry of entries) {
    const problem = entryProblem(entry);
    if (problem) throw new WeftError('PRECACHE_INVALID', `Precache entry ${JSON.stringify(entry.url)} ${problem}.`, { url: entry.url });
    const previous = byUrl.get(entry.url);
    if (previous && previous.revision !== entry.revision) {
      throw new WeftError('PRECACHE_INVALID', `Precache entry ${entry.url} is listed twice with different revisions.`, {
        url: entry.url,
        revisions: [previous.revision, entry.revision],
      });
    }
    byUrl.set(entry.url, { url: entry.url, revision: entry.revision });
  }
  const sorted = [...byUrl.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const version = (await sha256Hex(canonicalJson(sorted))).slice(0, 16);
  return { version, entries: sorted };
}

function entryProblem(entry: PrecacheEntry): string | null {
  if (typeof entry.url !== 'string' || !entry.url.startsWith('/') || entry.url.startsWith('//')) return 'is not a same-origin path';
  if (normalisePath(entry.url) !== entry.url) return `is not normalised (the browser requests ${normalisePath(entry.url)})`;
  if (!isPrecacheable(entry.url) && entry.url !== NAVIGATION_FALLBACK) return 'is a source map or a dotfile';
  if (typeof entry.revision !== 'string' || !/^[A-Za-z0-9_-]+$/.test(entry.revision)) return 'has no usable revision';
  return null;
}
