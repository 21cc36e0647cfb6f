/**
 * Cache Storage names and keys the service worker uses. Every precache cache starts with
 * `PRECACHE_PREFIX`; other caches on the origin (the Python snapshots, wllama's models) are
 * never touched.
 */
import type { PrecacheEntry } from './precacheManifest';

export const PRECACHE_PREFIX = 'weft-precache-';

/** The cache holding one build's precache. */
export function precacheName(version: string): string {
  return `${PRECACHE_PREFIX}${version}`;
}

/** Whether `name` is a precache of another build (deleted when a new version activates). */
export function isObsoletePrecache(name: string, current: string): boolean {
  return name.startsWith(PRECACHE_PREFIX) && name !== current;
}

/**
 * The key an entry is stored under: its URL plus its revision, so a new build can copy an
 * unchanged file from the previous build's cache instead of downloading it again.
 * @example precacheKey({ url: '/pyodide/pyodide.asm.wasm', revision: 'ab12' }) // '/pyodide/pyodide.asm.wasm?__weft_rev=ab12'
 */
export function precacheKey(entry: PrecacheEntry): string {
  return `${entry.url}?__weft_rev=${entry.revision}`;
}
