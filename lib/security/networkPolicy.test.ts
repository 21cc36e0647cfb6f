import { describe, expect, it, vi } from 'vitest';
import { WeftError } from '../core';
import { connectionRefusal, policedFetch } from './networkPolicy';

const app = 'https://weft.example';

describe('connectionRefusal', () => {
  it('allows the app, https servers and servers on this device', () => {
    for (const url of ['/api/git/x', 'https://api.openai.com/v1', 'http://localhost:11434/v1', 'http://127.0.0.1:8080/v1', 'http://[::1]:1234/v1', 'data:,x']) {
      expect(connectionRefusal(url, app), url).toBeNull();
    }
  });

  it('refuses plain http to another machine, naming it and the way out', () => {
    const why = connectionRefusal('http://192.168.1.5:11434/v1', app);
    expect(why).toContain('http://192.168.1.5:11434 is neither');
    expect(why).toContain('ssh -L 11434:192.168.1.5:11434');
    expect(why).toContain('http://localhost:11434');
  });
});

describe('policedFetch', () => {
  it('refuses with NETWORK_POLICY before the browser would, and passes the rest through', async () => {
    const inner = vi.fn(async () => new Response('ok'));
    const fetch = policedFetch(inner, app);
    await expect(fetch('http://10.0.0.2/v1/models')).rejects.toSatisfy((e) => e instanceof WeftError && e.code === 'NETWORK_POLICY');
    expect(inner).not.toHaveBeenCalled();
    expect(await (await fetch(new URL('https://api.example.com/v1'))).text()).toBe('ok');
    expect(inner).toHaveBeenCalledTimes(1);
  });
});

describe('policedFetch offline', () => {
  it('says it is offline for servers elsewhere, and still reaches this device', async () => {
    const inner = vi.fn(async () => new Response('ok'));
    const fetch = policedFetch(inner, app, () => false);
    await expect(fetch('https://api.openai.com/v1/models')).rejects.toSatisfy((e) => e instanceof WeftError && e.code === 'LLM_UNREACHABLE' && e.message.startsWith('You are offline: https://api.openai.com needs the network'));
    expect(await (await fetch('http://localhost:11434/v1/models')).text()).toBe('ok');
  });
});
