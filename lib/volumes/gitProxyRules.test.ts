import { describe, expect, it } from 'vitest';
import {
  downstreamResponseHeaders,
  proxyContentType,
  type GitProxyTarget,
  isPrivateAddress,
  MAX_RECEIVE_PACK_BODY,
  MAX_UPLOAD_PACK_BODY,
  parseAllowList,
  parseProxyTarget,
  refusalStatus,
  resolveProxyTarget,
  upstreamRequestHeaders,
} from './gitProxyRules';
import { upstreamFailure } from './gitProxyFailure';

/** `/api/git/<path>` as the route sees it: decoded segments plus the query string. */
function parse(path: string, method = 'GET', allow: readonly string[] = []) {
  const [pathname = '', query] = path.split('?');
  return parseProxyTarget(pathname.split('/'), query === undefined ? '' : `?${query}`, method, allow);
}

function target(path: string, method = 'GET', allow: readonly string[] = []): GitProxyTarget {
  const result = parse(path, method, allow);
  if (!result.ok) throw new Error(`expected ok, got ${result.error.message}`);
  return result.value;
}

function refusal(path: string, method = 'GET', allow: readonly string[] = []) {
  const result = parse(path, method, allow);
  if (result.ok) throw new Error(`expected a refusal for ${method} ${path}, got ${result.value.url}`);
  expect(result.error.code).toBe('GIT_PROXY_REFUSED');
  return { reason: result.error.data.reason, message: result.error.message };
}

describe('parseProxyTarget: what passes', () => {
  it('forwards the ref advertisement of a public repo over https', () => {
    expect(target('github.com/ada/skills.git/info/refs?service=git-upload-pack')).toEqual({
      url: 'https://github.com/ada/skills.git/info/refs?service=git-upload-pack',
      service: 'git-upload-pack',
      kind: 'refs',
      host: 'github.com',
      hostname: 'github.com',
      allowListed: false,
      maxBodyBytes: 0,
    });
    expect(target('gitlab.com/g/sub/r/info/refs?service=git-receive-pack').service).toBe('git-receive-pack');
  });

  it('forwards upload-pack and receive-pack RPCs with their body limits', () => {
    const fetch = target('github.com/ada/skills.git/git-upload-pack', 'POST');
    expect(fetch).toMatchObject({ url: 'https://github.com/ada/skills.git/git-upload-pack', kind: 'rpc', maxBodyBytes: MAX_UPLOAD_PACK_BODY });
    const push = target('github.com/ada/skills.git/git-receive-pack', 'post');
    expect(push).toMatchObject({ service: 'git-receive-pack', kind: 'rpc', maxBodyBytes: MAX_RECEIVE_PACK_BODY });
  });

  it('keeps an explicit port and lowercases the host', () => {
    expect(target('Git.Example.org:8443/r.git/info/refs?service=git-upload-pack').url).toBe(
      'https://git.example.org:8443/r.git/info/refs?service=git-upload-pack',
    );
  });

  it('re-encodes repo path segments', () => {
    expect(target('example.org/my repo/r.git/git-upload-pack', 'POST').url).toBe('https://example.org/my%20repo/r.git/git-upload-pack');
  });

  it('reaches an allow-listed private origin with the scheme given in the list', () => {
    const allow = ['http://127.0.0.1:8174', 'https://git.corp.example'];
    expect(target('127.0.0.1:8174/team.git/info/refs?service=git-upload-pack', 'GET', allow)).toMatchObject({
      url: 'http://127.0.0.1:8174/team.git/info/refs?service=git-upload-pack',
      allowListed: true,
    });
    expect(target('git.corp.example/t.git/git-receive-pack', 'POST', allow).url).toBe('https://git.corp.example/t.git/git-receive-pack');
    expect(target('git.corp.example:443/t.git/git-receive-pack', 'POST', allow).allowListed).toBe(true);
    expect(target('localhost:3001/t.git/git-upload-pack', 'POST', ['http://localhost:3001']).url).toBe('http://localhost:3001/t.git/git-upload-pack');
  });

  it('reaches public IP literals', () => {
    expect(target('8.8.8.8/r.git/git-upload-pack', 'POST').url).toBe('https://8.8.8.8/r.git/git-upload-pack');
    expect(target('[2606:4700::1111]/r.git/git-upload-pack', 'POST').hostname).toBe('2606:4700::1111');
  });
});

