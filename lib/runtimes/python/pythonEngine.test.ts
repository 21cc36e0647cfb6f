import { loadPyodide } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { WeftError } from '../../core';
import type { Engine, EngineJob } from '../engine';
import type { LogStream } from '../types';
import { pythonEngine } from './pythonEngine';

let engine: Engine;
const interrupt = new SharedArrayBuffer(4);
const flag = new Int32Array(interrupt);

beforeAll(async () => {
  engine = pythonEngine({ loadPyodide: () => loadPyodide() });
  await engine.load({ interrupt }, () => {});
}, 60_000);

interface Ran {
  outputs: Record<string, unknown>;
  logs: { stream: LogStream; text: string }[];
}

async function run(code: string, inputs: Record<string, unknown> = {}, seed = 1): Promise<Ran> {
  const logs: Ran['logs'] = [];
  const job: EngineJob = { id: 1, code, inputs, seed, permissions: [], log: (stream, text) => logs.push({ stream, text }) };
  const { outputs } = await engine.run(job);
  return { outputs, logs };
}

async function failure(code: string, inputs: Record<string, unknown> = {}): Promise<WeftError> {
  try {
    await run(code, inputs);
  } catch (error) {
    expect(error).toBeInstanceOf(WeftError);
    return error as WeftError;
  }
  throw new Error('expected the run to fail');
}

describe('python engine: values in and out', () => {
  it('gives inputs as Python values and returns the dict as plain JSON values, bytes as Uint8Array', async () => {
    const { outputs } = await run(
      `
def execute(inputs):
    return {
        "types": {k: type(v).__name__ for k, v in inputs.items()},
        "none": None, "tuple": (1, 2.5, "x"), "nested": {"a": [True, None]},
        "bytes": inputs["blob"] + b"!", "big": 2**53, "n": inputs["n"] * 2,
    }
`,
      { n: 21, s: 'é', none: null, list: [1, { a: 2 }], blob: new Uint8Array([104, 105]), floats: new Float32Array([0.5, 1.5]) },
    );
    expect(outputs.types).toEqual({ n: 'int', s: 'str', none: 'NoneType', list: 'list', blob: 'bytes', floats: 'list' });
    expect(outputs).toMatchObject({ none: null, tuple: [1, 2.5, 'x'], nested: { a: [true, null] }, big: 2 ** 53, n: 42 });
    expect(outputs.bytes).toEqual(new Uint8Array([104, 105, 33]));
  });

  it('names the output that is not plain data', async () => {
    expect((await failure('def execute(i):\n    return {"x": [1, float("nan")]}')).message).toMatch(/outputs\.x\[1\] is nan/);
    expect((await failure('def execute(i):\n    return {"x": {"y": object()}}')).message).toMatch(/outputs\.x\.y is a object/);
    expect((await failure('def execute(i):\n    return {"x": 2**80}')).code).toBe('RUNTIME_OUTPUT_INVALID');
    const notDict = await failure('def execute(i):\n    return [1, 2]');
    expect(notDict.code).toBe('RUNTIME_OUTPUT_INVALID');
    expect(notDict.message).toMatch(/must return a dict.*returned list/);
  });
});

describe('python engine: isolation and determinism', () => {
  it('runs each skill in a fresh namespace: globals of one run are gone in the next', async () => {
    await run('leak = 42\ndef execute(i):\n    return {}');
    const { outputs } = await run('def execute(i):\n    return {"seen": "leak" in globals(), "name": __name__}');
    expect(outputs).toEqual({ seen: false, name: '__weft_skill__' });
  });

  it('seeds random: the same seed gives the same numbers, another seed others', async () => {
    const code = 'import random\ndef execute(i):\n    return {"x": [random.random() for _ in range(3)]}';
    const a = await run(code, {}, 7);
    const b = await run(code, {}, 7);
    const c = await run(code, {}, 8);
    expect(a.outputs).toEqual(b.outputs);
    expect(a.outputs).not.toEqual(c.outputs);
  });

  it('streams print to stdout and warnings to stderr', async () => {
    const { logs } = await run('import sys\ndef execute(i):\n    print("hello")\n    print("oops", file=sys.stderr)\n    return {}');
    expect(logs.filter((l) => l.stream === 'stdout').map((l) => l.text).join('')).toBe('hello\n');
    expect(logs.filter((l) => l.stream === 'stderr').map((l) => l.text).join('')).toBe('oops\n');
  });
});

describe('python engine: errors a person can act on', () => {
  it('reports a syntax error with its line', async () => {
    const error = await failure('def execute(inputs):\n    x = (1,\n    return {}\n\ndef f(:\n  pass');
    expect(error.code).toBe('RUNTIME_SYNTAX');
    expect(error.message).toMatch(/syntax error on line \d/i);
    expect(error.data.line).toBeTypeOf('number');
  });

  it('reports a missing execute', async () => {
    const error = await failure('def run(inputs):\n    return {}');
    expect(error.code).toBe('RUNTIME_EXECUTE_MISSING');
    expect(error.message).toMatch(/no function named execute/);
  });

  it('reports an exception with its type, message and line in the skill', async () => {
    const error = await failure('def execute(inputs):\n    x = 1\n    raise ValueError("x must be positive")');
    expect(error.code).toBe('RUNTIME_ERROR');
    expect(error.message).toBe('The Python code raised ValueError: x must be positive (line 3).');
    expect(error.data.traceback).toMatch(/^Traceback[\s\S]*File "<skill>", line 3[\s\S]*ValueError/);
    expect(error.data.traceback).not.toMatch(/_weft_run|_pyodide/);
  });

  it('reports a module that does not exist', async () => {
    const error = await failure('import this_does_not_exist\ndef execute(i):\n    return {}');
    expect(error.code).toBe('RUNTIME_PACKAGE_UNAVAILABLE');
    expect(error.message).toMatch(/this_does_not_exist.*neither in Python's standard library nor a Pyodide package/);
    expect(error.data.package).toBe('this_does_not_exist');
  });

  it('reports a huge allocation as out of memory, and asks for a fresh worker', async () => {
    const error = await failure('def execute(i):\n    x = [0] * (2**29)\n    return {}');
    expect(error.code).toBe('RUNTIME_MEMORY');
    expect(error.message).toMatch(/ran out of memory \(line 2\)/);
    expect(error.data.replaceWorker).toBe(true);
    const tooBig = await failure('def execute(i):\n    x = bytearray(10**12)\n    return {}');
    expect(tooBig.code).toBe('RUNTIME_MEMORY');
    expect(tooBig.message).toMatch(/more memory than Python in the browser can address \(line 2\)/);
  });

  it('turns the interrupt flag into a cancelled run, and the next run works', async () => {
    Atomics.store(flag, 0, 2);
    const error = await failure('def execute(i):\n    while True:\n        pass');
    expect(error.code).toBe('RUNTIME_CANCELLED');
    expect(error.data.interrupted).toBe(true);
    expect(Atomics.load(flag, 0)).toBe(0);
    expect((await run('def execute(i):\n    return {"ok": sum(range(10))}')).outputs).toEqual({ ok: 45 });
  });
});
