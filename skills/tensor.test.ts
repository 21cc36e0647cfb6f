import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultsOf, executableBuiltin, isVegaLite, runJavaScript, type Values } from './skillTestKit';

// The tensor runtime puts `tf` in scope; here it is passed to the code as a free variable.
const run = (name: string, overrides: Values = {}) => {
  const skill = executableBuiltin(name);
  return runJavaScript(skill, defaultsOf(skill, overrides), { tf });
};

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('linear-regression', () => {
  it('recovers the line the default data were generated from, with a falling loss curve', async () => {
    const before = tf.memory().numTensors;
    const out = await run('linear-regression');
    expect(Math.abs((out.a as number) - 2.5)).toBeLessThan(0.1);
    expect(Math.abs((out.b as number) + 1)).toBeLessThan(0.3);
    const loss = out.loss as number[];
    expect(loss).toHaveLength(200);
    expect(loss.at(-1)).toBe(out.final_loss);
    expect(loss.at(-1)!).toBeLessThan(loss[0]! / 10);
    // The residual error of a good fit is the noise: variance 0.5^2.
    expect(out.final_loss as number).toBeGreaterThan(0.15);
    expect(out.final_loss as number).toBeLessThan(0.35);
    expect(out.backend).toBe('cpu');
    expect(isVegaLite(out.plot)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    expect(await run('linear-regression')).toEqual(out);
  });

  it('fits given data exactly with SGD as well as Adam', async () => {
    const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const y = x.map((v) => 3 * v + 1);
    for (const optimizer of ['sgd', 'adam']) {
      const out = await run('linear-regression', { x, y, optimizer, epochs: 300 });
      expect(out.a as number, optimizer).toBeCloseTo(3, 2);
      expect(out.b as number, optimizer).toBeCloseTo(1, 2);
    }
    await expect(run('linear-regression', { x: [1, 2], y: [1] })).rejects.toThrow(/x has 2 values but y has 1/);
  });
});

describe('matmul-benchmark', () => {
  it('times a 256 x 256 matmul on the active backend and checks its result', async () => {
    const out = await run('matmul-benchmark');
    expect(out.n).toBe(256);
    expect(out.backend).toBe(tf.getBackend());
    expect(out.times_ms).toHaveLength(5);
    expect(out.gflops as number).toBeGreaterThan(0);
    expect(out.gflops).toBeCloseTo((2 * 256 ** 3) / ((out.ms as number) / 1000) / 1e9, 6);
    expect(out.check_error as number).toBeLessThan(1e-3);
  });
});