describe('parseProxyTarget: what is refused', () => {
  it.each(['PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'])('refuses %s', (method) => {
    const { reason, message } = refusal('github.com/a/r.git/git-upload-pack', method);
    expect(reason).toBe('method');
    expect(message).toContain("Only git smart-HTTP requests can go through Weft's git proxy");
  });

  it.each([
    ['GET', 'github.com/a/r.git/info/refs'], // no service
    ['GET', 'github.com/a/r.git/info/refs?service=git-upload-archive'],
    ['GET', 'github.com/a/r.git/info/refs?service=git-upload-pack&x=1'],
    ['GET', 'github.com/a/r.git/HEAD'], // dumb HTTP
    ['GET', 'github.com/a/r.git/objects/info/packs'],
    ['GET', 'github.com/a/r.git/objects/ab/cdef0123'],
    ['GET', 'github.com/a/r.git/git-upload-pack'], // RPC by GET
    ['POST', 'github.com/a/r.git/info/refs?service=git-upload-pack'], // refs by POST
    ['POST', 'github.com/a/r.git/git-upload-pack?x=1'],
    ['POST', 'github.com/a/r.git/git-upload-archive'],
    ['GET', 'github.com/info/refs?service=git-upload-pack'], // no repo path
    ['POST', 'github.com/git-upload-pack'],
    ['GET', 'github.com/a/../b/info/refs?service=git-upload-pack'],
    ['GET', 'github.com/a//info/refs?service=git-upload-pack'],
    ['GET', 'github.com/a%2Fb/./info/refs?service=git-upload-pack'],
    ['GET', 'github.com/api/v3/user'],
  ])('refuses %s %s as not git smart HTTP', (method, path) => {
    expect(refusal(path, method).reason).toBe('path');
  });

  it('refuses a segment that decoded to a slash or a control character', () => {
    expect(parseProxyTarget(['github.com', 'a/b', 'git-upload-pack'], '', 'POST', []).ok).toBe(false);
    expect(parseProxyTarget(['github.com', 'a\nb', 'git-upload-pack'], '', 'POST', []).ok).toBe(false);
  });

  it.each(['user@github.com', 'github.com\\evil', '', 'exa mple.com', 'a%2f', 'bad_host:99999'])('refuses the host %j', (host) => {
    expect(refusal(`${host}/r.git/git-upload-pack`, 'POST').reason).toBe('host');
  });

  it('refuses private and loopback IP literals and localhost, and says how to allow them', () => {
    const { reason, message } = refusal('127.0.0.1:8174/team.git/info/refs?service=git-upload-pack');
    expect(reason).toBe('private-address');
    expect(message).toContain('127.0.0.1:8174 is a private address');
    expect(message).toContain('set WEFT_GIT_PROXY_ALLOW=http://127.0.0.1:8174');
  });

  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.5',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254', // cloud metadata
    '100.64.0.1', // CGNAT
    '0.0.0.0',
    '0x7f.1', // 127.0.0.1 spelled the way URL parsers accept
    '2130706433', // 127.0.0.1 as one number
    'localhost',
    'LOCALHOST.',
    'api.localhost',
    '[::1]',
    '[::]',
    '[::ffff:127.0.0.1]',
    '[::ffff:7f00:1]',
    '[::ffff:a9fe:a9fe]', // mapped 169.254.169.254
    '[fe80::1]',
    '[fd00::1]',
    '[fc00::abcd]',
    '[64:ff9b::a00:1]', // NAT64 of 10.0.0.1
    '[2002:c0a8:101::1]', // 6to4 of 192.168.1.1
  ])('refuses %s', (host) => {
    expect(refusal(`${host}/r.git/git-upload-pack`, 'POST').reason).toBe('private-address');
  });

  it('does not let an allow-listed origin cover another port or scheme-less lookalike', () => {
    const allow = ['http://127.0.0.1:8174'];
    expect(refusal('127.0.0.1:8175/r.git/git-upload-pack', 'POST', allow).reason).toBe('private-address');
    expect(refusal('127.0.0.1/r.git/git-upload-pack', 'POST', allow).reason).toBe('private-address');
  });
});

