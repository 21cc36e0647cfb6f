import { describe, expect, it, vi } from 'vitest';
import type { PrecacheStatus, ToServiceWorker } from '@/lib/pwa';
import {
  type ContainerLike,
  createServiceWorkerClient,
  type OfflineState,
  type RegistrationLike,
  type ServiceWorkerEnvironment,
  type WorkerLike,
} from './serviceWorkerClient';

class FakeWorker implements WorkerLike {
  readonly sent: ToServiceWorker[] = [];
  private readonly listeners: (() => void)[] = [];
  constructor(public state: string) {}
  postMessage(message: ToServiceWorker) {
    this.sent.push(message);
  }
  addEventListener(_type: 'statechange', listener: () => void) {
    this.listeners.push(listener);
  }
  become(state: string) {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

class FakeRegistration implements RegistrationLike {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  active: FakeWorker | null = null;
  updates = 0;
  private readonly listeners: (() => void)[] = [];
  addEventListener(_type: 'updatefound', listener: () => void) {
    this.listeners.push(listener);
  }
  async update() {
    this.updates++;
  }
  /** The browser found a new /sw.js and started installing it. */
  found(worker: FakeWorker) {
    this.installing = worker;
    for (const listener of this.listeners) listener();
  }
}

class FakeContainer implements ContainerLike {
  controller: FakeWorker | null = null;
  registered: string[] = [];
  readonly registration = new FakeRegistration();
  readonly ready: Promise<RegistrationLike>;
  private resolveReady!: (registration: RegistrationLike) => void;
  private readonly listeners: (() => void)[] = [];
  stale: { active: { scriptURL: string } | null; unregister: () => Promise<boolean> }[] = [];
  blocked = false;
  constructor() {
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
  }
  async register(url: string) {
    this.registered.push(url);
    return this.blocked ? undefined : this.registration;
  }
  async getRegistrations() {
    return this.stale;
  }
  addEventListener(_type: 'controllerchange', listener: () => void) {
    this.listeners.push(listener);
  }
  activate(worker: FakeWorker) {
    this.registration.active = worker;
    this.resolveReady(this.registration);
  }
  changeController(worker: FakeWorker) {
    this.controller = worker;
    for (const listener of this.listeners) listener();
  }
}

const COMPLETE: PrecacheStatus = { version: 'v1', total: 3, missing: [], complete: true };

function setup(options: { production?: boolean; status?: PrecacheStatus } = {}) {
  const container = new FakeContainer();
  const published: [OfflineState, PrecacheStatus][] = [];
  let load: (() => void) | null = null;
  let online: (() => void) | null = null;
  let status = options.status ?? COMPLETE;
  const reload = vi.fn<() => void>();
  const clearPrecaches = vi.fn(async () => {});
  const env = {
    container,
    production: options.production ?? true,
    afterLoad: (callback) => void (load = callback),
    onOnline: (callback) => void (online = callback),
    every: () => {},
    askStatus: async () => status,
    publish: (offline, s) => void published.push([offline, s]),
    clearPrecaches,
    reload,
  } satisfies ServiceWorkerEnvironment;
  const client = createServiceWorkerClient(env);
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    container,
    env,
    client,
    published,
    flush,
    load: async () => {
      load?.();
      await flush();
    },
    goOnline: async (next: PrecacheStatus) => {
      status = next;
      online?.();
      await flush();
    },
  };
}

describe('registration', () => {
  it('registers /sw.js only in production, and only once the page has loaded', async () => {
    const { container, client, load } = setup();
    client.start();
    client.start();
    expect(container.registered).toEqual([]);
    await load();
    expect(container.registered).toEqual(['/sw.js']);
  });

  it('in development registers nothing and removes a worker a production build left behind', async () => {
    const { container, env, client, flush } = setup({ production: false });
    const unregister = vi.fn(async () => true);
    container.stale = [{ active: { scriptURL: 'http://localhost:3000/sw.js' }, unregister }];
    client.start();
    await flush();
    expect(container.registered).toEqual([]);
    expect(unregister).toHaveBeenCalledOnce();
    expect(env.clearPrecaches).toHaveBeenCalledOnce();
    expect(client.getSnapshot().offline).toBe('unsupported');
  });

  it('does nothing more when registration is blocked', async () => {
    const { container, client, load } = setup();
    container.blocked = true;
    client.start();
    await load();
    expect(client.getSnapshot()).toEqual({ updateReady: false, offline: 'pending' });
  });
});

describe('offline readiness', () => {
  it('is published once the first install completes and the worker reports a full precache', async () => {
    const { container, client, load, published, flush } = setup();
    client.start();
    await load();
    expect(published).toEqual([]);

    container.activate(new FakeWorker('activated'));
    await flush();
    expect(published).toEqual([['ready', COMPLETE]]);
    expect(client.getSnapshot()).toEqual({ updateReady: false, offline: 'ready' });
  });

  it('is partial while files are missing, and asked again when the browser is back online', async () => {
    const missing: PrecacheStatus = { version: 'v1', total: 3, missing: ['/workers/spice.js'], complete: false };
    const { container, client, load, published, flush, goOnline } = setup({ status: missing });
    client.start();
    await load();
    container.activate(new FakeWorker('activated'));
    await flush();
    expect(client.getSnapshot().offline).toBe('partial');

    await goOnline(COMPLETE);
    expect(published.map(([offline]) => offline)).toEqual(['partial', 'ready']);
  });

  it('shows no update banner when the first install takes control of the page', async () => {
    const { container, env, client, load, flush } = setup();
    client.start();
    await load();
    const worker = new FakeWorker('installing');
    container.registration.found(worker);
    worker.become('installed');
    container.activate(worker);
    container.changeController(worker);
    await flush();
    expect(client.getSnapshot().updateReady).toBe(false);
    expect(env.reload).not.toHaveBeenCalled();
  });
});

describe('new version', () => {
  async function controlledPage() {
    const s = setup();
    const current = new FakeWorker('activated');
    s.container.controller = current;
    s.container.activate(current);
    s.client.start();
    await s.load();
    return { ...s, current };
  }

  it('is offered when a newer worker finishes installing, and applied only when the user reloads', async () => {
    const { container, env, client, flush } = await controlledPage();
    const next = new FakeWorker('installing');
    container.registration.found(next);
    expect(client.getSnapshot().updateReady).toBe(false);
    next.become('installed');
    container.registration.waiting = next;
    expect(client.getSnapshot().updateReady).toBe(true);
    expect(next.sent).toEqual([]);

    client.applyUpdate();
    expect(next.sent).toEqual([{ type: 'SKIP_WAITING' }]);
    expect(env.reload).not.toHaveBeenCalled();
    container.changeController(next);
    await flush();
    expect(env.reload).toHaveBeenCalledOnce();
  });

  it('is offered at once when a worker is already waiting', async () => {
    const s = setup();
    s.container.controller = new FakeWorker('activated');
    s.container.registration.waiting = new FakeWorker('installed');
    s.client.start();
    await s.load();
    expect(s.client.getSnapshot().updateReady).toBe(true);
  });

  it('is offered when another tab switched to the new version, and Reload then just reloads', async () => {
    const { container, env, client } = await controlledPage();
    container.changeController(new FakeWorker('activated'));
    expect(env.reload).not.toHaveBeenCalled();
    expect(client.getSnapshot().updateReady).toBe(true);
    client.applyUpdate();
    expect(env.reload).toHaveBeenCalledOnce();
  });
});
