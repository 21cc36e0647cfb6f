/**
 * A fake server for the service worker's tests: serves a fixed set of files with Weft's
 * cross-origin isolation headers, can be switched offline, and records every request.
 */
import type { FetchLike } from './cacheStorage';

export interface FakeFile {
  readonly body: string;
  readonly status?: number;
  readonly contentType?: string;
}

export interface FakeNetwork {
  readonly fetch: FetchLike;
  /** Every request as `url` (path and query) with its `cache` mode. */
  readonly requests: { url: string; cache: RequestCache | undefined }[];
  offline: boolean;
  /** Paths whose requests fail with a network error even when online. */
  readonly broken: Set<string>;
  /** Most requests in flight at once so far. */
  readonly peak: () => number;
}

export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

export function fakeNetwork(origin: string, files: Record<string, FakeFile>): FakeNetwork {
  let inFlight = 0;
  let peak = 0;
  const network: FakeNetwork = {
    requests: [],
    offline: false,
    broken: new Set(),
    peak: () => peak,
    fetch: async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input.url);
      network.requests.push({ url: url.pathname + url.search, cache: init?.cache ?? (typeof input === 'string' ? undefined : input.cache) });
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (network.offline || network.broken.has(url.pathname) || url.origin !== origin) throw new TypeError('Failed to fetch');
        const file = files[url.pathname];
        if (!file) return new Response('not found', { status: 404, headers: ISOLATION_HEADERS });
        return new Response(file.body, {
          status: file.status ?? 200,
          headers: { ...ISOLATION_HEADERS, 'Content-Type': file.contentType ?? 'text/javascript' },
        });
      } finally {
        inFlight--;
      }
    },
  };
  return network;
}
