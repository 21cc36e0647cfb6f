import * as tf from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrateBackends, type BackendFacts } from './calibrateBackends';
import type { TensorBackend } from './tf';

// Stand-ins, all computing on the CPU: "webgl" plays a SwiftShader GPU (the probe says software),
// "wasm" a working WASM, and "webgpu" a GPU whose matmul returns zeros.
beforeAll(() => {
  tf.env().set('IS_TEST', true);
  for (const name of ['webgl', 'wasm', 'webgpu'] as const) {
    tf.registerBackend(name, () => new MathBackendCPU(), 0);
    for (const kernel of tf.getKernelsForBackend('cpu')) {
      if (name === 'webgpu' && kernel.kernelName === tf.BatchMatMul) continue;
      tf.registerKernel({ ...kernel, backendName: name });
    }
  }
  tf.registerKernel({
    kernelName: tf.BatchMatMul,
    backendName: 'webgpu',
    kernelFunc: ({ inputs, backend }) => {
      const [batch, rows] = (inputs.a as tf.TensorInfo).shape;
      const cols = (inputs.b as tf.TensorInfo).shape[2]!;
      return (backend as MathBackendCPU).makeTensorInfo([batch!, rows!, cols], 'float32', new Float32Array(batch! * rows! * cols));
    },
  });
});
afterAll(async () => {
  await tf.setBackend('cpu');
  for (const name of ['webgl', 'wasm', 'webgpu']) tf.removeBackend(name);
});

const probe = async (name: TensorBackend): Promise<BackendFacts> => (name === 'webgl' ? { software: true, details: { webglRenderer: 'SwiftShader' } } : {});
const fast = { n: 32, cpuN: 16, reps: 1 };

describe('calibrateBackends', () => {
  it('times WASM and the CPU but not a software GPU, whose facts it still records', async () => {
    const phases: string[] = [];
    const { candidates, details } = await calibrateBackends(tf, ['webgl', 'wasm', 'cpu'], { probe, progress: (phase, loaded, total) => phases.push(`${phase} ${loaded}/${total}`) }, fast);
    expect(phases).toEqual(['starting webgl 0/6', 'starting wasm 1/6', 'starting cpu 2/6', 'calibrating wasm 3/6', 'calibrating cpu 4/6', 'calibrated 6/6']);
    expect(candidates.map((c) => [c.name, c.available, c.software, typeof c.gflops])).toEqual([
      ['webgl', true, true, 'undefined'],
      ['wasm', true, false, 'number'],
      ['cpu', true, false, 'number'],
    ]);
    expect(details).toMatchObject({ webglRenderer: 'SwiftShader', 'untimed.webgl': expect.stringMatching(/software/) });
    expect(details['gflops.wasm']).toBeGreaterThan(0);
  });

  it('times a software GPU when only the CPU backend is left to compare it with', async () => {
    const { candidates, details } = await calibrateBackends(tf, ['webgl', 'cpu'], { probe }, fast);
    expect(candidates.find((c) => c.name === 'webgl')?.gflops).toBeGreaterThan(0);
    expect(details['untimed.webgl']).toBeUndefined();
  });

  it('rules out a backend whose matmul is wrong', async () => {
    const { candidates, details } = await calibrateBackends(tf, ['webgpu', 'cpu'], {}, fast);
    expect(candidates[0]).toMatchObject({ name: 'webgpu', available: false, reason: expect.stringMatching(/^calibration failed: its matmul was wrong by/) });
    expect(details['unavailable.webgpu']).toMatch(/wrong/);
    expect(tf.getBackend()).toBe('cpu');
  });

  it('measures the cpu backend at its own, smaller size', async () => {
    const sizes = new Set<number>();
    const spy = { ...tf, matMul: (a: tf.Tensor, b: tf.Tensor) => (sizes.add(a.shape[0]!), tf.matMul(a, b)) } as typeof tf;
    await calibrateBackends(spy, ['wasm', 'cpu'], {}, { n: 32, cpuN: 16, reps: 1 });
    expect([...sizes].sort()).toEqual([16, 32]);
  });
});
