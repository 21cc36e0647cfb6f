import { describe, expect, it } from 'vitest';
import { RuntimeHost, type RuntimeStatus } from '../runtimes';
import type { KernelEvent } from './protocol';
import { testKernel } from './testKernel';

describe('runtime.status events', () => {
  it('sends a change of state at once, and changes within a state at most every 150 ms, the latest last', () => {
    let report: (status: RuntimeStatus) => void = () => {};
    const { events, clock } = testKernel({
      runtimes: (onStatus) => {
        report = onStatus;
        return new RuntimeHost({ create: () => { throw new Error('no workers here'); }, kinds: [], clock: systemClockStub(), onStatus });
      },
    });
    const status = (state: RuntimeStatus['state'], busy: number, progress?: number): RuntimeStatus => ({ kind: 'python', state, workers: 1, busy, ...(progress === undefined ? {} : { progress }) });
    const sent = () => events.filter((e): e is Extract<KernelEvent, { type: 'runtime.status' }> => e.type === 'runtime.status').map((e) => `${e.status.state}:${e.status.busy}:${e.status.progress ?? ''}`);

    report(status('loading', 0, 0));
    report(status('loading', 0, 0.3));
    report(status('loading', 0, 0.6));
    expect(sent()).toEqual(['loading:0:0']);
    report(status('ready', 0));
    expect(sent()).toEqual(['loading:0:0', 'ready:0:']);
    report(status('ready', 1));
    report(status('ready', 0));
    report(status('ready', 1));
    expect(sent()).toHaveLength(2);
    clock.advance(150);
    expect(sent()).toEqual(['loading:0:0', 'ready:0:', 'ready:1:']);
  });
});

function systemClockStub() {
  return { now: () => 0, setTimeout: () => 0 as never, clearTimeout: () => {} };
}
