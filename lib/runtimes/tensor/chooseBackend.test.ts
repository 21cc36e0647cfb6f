import { describe, expect, it } from 'vitest';
import { chooseBackend, type BackendCandidate } from './chooseBackend';

// Figures measured in headless Chromium without a GPU (512² float32 matmul).
const headless: BackendCandidate[] = [
  { name: 'webgpu', available: true, gflops: 0.5, software: true },
  { name: 'webgl', available: true, gflops: 2.2, software: true },
  { name: 'wasm', available: true, gflops: 20 },
  { name: 'cpu', available: true, gflops: 0.55 },
];

describe('chooseBackend', () => {
  it('picks WASM over software-emulated GPUs that measured ten times slower', () => {
    const choice = chooseBackend(headless, 'auto');
    expect(choice?.backend).toBe('wasm');
    expect(choice?.reason).toMatch(/wasm was fastest at 20 GFLOP\/s/);
    expect(choice?.reason).toMatch(/webgl 2\.2 software/);
  });

  it('picks a hardware GPU that measured faster than WASM', () => {
    const gpu = headless.map((c) => (c.name === 'webgpu' ? { ...c, gflops: 150, software: false } : c));
    expect(chooseBackend(gpu)?.backend).toBe('webgpu');
  });

  it('gives a hardware GPU headroom over WASM at the small calibration size, but not a software one', () => {
    const close: BackendCandidate[] = [
      { name: 'webgl', available: true, gflops: 14 },
      { name: 'wasm', available: true, gflops: 20 },
    ];
    const choice = chooseBackend(close);
    expect(choice?.backend).toBe('webgl');
    expect(choice?.reason).toMatch(/hardware GPU within 2x of wasm/);
    expect(chooseBackend(close.map((c) => ({ ...c, software: c.name === 'webgl' })))?.backend).toBe('wasm');
    // A hardware GPU far slower than WASM still loses.
    expect(chooseBackend([{ name: 'webgpu', available: true, gflops: 5 }, { name: 'wasm', available: true, gflops: 20 }])?.backend).toBe('wasm');
  });

  it('never picks a backend that is not available, however fast it was', () => {
    const choice = chooseBackend([{ name: 'webgpu', available: false, reason: 'no adapter', gflops: 999 }, { name: 'cpu', available: true, gflops: 0.5 }]);
    expect(choice?.backend).toBe('cpu');
  });

  it('honours an available override even when it is slower', () => {
    expect(chooseBackend(headless, 'cpu')).toEqual({ backend: 'cpu', reason: 'cpu was chosen in settings.' });
  });

  it('falls back to auto when the override is unavailable, and says why', () => {
    const noGpu = headless.map((c) => (c.name === 'webgpu' ? { name: c.name, available: false, reason: 'no WebGPU adapter' } : c));
    const choice = chooseBackend(noGpu, 'webgpu');
    expect(choice?.backend).toBe('wasm');
    expect(choice?.reason).toMatch(/^webgpu was chosen in settings but is not available \(no WebGPU adapter\); wasm was fastest/);
    expect(chooseBackend(headless.filter((c) => c.name !== 'webgl'), 'webgl')?.reason).toMatch(/not available \(not built in\)/);
  });

  it('without measurements prefers GPUs, but puts software ones after WASM', () => {
    const unmeasured = headless.map(({ gflops: _g, ...c }) => c);
    expect(chooseBackend(unmeasured)?.backend).toBe('wasm');
    expect(chooseBackend(unmeasured.map((c) => ({ ...c, software: false })))?.backend).toBe('webgpu');
    expect(chooseBackend([{ name: 'webgl', available: true, software: true }, { name: 'cpu', available: true }])?.backend).toBe('webgl');
    expect(chooseBackend(unmeasured)?.reason).toMatch(/none was measured/);
  });

  it('returns null when no backend is available', () => {
    expect(chooseBackend([{ name: 'wasm', available: false, reason: 'x' }])).toBeNull();
    expect(chooseBackend([])).toBeNull();
  });
});
