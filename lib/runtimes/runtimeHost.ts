/**
 * Every runtime the kernel offers, each a `RuntimePool` of workers started by `create(kind)`
 * (`new Worker('/workers/<kind>.js', { type: 'module' })` in the browser; `?network=1` for code
 * with the `network` permission, which proxy.ts serves with a policy that lets it connect out).
 */
import type { Clock } from '../core';
import { RuntimePool } from './runtimePool';
import { PYTHON_MEMORY_MB } from './python/memoryCeiling';
import type { BackendOverride } from './tensor/tf';
import { RUNTIME_KINDS, type RunRequest, type RuntimeKind, type RuntimeStatus } from './types';
import type { WorkerLike } from './workerLike';

/** Workers per runtime at most: Python and tensor workers are heavy (tens of MB each), JavaScript ones light. */
export const POOL_SIZES: Readonly<Record<RuntimeKind, number>> = { python: 2, javascript: 4, three: 2, tensor: 1, spice: 1 };

export interface RuntimeHostOptions {
  /** `network`: for code with the `network` permission (see `RuntimePoolOptions.create`). */
  readonly create: (kind: RuntimeKind, network: boolean) => WorkerLike;
  readonly clock: Clock;
  readonly onStatus: (status: RuntimeStatus) => void;
  readonly tensorBackend?: BackendOverride;
  /** The ceiling of one Python worker's memory, in MB (default `PYTHON_MEMORY_MB`; 0: none but the browser's). */
  readonly pythonMemoryMb?: number;
  /** Only these runtimes (tests); default: all. */
  readonly kinds?: readonly RuntimeKind[];
  readonly graceMs?: number;
}

export class RuntimeHost {
  private readonly pools = new Map<RuntimeKind, RuntimePool>();
  private backend: BackendOverride;
  private pythonMb: number;

  constructor(options: RuntimeHostOptions) {
    this.backend = options.tensorBackend ?? 'auto';
    this.pythonMb = options.pythonMemoryMb ?? PYTHON_MEMORY_MB;
    for (const kind of options.kinds ?? RUNTIME_KINDS) {
      this.pools.set(
        kind,
        new RuntimePool({
          kind,
          create: (network) => options.create(kind, network),
          maxWorkers: POOL_SIZES[kind],
          interruptible: kind === 'python' || kind === 'javascript',
          // Only QuickJS polls the flag; V8 code past its deadline is stopped by terminating its worker.
          ...(kind === 'javascript' ? { interruptibleRun: (request: RunRequest) => request.engine === 'quickjs' } : {}),
          networkAware: kind === 'javascript' || kind === 'three' || kind === 'tensor',
          clock: options.clock,
          onStatus: options.onStatus,
          ...(options.graceMs === undefined ? {} : { graceMs: options.graceMs }),
          ...(kind === 'tensor' ? { loadOptions: () => ({ backend: this.backend }) } : {}),
          ...(kind === 'python' ? { loadOptions: () => ({ memoryLimitBytes: this.pythonMb * 2 ** 20 }) } : {}),
        }),
      );
    }
  }

  get(kind: RuntimeKind): RuntimePool | undefined {
    return this.pools.get(kind);
  }

  list(): RuntimeStatus[] {
    return [...this.pools.values()].map((pool) => pool.status());
  }

  get tensorBackend(): BackendOverride {
    return this.backend;
  }

  /** Switches the tensor backend; idle tensor workers stop so the next run loads with the new choice. */
  setTensorBackend(backend: BackendOverride): RuntimeStatus | undefined {
    this.backend = backend;
    const pool = this.pools.get('tensor');
    pool?.restart();
    return pool?.status();
  }

  get pythonMemoryMb(): number {
    return this.pythonMb;
  }

  /** Sets the ceiling of Python's memory (MB; 0: none); idle Python workers stop so the next run loads with it. */
  setPythonMemory(mb: number): RuntimeStatus | undefined {
    this.pythonMb = mb;
    const pool = this.pools.get('python');
    pool?.restart();
    return pool?.status();
  }

  dispose(): void {
    for (const pool of this.pools.values()) pool.dispose();
  }
}
