/**
 * What Weft's git CORS proxy (`app/api/git/[...path]`) lets through, as pure functions: only
 * git smart-HTTP requests, only to public hosts (or origins a developer allow-listed), with
 * only the headers git needs. Network I/O (DNS) is injected, so this runs and tests anywhere.
 *
 * isomorphic-git calls the proxy as `${corsProxy}/${url without scheme}`, so the scheme is
 * lost on the way: targets are https unless their origin is allow-listed with another scheme.
 */
import { WeftError } from '../core/errors';
import { err, ok, type Result } from '../core/result';

export type GitService = 'git-upload-pack' | 'git-receive-pack';

/** A request the proxy may forward. */
export interface GitProxyTarget {
  /** The upstream URL, scheme included. */
  readonly url: string;
  readonly service: GitService;
  /** `refs`: GET …/info/refs?service=…; `rpc`: POST …/git-upload-pack or …/git-receive-pack. */
  readonly kind: 'refs' | 'rpc';
  /** `host[:port]` as in a URL (IPv6 in brackets). */
  readonly host: string;
  /** The host without port or brackets, for DNS and address checks. */
  readonly hostname: string;
  /** True when the origin is listed in WEFT_GIT_PROXY_ALLOW (private addresses allowed, scheme from the list). */
  readonly allowListed: boolean;
  /** The largest request body allowed (0 for GET). */
  readonly maxBodyBytes: number;
}

/** Why a request was refused; the route maps it to an HTTP status with `refusalStatus`. */
export type GitProxyRefusal =
  | 'method'
  | 'path'
  | 'host'
  | 'private-address'
  | 'allow-list-invalid'
  | 'dns'
  | 'too-large'
  | 'redirect'
  | 'upstream'
  | 'timeout'
  | 'busy';

/** Resolves a hostname to every address it has (node:dns `lookup(name, { all: true })` in production). */
export type HostLookup = (hostname: string) => Promise<readonly string[]>;

export const GIT_PROXY_ALLOW_ENV = 'WEFT_GIT_PROXY_ALLOW';
export const MAX_UPLOAD_PACK_BODY = 10 * 1024 * 1024;
export const MAX_RECEIVE_PACK_BODY = 100 * 1024 * 1024;
/** Upstream silence (no bytes either way) after which the proxy gives up. */
export const UPSTREAM_IDLE_TIMEOUT_MS = 60_000;
/** However busy the transfer, one proxied request ends after this long. */
export const UPSTREAM_TOTAL_TIMEOUT_MS = 10 * 60_000;
/** Proxied requests open at once, across every client; more are answered 429. */
export const MAX_PROXY_REQUESTS = 16;

const SERVICES: readonly GitService[] = ['git-upload-pack', 'git-receive-pack'];
const PROXY_INFO = "Only git smart-HTTP requests can go through Weft's git proxy";

export function proxyRefused(reason: GitProxyRefusal, message: string, data: Record<string, unknown> = {}): WeftError {
  return new WeftError('GIT_PROXY_REFUSED', message, { reason, ...data });
}

/** The HTTP status the proxy answers for a refusal. */
export function refusalStatus(reason: GitProxyRefusal): number {
  switch (reason) {
    case 'too-large':
      return 413;
    case 'allow-list-invalid':
      return 500;
    case 'dns':
    case 'redirect':
    case 'upstream':
      return 502;
    case 'timeout':
      return 504;
    case 'busy':
      return 429;
    case 'method':
    case 'path':
    case 'host':
    case 'private-address':
      return 403;
  }
}

/**
 * Reads WEFT_GIT_PROXY_ALLOW (comma-separated origins) into normalised origins.
 * @example parseAllowList('http://127.0.0.1:8174, https://git.corp.example') // ok(['http://127.0.0.1:8174', 'https://git.corp.example'])
 */
