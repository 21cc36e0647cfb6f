/**
 * The kernel worker's network rule in words: its Content-Security-Policy (csp.ts) lets it reach
 * the app, https servers and servers on this device. The browser's own refusal of anything else
 * is a bare "Failed to fetch"; `policedFetch` refuses first and says which rule and the way out.
 */
import { WeftError } from '../core';

/** Host names that are this device (the hosts of csp.ts's THIS_DEVICE). */
const DEVICE_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why the kernel's policy would refuse to connect to `url`, in words, or null when it allows it.
 * The browser's own refusal is a bare "Failed to fetch"; this names the rule and the way out.
 * @example connectionRefusal('http://192.168.1.5:11434/v1') // "Weft connects only to https servers and …"
 */
export function connectionRefusal(url: string, appOrigin?: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url, appOrigin);
  } catch {
    return null;
  }
  if (appOrigin !== undefined && parsed.origin === appOrigin) return null;
  if (parsed.protocol === 'https:' || parsed.protocol === 'data:' || parsed.protocol === 'blob:') return null;
  if (parsed.protocol === 'http:' && DEVICE_HOSTS.has(parsed.hostname)) return null;
  const port = parsed.port || (parsed.protocol === 'http:' ? '80' : '443');
  return (
    `Weft connects only to https servers and to servers on this device (http://localhost); ${parsed.origin} is neither. ` +
    `Serve it over https, or forward it to this device (ssh -L ${port}:${parsed.hostname}:${port} <a machine that reaches it>) and use http://localhost:${port}.`
  );
}

/**
 * `fetch`, refusing up front (with `NETWORK_POLICY`) what the kernel's policy would block, and,
 * while the device is offline, servers elsewhere (`LLM_UNREACHABLE`, saying so).
 * @example const fetch = policedFetch(globalThis.fetch, self.location.origin)
 */
export function policedFetch(fetch: typeof globalThis.fetch, appOrigin: string, online: () => boolean = () => true): typeof globalThis.fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const refusal = connectionRefusal(url, appOrigin);
    if (refusal !== null) return Promise.reject(new WeftError('NETWORK_POLICY', refusal, { url }));
    if (!online() && !onThisDevice(url, appOrigin)) {
      const origin = new URL(url, appOrigin).origin;
      return Promise.reject(new WeftError('LLM_UNREACHABLE', `You are offline: ${origin} needs the network. Models on this device (http://localhost…) and in this browser keep working.`, { url, offline: true }));
    }
    return fetch(input, init);
  };
}

function onThisDevice(url: string, appOrigin: string): boolean {
  const parsed = new URL(url, appOrigin);
  return parsed.origin === appOrigin || DEVICE_HOSTS.has(parsed.hostname) || parsed.protocol === 'data:' || parsed.protocol === 'blob:';
}
