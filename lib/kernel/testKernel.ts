/** Builds a kernel for tests: fake clock, a fixed environment, panics recorded instead of carried out. */
import { asTraceId, FakeClock } from '../core';
import { Kernel, type KernelDeps } from './kernel';
import type { KernelEvent } from './protocol';

export function testKernel(overrides: Partial<KernelDeps> = {}) {
  const clock = new FakeClock();
  const panics: string[] = [];
  const events: KernelEvent[] = [];
  const kernel = new Kernel({
    clock,
    version: '0.0.0-test',
    traceId: asTraceId('0123456789abcdef0123456789abcdef'),
    probe: async () => ({ crossOriginIsolated: true, sharedArrayBuffer: true, webAssembly: true, webGpu: false, indexedDb: false, userAgent: 'vitest' }),
    panic: (mode) => panics.push(mode),
    ...overrides,
  });
  kernel.on((e) => events.push(e));
  return { kernel, clock, panics, events };
}