export function parseAllowList(value: string | undefined): Result<readonly string[], WeftError> {
  const origins: string[] = [];
  for (const entry of (value ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const url = tryUrl(entry);
    const bare = url && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    if (!url || !bare || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      return err(
        proxyRefused(
          'allow-list-invalid',
          `${GIT_PROXY_ALLOW_ENV} has an invalid entry ${JSON.stringify(entry)}: list origins only, like http://127.0.0.1:8174 or https://git.corp.example, separated by commas.`,
          { entry },
        ),
      );
    }
    origins.push(url.origin);
  }
  return ok(origins);
}

/**
 * Checks a proxied request (`/api/git/<host>/<repo…>/<endpoint>`) and names its upstream URL.
 * Refuses anything but smart-HTTP, and private or loopback IP literals unless allow-listed;
 * hostnames still need `resolveProxyTarget` before connecting.
 * @example parseProxyTarget(['github.com', 'o', 'r.git', 'info', 'refs'], '?service=git-upload-pack', 'GET', [])
 */
export function parseProxyTarget(
  pathSegments: readonly string[],
  search: string,
  method: string,
  allow: readonly string[],
): Result<GitProxyTarget, WeftError> {
  const [hostSegment = '', ...rest] = pathSegments;
  const shown = `/${pathSegments.join('/')}${search}`;
  const notGit = (why: string) =>
    err(proxyRefused('path', `${PROXY_INFO}: ${shown} ${why}. The proxy takes …/info/refs?service=git-upload-pack|git-receive-pack (GET) and …/git-upload-pack or …/git-receive-pack (POST).`, { path: shown }));

  const verb = method.toUpperCase();
  if (verb !== 'GET' && verb !== 'POST') {
    return err(proxyRefused('method', `${PROXY_INFO}: ${verb} is not one of them (GET …/info/refs, POST …/git-upload-pack or …/git-receive-pack).`, { method: verb }));
  }
  if (rest.some((s) => !isSafeSegment(s))) return notGit('has an empty, dot or escaped path segment');

  let service: GitService;
  let kind: 'refs' | 'rpc';
  let repo: readonly string[];
  if (verb === 'GET') {
    const params = new URLSearchParams(search);
    const requested = params.get('service') ?? '';
    if (rest.length < 3 || rest.at(-2) !== 'info' || rest.at(-1) !== 'refs') return notGit('is not a …/info/refs request');
    if ([...params.keys()].length !== 1 || !isService(requested)) return notGit('must ask for ?service=git-upload-pack or ?service=git-receive-pack');
    service = requested;
    kind = 'refs';
    repo = rest.slice(0, -2);
  } else {
    const last = rest.at(-1) ?? '';
    if (rest.length < 2 || !isService(last)) return notGit('is not a git-upload-pack or git-receive-pack request');
    if (search !== '' && search !== '?') return notGit('must not carry a query string');
    service = last;
    kind = 'rpc';
    repo = rest.slice(0, -1);
  }

  const host = parseHost(hostSegment);
  if (!host) {
    return err(proxyRefused('host', `${JSON.stringify(hostSegment)} is not a host name Weft's git proxy can reach: give a remote URL like https://example.org/team/skills.git.`, { host: hostSegment }));
  }
  const listed = allow.find((origin) => sameOrigin(origin, host.host));
  const scheme = listed ? new URL(listed).protocol : 'https:';
  if (!listed && isLocalHostname(host.hostname)) {
    return err(
      proxyRefused(
        'private-address',
        `${host.host} is a private address; Weft's git proxy only reaches public hosts. To allow it for development set ${GIT_PROXY_ALLOW_ENV}=http://${host.host}`,
        { host: host.host },
      ),
    );
  }
  const path = [...repo, ...(kind === 'refs' ? ['info', 'refs'] : [service])].map(encodeURIComponent).join('/');
  return ok({
    url: `${scheme}//${host.host}/${path}${kind === 'refs' ? `?service=${service}` : ''}`,
    service,
    kind,
    host: host.host,
    hostname: host.hostname,
    allowListed: listed !== undefined,
    maxBodyBytes: kind === 'refs' ? 0 : service === 'git-receive-pack' ? MAX_RECEIVE_PACK_BODY : MAX_UPLOAD_PACK_BODY,
  });
}

/**
 * Resolves a target's hostname and refuses it if any address is private (DNS can point a
 * public-looking name at an internal machine). Returns the addresses to connect to, so the
 * connection uses exactly what was checked; empty when the system resolver may be used
 * (allow-listed hostnames).
 */
export async function resolveProxyTarget(target: GitProxyTarget, lookup: HostLookup): Promise<Result<readonly string[], WeftError>> {
  if (isIpLiteral(target.hostname)) return ok([target.hostname]);
  if (target.allowListed) return ok([]);
  let addresses: readonly string[];
  try {
    addresses = await lookup(target.hostname);
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    return err(proxyRefused('dns', `Weft's git proxy could not find ${target.hostname} (${cause}). Check the remote URL's host name.`, { host: target.host, cause }));
  }
  if (addresses.length === 0) {
    return err(proxyRefused('dns', `Weft's git proxy could not find ${target.hostname}: it has no addresses. Check the remote URL's host name.`, { host: target.host }));
  }
  const inside = addresses.find(isPrivateAddress);
  if (inside !== undefined) {
    return err(
      proxyRefused(
        'private-address',
        `${target.hostname} resolves to the private address ${inside}; Weft's git proxy only reaches public hosts. To allow it for development set ${GIT_PROXY_ALLOW_ENV}=https://${target.host}`,
        { host: target.host, address: inside },
      ),
    );
  }
  return ok(addresses);
}

const FORWARDED_REQUEST_HEADERS = ['authorization', 'content-type', 'content-length', 'accept', 'git-protocol', 'content-encoding'];
// Never content-type: a hostile host could declare text/html and have its page run in Weft's origin.
const RETURNED_RESPONSE_HEADERS = ['content-encoding', 'cache-control', 'expires', 'pragma', 'etag', 'last-modified'];

/**
 * Headers every proxy response carries, refusals included: nothing it returns can be rendered
 * as a page of Weft's origin (sandboxed, downloaded, not sniffed).
 */
export const PROXY_SAFETY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "sandbox; default-src 'none'",
  'Content-Disposition': 'attachment',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * The Content-Type the proxy answers with: git's own type for a successful smart-HTTP answer
 * (only when upstream declared exactly that), plain text for errors, bytes otherwise.
 */
export function proxyContentType(target: Pick<GitProxyTarget, 'kind' | 'service'>, status: number, upstream: string | undefined): string {
  if (status < 200 || status >= 300) return 'text/plain; charset=utf-8';
  const expected = `application/x-${target.service}-${target.kind === 'refs' ? 'advertisement' : 'result'}`;
  return upstream?.split(';')[0]?.trim().toLowerCase() === expected ? expected : 'application/octet-stream';
}

/**
 * The request headers the proxy sends upstream: what git needs, nothing else (no cookies).
 * The User-Agent starts with `git/` because some hosts (GitHub) only speak smart HTTP to git.
 */
export function upstreamRequestHeaders(headers: Iterable<readonly [string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  let agent = '';
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    if (FORWARDED_REQUEST_HEADERS.includes(key)) out[key] = value;
    if (key === 'user-agent') agent = value;
  }
  out['user-agent'] = agent.startsWith('git/') ? agent : 'git/weft-git-proxy';
  return out;
}

/**
 * The upstream response headers the proxy passes back. Never `WWW-Authenticate` (it would pop
 * the browser's own login dialog; isomorphic-git asks through onAuth on a bare 401), cookies or
 * `Location`.
 */
export function downstreamResponseHeaders(headers: Iterable<readonly [string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    if (RETURNED_RESPONSE_HEADERS.includes(key)) out[key] = value;
  }
  return out;
}

/** True for IPv4 / IPv6 literals (brackets allowed). */
export function isIpLiteral(host: string): boolean {
  return parseIpv4(host) !== undefined || parseIpv6(stripBrackets(host)) !== undefined;
}

/**
 * True unless `ip` is a publicly routable unicast address: loopback, private, link-local,
 * unique-local, CGNAT, multicast, documentation, reserved, and v6 forms embedding such an
 * IPv4 address (mapped, NAT64, 6to4) are all private. Anything unparseable counts as private.
 */
export function isPrivateAddress(ip: string): boolean {
  const v4 = parseIpv4(ip);
  if (v4) return isPrivateIpv4(v4);
  const v6 = parseIpv6(stripBrackets(ip));
  if (!v6) return true;
  return isPrivateIpv6(v6);
}

function isPrivateIpv4([a, b, c]: readonly number[]): boolean {
  if (a === undefined || b === undefined || c === undefined) return true;
  return (
    a === 0 || // "this network"
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // CGNAT
    (a === 169 && b === 254) || // link-local
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) || // IETF assignments, TEST-NET-1
    (a === 192 && b === 88 && c === 99) || // 6to4 relay anycast
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    (a === 198 && b === 51 && c === 100) || // TEST-NET-2
    (a === 203 && b === 0 && c === 113) || // TEST-NET-3
    a >= 224 // multicast, reserved, broadcast
  );
}

