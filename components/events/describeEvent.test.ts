import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '@/components/kernel/useKernelStore';
import type { Pid } from '@/lib/core';
import type { KernelEvent } from '@/lib/kernel/protocol';
import type { RuntimeStatus } from '@/lib/runtimes/types';
import { describeEvent, EVENT_TYPES } from './describeEvent';

let seq = 0;
const logged = (event: KernelEvent): LoggedEvent => ({ seq: ++seq, receivedAt: 5, event });
const status = (s: Partial<RuntimeStatus> & Pick<RuntimeStatus, 'kind' | 'state'>): KernelEvent => ({ type: 'runtime.status', status: { workers: 1, busy: 0, ...s }, at: 1000 });
const line = (event: KernelEvent) => describeEvent(logged(event));

describe('runtime events in the event log', () => {
  it('can be filtered like every other event type', () => {
    expect(EVENT_TYPES).toEqual(expect.arrayContaining(['runtime.status', 'enzyme.start', 'enzyme.log']));
  });

  it('describes loading progress, with what is loading', () => {
    expect(line(status({ kind: 'python', state: 'loading', progress: 0.6 }))).toMatchObject({ tone: 'info', text: 'Python loading 60%', at: 1000, muted: false });
    expect(line(status({ kind: 'python', state: 'loading', progress: 0.25, detail: 'pyodide.asm.wasm' })).text).toBe('Python loading 25% (pyodide.asm.wasm)');
  });

  it('describes a ready runtime by what it runs on', () => {
    expect(line(status({ kind: 'python', state: 'ready', details: { pyodide: '314.0.7' } }))).toMatchObject({ tone: 'ok', text: 'Python ready (Pyodide 314.0.7)' });
    expect(line(status({ kind: 'tensor', state: 'ready', detail: 'wasm' })).text).toBe('tensor ready: wasm');
    expect(line(status({ kind: 'javascript', state: 'ready', workers: 2, busy: 1 })).text).toBe('JavaScript ready · 1 of 2 workers busy');
  });

  it('describes a failure with its reason, and a runtime back to idle', () => {
    expect(line(status({ kind: 'python', state: 'failed', detail: 'The Python runtime could not start (404).' }))).toMatchObject({ tone: 'danger', text: 'Python failed: The Python runtime could not start (404).' });
    expect(line(status({ kind: 'spice', state: 'idle', workers: 0 })).text).toBe('SPICE idle (loads on first use)');
  });

  it('describes an enzyme starting with its runtime, name and pid', () => {
    expect(line({ type: 'enzyme.start', pid: 7 as Pid, runtime: 'python', name: 'csv-stats', tag: 't', at: 2000 })).toMatchObject({ type: 'enzyme.start', text: 'python csv-stats started (pid 7)', at: 2000 });
  });

  it('shows printed output on one muted row, stderr with a warning badge', () => {
    const out = line({ type: 'enzyme.log', pid: 7 as Pid, stream: 'stdout', text: 'rows: 8\n', at: 3000 });
    expect(out).toMatchObject({ tone: 'neutral', text: '[pid 7] rows: 8', muted: true });
    expect(line({ type: 'enzyme.log', pid: 7 as Pid, stream: 'stderr', text: 'a\nb\n', at: 3000 })).toMatchObject({ tone: 'warn', text: '[pid 7] a ⏎ b' });
    expect(out.haystack).toBe('enzyme.log [pid 7] rows: 8');
  });
});
