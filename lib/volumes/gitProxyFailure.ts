/** What Weft's git proxy says when it got no answer from upstream (pure: the route passes the error in). */
import { WeftError } from '../core/errors';
import { type GitProxyTarget, proxyRefused } from './gitProxyRules';

/**
 * What the proxy answers when its connection upstream failed before any answer came. A refused
 * connection means the host is there but nothing listens on the port: it says so, naming both;
 * other failures keep the system's own words.
 * @example upstreamFailure(target, { code: 'ECONNREFUSED' }).message // 'Nothing answered at 127.0.0.1:8174 …'
 */
export function upstreamFailure(target: GitProxyTarget, error: unknown): WeftError {
  if (error instanceof WeftError) return error;
  const e = error as { code?: string; message?: string };
  if (e.code === 'ECONNREFUSED') {
    const url = new URL(target.url);
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    const where = `${url.hostname}:${port}`;
    return proxyRefused(
      'upstream',
      `Nothing answered at ${where}: the connection was refused, so no git server is listening on that port. Check that the server is running and that the remote URL names the right host and port (reported by Weft's git proxy).`,
      { host: target.host, port: Number(port), cause: 'ECONNREFUSED' },
    );
  }
  return proxyRefused('upstream', `Weft's git proxy could not reach ${target.host}: ${e.message ?? String(error)}. Check the remote URL and try again.`, { host: target.host });
}