function isPrivateIpv6(g: readonly number[]): boolean {
  const at = (i: number) => g[i] ?? 0;
  const embedded = (hi: number, lo: number) => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && at(5) === 0xffff) return isPrivateIpv4(embedded(at(6), at(7))); // ::ffff:a.b.c.d
  if (at(0) === 0x64 && at(1) === 0xff9b && zeros(2, 6)) return isPrivateIpv4(embedded(at(6), at(7))); // NAT64
  if (at(0) === 0x2002) return isPrivateIpv4(embedded(at(1), at(2))); // 6to4
  // Global unicast is 2000::/3; everything else (::, ::1, fc00::/7, fe80::/10, ff00::/8, …) is not public.
  if ((at(0) & 0xe000) !== 0x2000) return true;
  return (
    (at(0) === 0x2001 && at(1) === 0) || // Teredo
    (at(0) === 0x2001 && at(1) === 0xdb8) || // documentation
    (at(0) === 0x2001 && at(1) === 0x2 && at(2) === 0) || // benchmarking
    (at(0) & 0xfff0) === 0x3ff0 // 3fff::/20 documentation
  );
}

function parseIpv4(s: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.every((n) => n <= 255) ? parts : undefined;
}

/** Eight 16-bit groups, or undefined. Accepts `::` compression, a zone id and a dotted IPv4 tail. */
function parseIpv6(input: string): number[] | undefined {
  const s = input.replace(/%[\w.-]+$/, '');
  if (!/^[0-9a-fA-F:.]+$/.test(s) || !s.includes(':')) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (const [i, piece] of pieces.entries()) {
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (!v4) return undefined;
        out.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        out.push(parseInt(piece, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...new Array<number>(missing).fill(0), ...tail] : undefined;
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** `localhost` names and private IP literals: refused without asking DNS. */
function isLocalHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  return isIpLiteral(name) && isPrivateAddress(name);
}

/** Parses the host segment the way a browser would (so `0x7f.1` is 127.0.0.1); refuses userinfo, paths and the like. */
function parseHost(segment: string): { host: string; hostname: string } | undefined {
  if (segment === '' || /[@/\\?#\s%]/.test(segment)) return undefined;
  const url = tryUrl(`https://${segment}/`);
  if (!url || url.pathname !== '/' || url.username || url.password) return undefined;
  return { host: url.host, hostname: stripBrackets(url.hostname) };
}

function sameOrigin(origin: string, host: string): boolean {
  const listed = tryUrl(origin);
  return listed !== undefined && tryUrl(`${listed.protocol}//${host}/`)?.host === listed.host;
}

function isSafeSegment(segment: string): boolean {
  if (segment === '' || segment === '.' || segment === '..' || /[/\\?#]/.test(segment)) return false;
  return ![...segment].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
}

function isService(value: string): value is GitService {
  return (SERVICES as readonly string[]).includes(value);
}

function tryUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
