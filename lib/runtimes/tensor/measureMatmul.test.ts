import * as tf from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureMatmul } from './measureMatmul';

beforeAll(async () => {
  tf.env().set('IS_TEST', true);
  await tf.setBackend('cpu');
});

describe('measureMatmul', () => {
  it('times a correct n×n matmul and turns the median into GFLOP/s', async () => {
    const before = tf.memory().numTensors;
    const m = await measureMatmul(tf, 'cpu', 64, 3);
    expect(m.times).toHaveLength(3);
    const sorted = [...m.times].sort((a, b) => a - b);
    expect(m.ms).toBe(sorted[1]);
    expect(m.gflops).toBeCloseTo((2 * 64 ** 3) / (Math.max(m.ms, 1e-3) / 1000) / 1e9, 6);
    expect(m.checkError).toBeLessThan(1e-4);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops timing once the budget is spent, but always times one run', async () => {
    let clock = 0;
    const now = () => (clock += 50);
    expect((await measureMatmul(tf, 'cpu', 16, 10, { budgetMs: 120, now })).times).toEqual([50, 50, 50]);
    expect((await measureMatmul(tf, 'cpu', 16, 10, { budgetMs: 0, now })).times).toHaveLength(1);
  });

  describe('on another backend', () => {
    beforeAll(() => {
      tf.registerBackend('wasm', () => new MathBackendCPU(), 0);
      for (const kernel of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...kernel, backendName: 'wasm' });
    });
    afterAll(() => tf.removeBackend('wasm'));

    it('measures there and switches back to the active backend afterwards', async () => {
      let seen = '';
      await measureMatmul(tf, 'wasm', 16, 1, { now: () => ((seen ||= tf.getBackend()), 0) });
      expect(seen).toBe('wasm');
      expect(tf.getBackend()).toBe('cpu');
    });

    it('throws when the backend does not start', async () => {
      tf.registerBackend('webgl', () => {
        throw new Error('no WebGL2');
      }, 0);
      try {
        await expect(measureMatmul(tf, 'webgl', 16, 1)).rejects.toThrow(/webgl backend did not initialise/);
        expect(tf.getBackend()).toBe('cpu');
      } finally {
        tf.removeBackend('webgl');
      }
    });
  });
});
