/**
 * Which TensorFlow.js backend a tensor worker runs on, decided from what was measured on this
 * device rather than by a fixed order: a software WebGPU adapter or WebGL renderer (SwiftShader,
 * llvmpipe) is ten times slower than WASM SIMD, so "WebGPU first" would be the wrong choice there.
 */
import { isGpuBackend, type BackendOverride, type TensorBackend } from './tf';

/** One backend as the runtime found it at start-up. */
export interface BackendCandidate {
  readonly name: TensorBackend;
  /** It initialised (and, when measured, computed a correct matmul). */
  readonly available: boolean;
  /** Why it is not available ("no WebGPU adapter", "timed out after 5000 ms"…). */
  readonly reason?: string;
  /** GFLOP/s of the calibration matmul, when measured. */
  readonly gflops?: number;
  /** A GPU backend running on a CPU emulation (fallback adapter, SwiftShader, llvmpipe). */
  readonly software?: boolean;
}

export interface BackendChoice {
  readonly backend: TensorBackend;
  /** One sentence a user can read in the runtime's details. */
  readonly reason: string;
}

/**
 * A hardware GPU counts its calibration figure twice: at the calibration size (256²) a GPU spends
 * most of its time on dispatch and read-back, and it pulls further ahead of the CPU backends as
 * tensors grow, so a GPU that merely ties with WASM at 256² is the better choice for real work.
 */
export const HARDWARE_GPU_HEADROOM = 2;

const score = (c: BackendCandidate): number => (c.gflops ?? 0) * (isGpuBackend(c.name) && !c.software ? HARDWARE_GPU_HEADROOM : 1);

const fmt = (gflops: number): string => (gflops >= 10 ? gflops.toFixed(0) : gflops >= 1 ? gflops.toFixed(1) : gflops.toFixed(2));

/**
 * Order when nothing was measured: hardware GPUs, WASM, software-emulated GPUs (WebGL on SwiftShader
 * still beats the plain JavaScript CPU backend), CPU.
 */
const PREFERENCE = ['webgpu', 'webgl', 'wasm', 'software webgl', 'software webgpu', 'cpu'];
const preference = (c: BackendCandidate): number => PREFERENCE.indexOf(c.software && isGpuBackend(c.name) ? `software ${c.name}` : c.name);

/**
 * Picks the backend: the user's override when it is available, otherwise the fastest measured one
 * (hardware GPUs with `HARDWARE_GPU_HEADROOM`), otherwise the first available by preference.
 * Returns null when no backend is available at all.
 * @example chooseBackend([{ name: 'webgl', available: true, gflops: 2.2, software: true }, { name: 'wasm', available: true, gflops: 20 }], 'auto')?.backend // 'wasm'
 */
export function chooseBackend(candidates: readonly BackendCandidate[], override: BackendOverride = 'auto'): BackendChoice | null {
  let prefix = '';
  if (override !== 'auto') {
    const asked = candidates.find((c) => c.name === override);
    if (asked?.available) return { backend: override, reason: `${override} was chosen in settings.` };
    prefix = `${override} was chosen in settings but is not available (${asked?.reason ?? 'not built in'}); `;
  }
  const available = candidates.filter((c) => c.available);
  if (available.length === 0) return null;

  const measured = available.filter((c) => typeof c.gflops === 'number' && Number.isFinite(c.gflops) && c.gflops > 0);
  if (measured.length > 0) {
    const best = [...measured].sort((a, b) => score(b) - score(a) || preference(a) - preference(b))[0]!;
    const others = measured.filter((c) => c !== best).map((c) => `${c.name} ${fmt(c.gflops!)}${c.software ? ' software' : ''}`);
    const fastest = [...measured].sort((a, b) => b.gflops! - a.gflops!)[0]!;
    const why =
      fastest === best
        ? `${best.name} was fastest at ${fmt(best.gflops!)} GFLOP/s`
        : `${best.name} (${fmt(best.gflops!)} GFLOP/s) is a hardware GPU within ${HARDWARE_GPU_HEADROOM}x of ${fastest.name}, and GPUs gain on larger tensors`;
    return { backend: best.name, reason: `${prefix}${why}${others.length ? `; also measured: ${others.join(', ')}` : ''}.` };
  }
  const best = [...available].sort((a, b) => preference(a) - preference(b))[0]!;
  return { backend: best.name, reason: `${prefix}${best.name} is the first available backend (none was measured).` };
}