describe('parseAllowList', () => {
  it('reads comma-separated origins and normalises them', () => {
    expect(parseAllowList(' http://127.0.0.1:8174 , https://Git.Corp.Example/ ,https://x.example:443')).toEqual({
      ok: true,
      value: ['http://127.0.0.1:8174', 'https://git.corp.example', 'https://x.example'],
    });
    expect(parseAllowList(undefined)).toEqual({ ok: true, value: [] });
    expect(parseAllowList('')).toEqual({ ok: true, value: [] });
  });

  it.each(['127.0.0.1:8174', 'ftp://x.example', 'https://x.example/path', 'https://u:p@x.example', 'nonsense'])('refuses %j', (entry) => {
    const result = parseAllowList(`http://ok.example,${entry}`);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.data.reason).toBe('allow-list-invalid');
      expect(result.error.message).toContain('WEFT_GIT_PROXY_ALLOW');
    }
  });
});

describe('resolveProxyTarget', () => {
  const dns = (table: Record<string, readonly string[]>) => async (name: string) => {
    const found = table[name];
    if (!found) throw new Error(`getaddrinfo ENOTFOUND ${name}`);
    return found;
  };

  it('returns the checked public addresses to connect to', async () => {
    const t = target('github.com/a/r.git/git-upload-pack', 'POST');
    expect(await resolveProxyTarget(t, dns({ 'github.com': ['140.82.121.4', '2606:50c0:8000::154'] }))).toEqual({
      ok: true,
      value: ['140.82.121.4', '2606:50c0:8000::154'],
    });
  });

  it('refuses a hostname with any private address (DNS rebinding to the inside)', async () => {
    const t = target('evil.example/a/r.git/git-upload-pack', 'POST');
    const result = await resolveProxyTarget(t, dns({ 'evil.example': ['93.184.216.34', '10.1.2.3'] }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.data).toMatchObject({ reason: 'private-address', address: '10.1.2.3' });
      expect(result.error.message).toContain('WEFT_GIT_PROXY_ALLOW=https://evil.example');
    }
    const v6 = await resolveProxyTarget(t, dns({ 'evil.example': ['::ffff:192.168.0.1'] }));
    expect(v6.ok).toBe(false);
  });

  it('refuses names that do not resolve', async () => {
    const t = target('nowhere.example/r.git/git-upload-pack', 'POST');
    const missing = await resolveProxyTarget(t, dns({}));
    expect(!missing.ok && missing.error.data.reason).toBe('dns');
    const empty = await resolveProxyTarget(t, dns({ 'nowhere.example': [] }));
    expect(!empty.ok && empty.error.data.reason).toBe('dns');
  });

  it('skips DNS for IP literals and trusts allow-listed hostnames', async () => {
    const never = async (): Promise<readonly string[]> => {
      throw new Error('DNS must not be asked');
    };
    expect(await resolveProxyTarget(target('8.8.8.8/r.git/git-upload-pack', 'POST'), never)).toEqual({ ok: true, value: ['8.8.8.8'] });
    const listed = target('git.corp.example/r.git/git-upload-pack', 'POST', ['https://git.corp.example']);
    expect(await resolveProxyTarget(listed, never)).toEqual({ ok: true, value: [] });
  });
});

