/** Turns what isomorphic-git and the network throw into errors that say what to check. */
import { WeftError } from '../core';

export function remoteError(error: unknown, url: string): WeftError {
  if (error instanceof WeftError) return error;
  const e = error as { code?: string; message?: string; data?: { statusCode?: number; response?: string; reason?: string } };
  const status = e.data?.statusCode;
  const host = safeHost(url);
  const body = e.data?.response ?? '';
  if (status === 403 && body.includes("Weft's git proxy")) {
    return new WeftError('GIT_PROXY_REFUSED', body.trim(), { url, status });
  }
  if (status === 401 || status === 403 || e.code === 'UserCanceledError') {
    return new WeftError('REMOTE_AUTH', `${host} refused the credentials. Check the access token for this remote (it needs read and write access to the repository).`, { url, status });
  }
  if (status === 404 || /not found|does not appear to be a git repository/i.test(body)) {
    return new WeftError('REMOTE_NOT_FOUND', `There is no git repository at ${url}. Check the URL (it usually ends in .git) and that the repository exists.`, { url, status });
  }
  if (e.code === 'PushRejectedError') {
    return new WeftError('REMOTE_REJECTED', `${host} rejected the push (${e.data?.reason ?? 'not a fast-forward'}). Sync again to merge its new commits first.`, { url, reason: e.data?.reason });
  }
  if (status !== undefined && status >= 500 && body.includes("Weft's git proxy")) {
    // The proxy's own answer (it got none from the remote), not the remote's: say what it said.
    const code = /^Nothing answered at /.test(body) ? 'REMOTE_UNREACHABLE' : 'SYNC_FAILED';
    return new WeftError(code, body.trim(), { url, status, via: 'proxy' });
  }
  if (status !== undefined) {
    return new WeftError('SYNC_FAILED', `${host} answered HTTP ${status} during sync. Try again later; if it persists, check the remote's status.`, { url, status });
  }
  if (e instanceof TypeError || /fetch failed|Failed to fetch|ECONNREFUSED|ENOTFOUND|NetworkError|network/i.test(e.message ?? '')) {
    return new WeftError('REMOTE_UNREACHABLE', `Could not reach ${host}. Check your connection and the remote URL; a remote that does not allow browser (CORS) requests must go through Weft's git proxy.`, { url, cause: e.message });
  }
  return new WeftError('SYNC_FAILED', `Sync with ${host} failed: ${e.message ?? String(error)}.`, { url, code: e.code });
}

/** Checks a remote URL: only http(s) without embedded credentials (tokens go in the token field). */
export function checkRemoteUrl(url: unknown): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    throw new WeftError('REMOTE_URL_INVALID', `${JSON.stringify(url)} is not a URL. Give the repository's https address, like https://example.org/team/skills.git.`, { url });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new WeftError('REMOTE_URL_INVALID', `${parsed.protocol.replace(':', '')} remotes are not supported: Weft syncs over http(s) only. Use the repository's https address.`, { url });
  }
  if (parsed.username || parsed.password) {
    throw new WeftError('REMOTE_URL_INVALID', 'The remote URL contains credentials. Remove them from the URL and put the token in the token field, which stays in this browser.', { url: `${parsed.protocol}//${parsed.host}${parsed.pathname}` });
  }
  return parsed.toString().replace(/\/$/, '');
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
