import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultsOf, executableBuiltin, isVegaLite, type Values } from '../../../skills/skillTestKit';
import type { EngineJob } from '../engine';
import type { LogStream } from '../types';
import { createTensorEngine } from './tensorEngine';

// The built-in tensor skills, run the way the tensor worker runs them: through the engine's `run`,
// with the tfjs-core build the worker uses (core + chained ops + gradients), on the cpu backend.
const engine = createTensorEngine({ tf, backends: ['cpu'], console, calibration: { n: 64, reps: 1 } });

beforeAll(async () => {
  tf.env().set('IS_TEST', true);
  await engine.load({}, () => {});
});

const run = async (name: string, overrides: Values = {}, seed = 1) => {
  const skill = executableBuiltin(name);
  const logs: { stream: LogStream; text: string }[] = [];
  const job: EngineJob = { id: 1, code: skill.code.source, inputs: defaultsOf(skill, overrides), seed, permissions: [], log: (stream, text) => logs.push({ stream, text }) };
  const result = await engine.run(job);
  return { ...result, logs };
};

describe('built-in tensor skills through the tensor engine', () => {
  it('linear-regression recovers its line, leaks nothing and repeats exactly', async () => {
    const before = tf.memory().numTensors;
    const { outputs, details } = await run('linear-regression');
    expect(details).toEqual({ backend: 'cpu' });
    expect(Math.abs((outputs.a as number) - 2.5)).toBeLessThan(0.1);
    expect(Math.abs((outputs.b as number) + 1)).toBeLessThan(0.3);
    expect(outputs.loss as number[]).toHaveLength(200);
    expect(outputs.final_loss as number).toBeLessThan(0.35);
    expect(outputs.backend).toBe('cpu');
    expect(isVegaLite(outputs.plot)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    expect(Object.keys(tf.engine().registeredVariables)).toHaveLength(0);
    expect((await run('linear-regression')).outputs).toEqual(outputs);
  });

  it('linear-regression reports its own input error as a RUNTIME_ERROR', async () => {
    await expect(run('linear-regression', { x: [1, 2], y: [1] })).rejects.toMatchObject({ code: 'RUNTIME_ERROR', message: expect.stringMatching(/x has 2 values but y has 1/) });
  });

  it('matmul-benchmark times a correct matmul on the chosen backend', async () => {
    const before = tf.memory().numTensors;
    const { outputs } = await run('matmul-benchmark', { n: 64, repeats: 3, warmup: 1 });
    expect(outputs).toMatchObject({ n: 64, backend: 'cpu' });
    expect(outputs.times_ms).toHaveLength(3);
    expect(outputs.gflops as number).toBeGreaterThan(0);
    expect(outputs.check_error as number).toBeLessThan(1e-3);
    expect(tf.memory().numTensors).toBe(before);
  });
});
