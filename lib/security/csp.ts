/**
 * Weft's Content-Security-Policy, one per kind of document: the page, the kernel worker, the
 * runtime workers (with and without the `network` permission) and the service worker. Each is a
 * pure function of what that document needs, so `proxy.ts` only picks one per request.
 *
 * The page is strict: scripts only from the app (Next's inline scripts carry the request's nonce)
 * plus `'wasm-unsafe-eval'`, and it connects only to the app itself. Model providers and git
 * remotes are reached from workers, never from the page: git goes through the app's own proxy
 * (`/api/git`), and model calls leave the kernel worker, whose policy allows https servers and
 * servers on this device (providers are configured at run time, so the server cannot list them;
 * `policedFetch` in networkPolicy.ts turns a refused address into a sentence before the browser blocks it).
 * Runtime workers compile skill code, so they alone have `'unsafe-eval'`; without the `network`
 * permission they reach nothing but the app.
 */

export type CspDocument =
  | { readonly kind: 'page'; readonly nonce: string }
  | { readonly kind: 'kernel' }
  | { readonly kind: 'runtime'; readonly runtime: string; readonly network: boolean }
  | { readonly kind: 'service-worker' };

export interface CspOptions {
  /** `next dev`: React's dev build evaluates code and hot reload uses a web socket. */
  readonly dev?: boolean;
}

/** Servers on this device, on any port: local model servers (Ollama, LM Studio, llama.cpp, vLLM). */
export const THIS_DEVICE = ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'] as const;
/** Where Pyodide fetches packages that are not bundled (only when online). */
export const PYODIDE_PACKAGES = 'https://cdn.jsdelivr.net';

type Directives = Record<string, readonly string[]>;

function serialize(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => (sources.length === 0 ? name : `${name} ${sources.join(' ')}`))
    .join('; ');
}

const LOCKED: Directives = { 'object-src': ["'none'"], 'base-uri': ["'none'"] };

/**
 * The policy for one document.
 * @example contentSecurityPolicy({ kind: 'runtime', runtime: 'javascript', network: false }) // "default-src 'none'; script-src 'self' 'unsafe-eval' …"
 */
export function contentSecurityPolicy(doc: CspDocument, options: CspOptions = {}): string {
  const dev = options.dev === true;
  switch (doc.kind) {
    case 'page':
      return serialize({
        'default-src': ["'self'"],
        'script-src': ["'self'", `'nonce-${doc.nonce}'`, "'wasm-unsafe-eval'", ...(dev ? ["'unsafe-eval'"] : [])],
        // React Flow and CodeMirror set style attributes and inject style sheets.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'", 'data:', 'blob:', ...(dev ? ['ws:'] : [])],
        'worker-src': ["'self'"],
        'manifest-src': ["'self'"],
        'frame-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        ...LOCKED,
      });
    case 'kernel':
      return serialize({
        'default-src': ["'none'"],
        // The in-browser model (wllama) is imported from the app and starts its own blob: workers.
        'script-src': ["'self'", "'wasm-unsafe-eval'", 'blob:'],
        'worker-src': ["'self'", 'blob:'],
        'connect-src': ["'self'", 'data:', 'blob:', 'https:', ...THIS_DEVICE],
        ...LOCKED,
      });
    case 'runtime':
      return serialize({
        'default-src': ["'none'"],
        // Skill code is compiled in the worker (JavaScript with `new Function`, Pyodide's glue).
        'script-src': ["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'", 'blob:'],
        // TensorFlow.js's threaded WebAssembly starts blob: workers.
        'worker-src': ["'self'", 'blob:'],
        'connect-src': [
          "'self'",
          'data:',
          'blob:',
          ...(doc.runtime === 'python' ? [PYODIDE_PACKAGES] : []),
          ...(doc.network ? ['https:', ...THIS_DEVICE] : []),
        ],
        ...LOCKED,
      });
    case 'service-worker':
      return serialize({ 'default-src': ["'none'"], 'script-src': ["'self'"], 'connect-src': ["'self'"], ...LOCKED });
  }
}

/**
 * Which policy a request for `pathname?search` gets, or null when it is not a document (styles,
 * chunks, images, the API): only pages and worker scripts are governed by their own policy.
 * @example documentFor('/workers/python.js', '?network=1') // { kind: 'runtime', runtime: 'python', network: true }
 */
export function documentFor(pathname: string, search: string, nonce: () => string): CspDocument | null {
  if (pathname === '/sw.js') return { kind: 'service-worker' };
  const worker = /^\/workers\/([a-z0-9-]+)\.js$/.exec(pathname);
  if (worker) {
    const name = worker[1]!;
    if (name === 'kernel') return { kind: 'kernel' };
    return { kind: 'runtime', runtime: name, network: new URLSearchParams(search).get('network') === '1' };
  }
  if (pathname.startsWith('/_next/') || pathname.startsWith('/api/') || /\.[a-z0-9]+$/i.test(pathname)) return null;
  return { kind: 'page', nonce: nonce() };
}
