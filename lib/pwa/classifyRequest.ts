/**
 * What the service worker does with a request: serve it from the precache, treat it as a page
 * navigation (network first, the cached page when offline), or leave it to the network untouched.
 */
import { NAVIGATION_FALLBACK, type PrecacheEntry } from './precacheManifest';

export type RequestRoute =
  | { readonly route: 'precached'; readonly entry: PrecacheEntry }
  | { readonly route: 'navigation' }
  | { readonly route: 'network' };

/** The parts of a `Request` the decision depends on. */
export interface RequestFacts {
  readonly url: string;
  readonly method: string;
  /** `request.mode`: 'navigate' for page loads. */
  readonly mode: string;
  /** Whether the request asks for a byte range (never answered from the precache). */
  readonly range?: boolean;
}

const NETWORK: RequestRoute = { route: 'network' };

/**
 * Routes a request. Only same-origin GETs are ever answered by the worker; `/api/` (the git
 * proxy) and every other origin (model providers, git remotes) always go to the network, so
 * offline they fail as network errors, which the app reports.
 * @example classifyRequest({ url: 'https://weft.app/api/git/x', method: 'GET', mode: 'cors' }, 'https://weft.app', precached) // { route: 'network' }
 */
export function classifyRequest(request: RequestFacts, origin: string, precached: ReadonlyMap<string, PrecacheEntry>): RequestRoute {
  if (request.method !== 'GET' || request.range) return NETWORK;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return NETWORK;
  }
  if (url.origin !== origin) return NETWORK;
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return NETWORK;
  // A runtime worker for skills with the `network` permission: its policy (which lets it connect
  // out) comes from the server; the precached copy has the other one.
  if (url.pathname.startsWith('/workers/') && url.searchParams.has('network')) return NETWORK;
  // The page itself is only a navigation fallback: `/?_rsc=…` and other fetches of `/` are the router's data.
  const entry = url.pathname === NAVIGATION_FALLBACK ? undefined : precached.get(url.pathname);
  if (entry) return { route: 'precached', entry };
  if (request.mode === 'navigate') return { route: 'navigation' };
  return NETWORK;
}
