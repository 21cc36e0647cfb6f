import { describe, expect, it } from 'vitest';
import type { Pid, SpanId } from '@/lib/core';
import type { EnzymeRun } from '@/lib/kernel/protocol';
import { errorLocation, errorTrace, runFacts } from './runFacts';

const result = (details: EnzymeRun['details'], runtime: EnzymeRun['runtime'] = 'python'): EnzymeRun => ({
  seed: 1,
  outputs: {},
  stdout: '',
  stderr: '',
  energy: { cpuMs: 812.3, tokensIn: 0, tokensOut: 0, bytes: 3000 },
  details,
  pid: 7 as Pid,
  runtime,
  spanId: 'abc' as SpanId,
  durationMs: 1234,
});

describe('the facts of a finished run', () => {
  it('lists duration, CPU time, bytes in and out, seed and worker', () => {
    const facts = runFacts(result({ worker: 2, bytesIn: 2048, bytesOut: 952 }), 42);
    expect(facts.map((f) => [f.id, f.label, f.value])).toEqual([
      ['duration', 'Duration', '1.23 s'],
      ['cpu', 'CPU', '812 ms'],
      ['bytes', 'In / out', '2 KiB / 952 B'],
      ['seed', 'Seed', '42'],
      ['worker', 'Worker', '#2'],
    ]);
  });

  it('adds the backend of a tensor run', () => {
    const facts = runFacts(result({ backend: 'webgpu', worker: 1, bytesIn: 10, bytesOut: 20 }, 'tensor'), 1);
    expect(facts.find((f) => f.id === 'backend')?.value).toBe('webgpu');
  });

  it('falls back to the total bytes when the split is unknown', () => {
    expect(runFacts(result({}), 1).find((f) => f.id === 'bytes')?.value).toBe('2.9 KiB');
  });
});

describe('where an error happened', () => {
  it('gives the line in the code and in SKILL.md', () => {
    expect(errorLocation({ code: 'RUNTIME_ERROR', message: 'x', data: { line: 5 } }, 90)).toBe('line 5 of the code (SKILL.md line 95)');
    expect(errorLocation({ code: 'RUNTIME_ERROR', message: 'x', data: { line: 5 } }, null)).toBe('line 5 of the code');
    expect(errorLocation({ code: 'RUNTIME_ERROR', message: 'x' }, 90)).toBeNull();
  });

  it('offers the Python traceback, or the JavaScript stack', () => {
    const traceback = 'Traceback (most recent call last):\n  File "<skill>", line 5, in execute\nValueError: no';
    expect(errorTrace({ code: 'RUNTIME_ERROR', message: 'x', data: { traceback } })).toEqual({ label: 'Python traceback', text: traceback });
    expect(errorTrace({ code: 'RUNTIME_ERROR', message: 'x', data: { stack: 'Error: no\n    at execute' } })).toEqual({ label: 'Stack trace', text: 'Error: no\n    at execute' });
    // A one-line "traceback" is only the exception line, already in the message.
    expect(errorTrace({ code: 'RUNTIME_ERROR', message: 'x', data: { traceback: 'ValueError: no' } })).toBeNull();
  });
});