describe('isPrivateAddress', () => {
  it.each([
    '0.0.0.0',
    '10.255.255.255',
    '100.127.0.1',
    '127.0.0.1',
    '169.254.0.1',
    '172.20.1.1',
    '192.0.0.8',
    '192.0.2.1',
    '192.168.0.1',
    '198.18.0.1',
    '198.51.100.7',
    '203.0.113.9',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    '[::1]',
    '::ffff:10.0.0.1',
    '::ffff:a00:1',
    '0:0:0:0:0:ffff:7f00:1',
    '::127.0.0.1',
    'fe80::1%eth0',
    'fd12:3456:789a::1',
    'ff02::1',
    '2001:db8::1',
    '2001::1',
    '64:ff9b::7f00:1',
    '2002:7f00:1::',
    'not-an-ip',
    '1.2.3',
    '1:2:3',
  ])('%s is not public', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each(['8.8.8.8', '1.1.1.1', '100.63.255.255', '100.128.0.0', '172.32.0.1', '140.82.121.4', '2606:4700::1111', '2a00:1450:4001::200e', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'])(
    '%s is public',
    (ip) => {
      expect(isPrivateAddress(ip)).toBe(false);
    },
  );
});

describe('headers', () => {
  it('forwards only what git needs upstream, and speaks as git', () => {
    const out = upstreamRequestHeaders([
      ['Authorization', 'Basic eDp5'],
      ['Content-Type', 'application/x-git-upload-pack-request'],
      ['Git-Protocol', 'version=2'],
      ['Cookie', 'session=secret'],
      ['X-Forwarded-For', '10.0.0.1'],
      ['User-Agent', 'Mozilla/5.0'],
      ['Host', 'localhost:3000'],
    ]);
    expect(out).toEqual({
      authorization: 'Basic eDp5',
      'content-type': 'application/x-git-upload-pack-request',
      'git-protocol': 'version=2',
      'user-agent': 'git/weft-git-proxy',
    });
    expect(upstreamRequestHeaders([['user-agent', 'git/isomorphic-git@1.44.11']])['user-agent']).toBe('git/isomorphic-git@1.44.11');
  });

  it('returns only safe headers downstream (no content type, login dialog, cookies or redirects)', () => {
    expect(
      downstreamResponseHeaders([
        ['Content-Type', 'application/x-git-upload-pack-advertisement'],
        ['Cache-Control', 'no-cache'],
        ['WWW-Authenticate', 'Basic realm="GitHub"'],
        ['Set-Cookie', 'a=b'],
        ['Location', 'https://elsewhere'],
        ['Access-Control-Allow-Origin', '*'],
      ]),
    ).toEqual({ 'cache-control': 'no-cache' });
  });

  it('sets the content type itself: the git type only when upstream declared exactly that', () => {
    const refs = { kind: 'refs' as const, service: 'git-upload-pack' as const };
    expect(proxyContentType(refs, 200, 'application/x-git-upload-pack-advertisement')).toBe('application/x-git-upload-pack-advertisement');
    expect(proxyContentType(refs, 200, 'text/html')).toBe('application/octet-stream');
    expect(proxyContentType({ kind: 'rpc', service: 'git-receive-pack' }, 200, 'application/x-git-receive-pack-result')).toBe('application/x-git-receive-pack-result');
    expect(proxyContentType(refs, 404, 'text/html')).toBe('text/plain; charset=utf-8');
  });

  it('maps refusals to HTTP statuses', () => {
    expect(refusalStatus('path')).toBe(403);
    expect(refusalStatus('private-address')).toBe(403);
    expect(refusalStatus('too-large')).toBe(413);
    expect(refusalStatus('redirect')).toBe(502);
    expect(refusalStatus('timeout')).toBe(504);
  });
});

describe('upstreamFailure', () => {
  it('names host and port when nothing listens there (the default port when the URL has none); other failures keep their own words', () => {
    const github = target('github.com/o/r.git/info/refs?service=git-upload-pack');
    expect(upstreamFailure(github, Object.assign(new Error('connect ECONNREFUSED 140.82.121.3:443'), { code: 'ECONNREFUSED' })).message).toMatch(/^Nothing answered at github\.com:443: the connection was refused/);
    const local = target('127.0.0.1:8174/r.git/info/refs?service=git-upload-pack', 'GET', ['http://127.0.0.1:8174']);
    expect(upstreamFailure(local, { code: 'ECONNREFUSED' })).toMatchObject({ code: 'GIT_PROXY_REFUSED', data: { reason: 'upstream', host: '127.0.0.1:8174', port: 8174 } });
    const reset = upstreamFailure(github, Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    expect(reset.message).toBe("Weft's git proxy could not reach github.com: socket hang up. Check the remote URL and try again.");
  });
});
