/**
 * Sets the Content-Security-Policy of every page and worker script (lib/security/csp.ts). Pages
 * get a fresh nonce per request, passed to Next on the request headers so that its inline
 * scripts (and the theme script in app/layout.tsx) carry it.
 */
import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy, documentFor } from '@/lib/security/csp';

const dev = process.env.NODE_ENV === 'development';

function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const doc = documentFor(pathname, search, nonce);
  if (doc === null) return NextResponse.next();
  const policy = contentSecurityPolicy(doc, { dev });
  if (doc.kind !== 'page') {
    const response = NextResponse.next();
    response.headers.set('Content-Security-Policy', policy);
    return response;
  }
  const headers = new Headers(request.headers);
  headers.set('x-nonce', doc.nonce);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Everything but Next's own static files and the git proxy; `documentFor` sorts out the rest.
  matcher: [{ source: '/((?!_next/static|_next/image|api/).*)' }],
};
