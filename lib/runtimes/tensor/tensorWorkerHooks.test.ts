import { describe, expect, it } from 'vitest';
import { wasmThreadsFor } from './tensorWorkerHooks';

describe('wasmThreadsFor', () => {
  it('takes half the logical cores like tfjs does, at least 1 and at most 8', () => {
    expect(wasmThreadsFor({}, 2)).toEqual({ count: 1, why: '2 logical cores: tfjs runs one thread per two (set the wasmThreads load option to use more)' });
    expect(wasmThreadsFor({}, 1).count).toBe(1);
    expect(wasmThreadsFor({}, 8).count).toBe(4);
    expect(wasmThreadsFor({}, 64).count).toBe(8);
  });

  it('follows the wasmThreads load option', () => {
    expect(wasmThreadsFor({ wasmThreads: 2 }, 2)).toEqual({ count: 2, why: 'the wasmThreads load option asks for 2' });
    expect(wasmThreadsFor({ wasmThreads: 1 }, 16).count).toBe(1);
    expect(wasmThreadsFor({ wasmThreads: 32 }, 16).count).toBe(8);
    expect(wasmThreadsFor({ wasmThreads: 0 }, 16).count).toBe(8);
    expect(wasmThreadsFor({ wasmThreads: 'many' }, 4).count).toBe(2);
  });
});
