/**
 * Messages between the page and the service worker, as plain data.
 *   page → worker: `SKIP_WAITING` (the user chose "Reload" for a new version), `GET_STATUS`
 *   (answered on the transferred port with `PRECACHE_STATUS`).
 *   worker → pages: `PRECACHE_DONE` once an install has filled its cache.
 */
import type { InstallReport } from './installPrecache';

export type ToServiceWorker = { readonly type: 'SKIP_WAITING' } | { readonly type: 'GET_STATUS' };

/** Whether this worker's cache holds every precache entry. */
export interface PrecacheStatus {
  readonly version: string;
  readonly total: number;
  /** URLs not in the cache (still failing after a refill attempt). */
  readonly missing: readonly string[];
  readonly complete: boolean;
}

export type FromServiceWorker =
  | { readonly type: 'PRECACHE_DONE'; readonly report: InstallReport }
  | { readonly type: 'PRECACHE_STATUS'; readonly status: PrecacheStatus };

/** Narrows a message the worker received. */
export function isToServiceWorker(data: unknown): data is ToServiceWorker {
  if (typeof data !== 'object' || data === null) return false;
  const type = (data as { type?: unknown }).type;
  return type === 'SKIP_WAITING' || type === 'GET_STATUS';
}

/** Narrows a message the page received. */
export function isFromServiceWorker(data: unknown): data is FromServiceWorker {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as { type?: unknown; report?: unknown; status?: unknown };
  if (message.type === 'PRECACHE_DONE') return typeof message.report === 'object' && message.report !== null;
  if (message.type === 'PRECACHE_STATUS') {
    const status = message.status as Partial<PrecacheStatus> | null | undefined;
    return typeof status === 'object' && status !== null && typeof status.complete === 'boolean' && Array.isArray(status.missing);
  }
  return false;
}
