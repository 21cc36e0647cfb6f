import { describe, expect, it } from 'vitest';
import type { RuntimeStatus } from '@/lib/runtimes/types';
import { readyFacts, runtimeChip } from './runtimeChip';

const status = (s: Partial<RuntimeStatus> & Pick<RuntimeStatus, 'kind' | 'state'>): RuntimeStatus => ({ workers: 0, busy: 0, ...s });

describe('the header chip of a runtime', () => {
  it('names an idle runtime and says it loads on first use', () => {
    const view = runtimeChip(status({ kind: 'python', state: 'idle' }));
    expect(view).toMatchObject({ state: 'idle', label: 'Python', progress: null, ariaLabel: 'Python: not loaded yet' });
    expect(view.title).toMatch(/^Python 3 compiled to WebAssembly \(Pyodide\)/);
    expect(view.title).toContain('Not loaded yet: it loads on first use.');
  });

  it('shows loading progress in percent, with what is loading in the tooltip', () => {
    const view = runtimeChip(status({ kind: 'python', state: 'loading', progress: 0.6, detail: 'pyodide.asm.wasm', workers: 1 }));
    expect(view).toMatchObject({ label: 'Loading Python… 60%', progress: 0.6 });
    expect(view.title).toContain('Loading: pyodide.asm.wasm (60%).');
    expect(runtimeChip(status({ kind: 'spice', state: 'loading' })).label).toBe('Loading SPICE… 0%');
    expect(runtimeChip(status({ kind: 'spice', state: 'loading', progress: 3 })).progress).toBe(1);
  });

  it('shows a ready runtime with how it loaded, and the tensor runtime with its backend', () => {
    const python = runtimeChip(status({ kind: 'python', state: 'ready', workers: 2, busy: 1, details: { pyodide: '314.0.7', python: '3.14.0', loadMs: 812.4, snapshot: 'restored' } }));
    expect(python.label).toBe('Python');
    expect(python.ariaLabel).toBe('Python: ready');
    expect(python.title).toContain('Ready: Pyodide 314.0.7, Python 3.14.0, restored from a snapshot in 812 ms.');
    expect(python.title).toContain('2 workers, 1 busy.');
    const tensor = runtimeChip(status({ kind: 'tensor', state: 'ready', detail: 'wasm', details: { backend: 'wasm', backendReason: 'wasm measured fastest.' } }));
    expect(tensor.label).toBe('tensor · wasm');
    expect(tensor.title).toContain('\nwasm measured fastest.');
    expect(tensor.title).toContain('Backend: Auto (fastest measured); click to choose.');
  });

  it('shows the chosen tensor backend before the runtime loads', () => {
    expect(runtimeChip(status({ kind: 'tensor', state: 'idle' }), 'webgl').label).toBe('tensor · webgl');
    expect(runtimeChip(status({ kind: 'tensor', state: 'idle' }), 'auto').label).toBe('tensor');
  });

  it('puts the reason of a failure in the tooltip', () => {
    const view = runtimeChip(status({ kind: 'python', state: 'failed', detail: 'The Python runtime could not start (404).' }));
    expect(view).toMatchObject({ state: 'failed', label: 'Python', ariaLabel: 'Python: failed to load' });
    expect(view.title).toContain('Failed to load: The Python runtime could not start (404). It is tried again on the next run.');
  });

  it('says nothing about facts it does not have', () => {
    expect(readyFacts(status({ kind: 'javascript', state: 'ready' }))).toBe('');
  });
});
