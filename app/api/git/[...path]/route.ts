/**
 * Weft's git CORS proxy: browsers cannot speak git smart HTTP to hosts without CORS, so
 * isomorphic-git (with `corsProxy: '/api/git'`) sends `/api/git/<host>/<repo>/<endpoint>` here.
 * The rules (what may pass) live in lib/volumes/gitProxyRules; this file does the Node I/O:
 * DNS, a connection pinned to the checked addresses (no DNS rebinding between check and
 * connect), streamed bodies both ways, no redirects, size and idle-time limits.
 */
import { lookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable, Transform } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { WeftError } from '@/lib/core/errors';
import {
  downstreamResponseHeaders,
  MAX_PROXY_REQUESTS,
  PROXY_SAFETY_HEADERS,
  UPSTREAM_TOTAL_TIMEOUT_MS,
  proxyContentType,
  GIT_PROXY_ALLOW_ENV,
  type GitProxyRefusal,
  type GitProxyTarget,
  parseAllowList,
  parseProxyTarget,
  proxyRefused,
  refusalStatus,
  resolveProxyTarget,
  UPSTREAM_IDLE_TIMEOUT_MS,
  upstreamRequestHeaders,
} from '@/lib/volumes/gitProxyRules';
import { upstreamFailure } from '@/lib/volumes/gitProxyFailure';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface RouteContext {
  params: Promise<{ path: string[] }>;
}

export async function GET(request: Request, context: RouteContext): Promise<Response> {
  return proxy(request, context);
}
export const POST = GET;
// Exported so they are refused by the rules (403 with a reason), not answered by Next.
export const HEAD = GET;
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
export const OPTIONS = GET;

async function proxy(request: Request, context: RouteContext): Promise<Response> {
  const allow = parseAllowList(process.env[GIT_PROXY_ALLOW_ENV]);
  if (!allow.ok) return refusal(allow.error);
  const { path } = await context.params;
  const target = parseProxyTarget(path, new URL(request.url).search, request.method, allow.value);
  if (!target.ok) return refusal(target.error);

  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > target.value.maxBodyBytes) return refusal(tooLarge(target.value));

  if (inFlight >= MAX_PROXY_REQUESTS) {
    return refusal(proxyRefused('busy', `Weft's git proxy is handling ${MAX_PROXY_REQUESTS} transfers already. Wait a moment and sync again.`, { limit: MAX_PROXY_REQUESTS }));
  }
  const addresses = await resolveProxyTarget(target.value, lookupAll);
  if (!addresses.ok) return refusal(addresses.error);

  try {
    return await forward(request, target.value, addresses.value);
  } catch (error) {
    return refusal(upstreamFailure(target.value, error));
  }
}

/** Upstream connections open now (a response body streams on after the handler returns). */
let inFlight = 0;

async function lookupAll(hostname: string): Promise<readonly string[]> {
  return (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);
}

function forward(request: Request, target: GitProxyTarget, addresses: readonly string[]): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const url = new URL(target.url);
    const upstream = (url.protocol === 'https:' ? https : http).request(url, {
      method: request.method,
      headers: upstreamRequestHeaders(request.headers),
      ...(addresses.length > 0 ? { lookup: pinnedLookup(addresses) } : {}),
    });
    let uploaded = false;
    let pending: IncomingMessage | undefined; // a 200 waiting for the upload to finish
    const fail = (error: WeftError) => {
      pending?.destroy();
      upstream.destroy();
      reject(error);
    };
    inFlight++;
    const deadline = setTimeout(() => {
      pending?.destroy();
      upstream.destroy(new Error(`the transfer took longer than ${UPSTREAM_TOTAL_TIMEOUT_MS / 60_000} minutes`));
    }, UPSTREAM_TOTAL_TIMEOUT_MS);
    upstream.on('close', () => {
      inFlight--;
      clearTimeout(deadline);
    });
    upstream.setTimeout(UPSTREAM_IDLE_TIMEOUT_MS, () =>
      fail(proxyRefused('timeout', `${target.host} did not answer within ${UPSTREAM_IDLE_TIMEOUT_MS / 1000} s. Try again later.`, { host: target.host })),
    );
    upstream.on('error', (error) => reject(error));
    request.signal.addEventListener('abort', () => upstream.destroy(), { once: true });

    upstream.on('response', (res: IncomingMessage) => {
      const status = res.statusCode ?? 502;
      if (status >= 300 && status < 400) {
        res.resume();
        const location = res.headers.location ?? 'another address';
        fail(
          proxyRefused(
            'redirect',
            `${target.host} redirected to ${location}; Weft's git proxy does not follow redirects. Use the repository's final URL as the remote.`,
            { host: target.host, status, location },
          ),
        );
        return;
      }
      // Servers (git http-backend among them) answer 200 before reading the request body, so a
      // successful answer waits for the upload to finish: the size cap can still become a 413.
      if (status === 200 && !uploaded) {
        pending = res;
        return;
      }
      relay(res);
    });

    const relay = (res: IncomingMessage) => {
      const status = res.statusCode ?? 502;
      const headers = new Headers(downstreamResponseHeaders(Object.entries(res.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)] as const]))));
      headers.set('Content-Type', proxyContentType(target, status, res.headers['content-type']));
      for (const [name, value] of Object.entries(PROXY_SAFETY_HEADERS)) headers.set(name, value);
      const body = status === 204 || status === 304 ? null : (Readable.toWeb(res) as unknown as ReadableStream<Uint8Array>);
      resolve(new Response(body, { status, headers }));
    };

    upstream.on('finish', () => {
      uploaded = true;
      if (pending) relay(pending);
    });
    if (!request.body || target.kind === 'refs') {
      upstream.end();
      return;
    }
    let seen = 0;
    const cap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        seen += chunk.length;
        if (seen > target.maxBodyBytes) done(tooLarge(target));
        else done(null, chunk);
      },
    });
    cap.on('error', (error) => fail(WeftError.from(error)));
    Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>)
      .on('error', () => upstream.destroy())
      .pipe(cap)
      .pipe(upstream);
  });
}

/** Connects to exactly the addresses that passed the private-address check. */
function pinnedLookup(addresses: readonly string[]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  return (_hostname, options, callback) => {
    const usable = entries.filter((e) => !options.family || e.family === options.family);
    const first = usable[0];
    if (!first) {
      callback(Object.assign(new Error('no address of the requested family'), { code: 'ENOTFOUND' }), '', 0);
    } else if (options.all) {
      (callback as unknown as (err: null, all: typeof usable) => void)(null, usable);
    } else {
      callback(null, first.address, first.family);
    }
  };
}

function tooLarge(target: GitProxyTarget): WeftError {
  const mib = target.maxBodyBytes / (1024 * 1024);
  return proxyRefused(
    'too-large',
    `This ${target.service === 'git-receive-pack' ? 'push' : 'fetch'} sends more than ${mib} MiB, more than Weft's git proxy carries. Push smaller batches of commits, or push from a git client that reaches ${target.host} directly.`,
    { host: target.host, limit: target.maxBodyBytes },
  );
}

function refusal(error: WeftError): Response {
  const reason = (error.data.reason ?? 'upstream') as GitProxyRefusal;
  return new Response(`${error.message}\n`, {
    status: refusalStatus(reason),
    headers: {
      ...PROXY_SAFETY_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Weft-Error': error.code,
      'Cache-Control': 'no-store',
    },
  });
}
