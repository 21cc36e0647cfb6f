import { loadPyodide } from 'pyodide';
import { describe, expect, it } from 'vitest';
import type { WeftError } from '../../core';
import { capMemory } from './memoryCeiling';
import { pythonEngine } from './pythonEngine';

describe('the Python memory ceiling', () => {
  it('refuses growth past the ceiling, and allows it below', () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1000 });
    capMemory(memory, 4 * 65_536);
    expect(memory.grow(2)).toBe(1);
    expect(() => memory.grow(2)).toThrow(/memory ceiling of 0 MB/);
    expect(memory.buffer.byteLength).toBe(3 * 65_536);
  });

  it('a memory bomb in Pyodide ends at the ceiling as RUNTIME_MEMORY, saying what the ceiling is', async () => {
    const engine = pythonEngine({ loadPyodide: () => loadPyodide() });
    const details = await engine.load({ memoryLimitBytes: 256 * 2 ** 20 }, () => {});
    expect(details.memoryCeilingMb).toBe(256);
    const error = await engine
      .run({ id: 1, code: 'def execute(i):\n    hoard = []\n    while True:\n        hoard.append(bytearray(16 * 1024 * 1024))\n    return {}', inputs: {}, seed: 1, permissions: [], log: () => {} })
      .then(() => Promise.reject(new Error('expected the run to fail')), (e: WeftError) => e);
    expect(error.code).toBe('RUNTIME_MEMORY');
    expect(error.message).toMatch(/at most 256 MB/);
  }, 90_000);
});
