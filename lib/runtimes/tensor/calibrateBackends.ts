/**
 * Start-up of the tensor runtime: initialise each backend, ask what it runs on (software GPU or
 * not), and time a short matmul on it, so `chooseBackend` decides from figures found on this device.
 */
import type { RunDetails } from '../types';
import type { BackendCandidate } from './chooseBackend';
import { measureMatmul } from './measureMatmul';
import type { Tf, TensorBackend } from './tf';

/** What a backend runs on, found after it initialised (adapter, renderer, SIMD…). */
export interface BackendFacts {
  /** A GPU backend emulated on the CPU (fallback WebGPU adapter, SwiftShader or llvmpipe WebGL). */
  readonly software?: boolean;
  /** Flat facts for the runtime's details: `webgpuAdapter`, `webglRenderer`, `wasmThreads`… */
  readonly details?: RunDetails;
}

export interface CalibrationOptions {
  /** Matrix size of the calibration matmul; 256 keeps the slowest timed backend under a few hundred ms. */
  readonly n?: number;
  /** Size for the cpu backend, whose speed hardly depends on size (and which is slow): 128. */
  readonly cpuN?: number;
  readonly reps?: number;
  /** Timed runs stop once a backend spent this long (at least one is always timed). */
  readonly budgetMs?: number;
  /** A backend that has not initialised after this long is given up. */
  readonly initTimeoutMs?: number;
  readonly now?: () => number;
}

export interface CalibrationHooks {
  /** Initialises and selects a backend; resolves false when it cannot run here. Default `tf.setBackend`. */
  readonly init?: (name: TensorBackend) => Promise<boolean>;
  /** Reads what the (initialised, selected) backend runs on. */
  readonly probe?: (name: TensorBackend) => Promise<BackendFacts>;
  readonly progress?: (phase: string, loaded: number, total: number) => void;
}

export interface Calibration {
  readonly candidates: BackendCandidate[];
  readonly details: RunDetails;
}

/** Largest error of a 256² matmul's corner entries that still counts as computing correctly. */
const MAX_CHECK_ERROR = 1e-2;

/**
 * Starts and probes every backend in `backends`, then times a short matmul on each. A GPU emulated
 * in software (a fallback WebGPU adapter, SwiftShader WebGL) is ten times slower than WASM SIMD and
 * its first shader compile alone costs up to a second, so it is timed only when neither a hardware
 * GPU nor WASM could be.
 * @example const { candidates } = await calibrateBackends(tf, ['wasm', 'cpu'])
 */
export async function calibrateBackends(tf: Tf, backends: readonly TensorBackend[], hooks: CalibrationHooks = {}, options: CalibrationOptions = {}): Promise<Calibration> {
  const { n = 256, cpuN = 128, reps = 3, budgetMs = 200, initTimeoutMs = 8000, now } = options;
  const init = hooks.init ?? ((name: TensorBackend) => tf.setBackend(name));
  const total = backends.length * 2;
  let step = 0;
  const details: Record<string, string | number | boolean> = {};
  const started: { name: TensorBackend; software: boolean }[] = [];
  const unavailable: BackendCandidate[] = [];
  const giveUp = (name: TensorBackend, reason: string) => {
    details[`unavailable.${name}`] = reason;
    unavailable.push({ name, available: false, reason });
  };

  for (const name of backends) {
    hooks.progress?.(`starting ${name}`, step++, total);
    const outcome = await withTimeout(init(name), initTimeoutMs).catch((error: unknown) => error);
    if (outcome === true) {
      const facts: BackendFacts = (await hooks.probe?.(name).catch((): BackendFacts => ({}))) ?? {};
      Object.assign(details, facts.details);
      started.push({ name, software: facts.software === true });
      continue;
    }
    // A start that never finishes blocks every later op ("has not yet been initialized") until its backend is removed.
    if (outcome instanceof TimeoutError && tf.findBackendFactory(name)) tf.removeBackend(name);
    giveUp(name, outcome === false ? 'it did not initialise' : outcome instanceof Error ? outcome.message : String(outcome));
  }

  const measured = new Map<TensorBackend, number>();
  const time = async (name: TensorBackend) => {
    hooks.progress?.(`calibrating ${name}`, step++, total);
    try {
      const m = await measureMatmul(tf, name, name === 'cpu' ? cpuN : n, reps, { warmup: 1, budgetMs, ...(now ? { now } : {}) });
      if (!(m.checkError <= MAX_CHECK_ERROR)) throw new Error(`its matmul was wrong by ${m.checkError}`);
      details[`gflops.${name}`] = round(m.gflops);
      measured.set(name, m.gflops);
    } catch (error) {
      giveUp(name, `calibration failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const software = started.filter((b) => b.software);
  for (const b of started) if (!b.software) await time(b.name);
  const fastAlternative = [...measured.keys()].some((name) => name !== 'cpu');
  for (const b of software) {
    if (fastAlternative) details[`untimed.${b.name}`] = 'emulated in software, far slower than the backends timed';
    else await time(b.name);
  }

  hooks.progress?.('calibrated', total, total);
  const failed = new Set(unavailable.map((c) => c.name));
  const candidates: BackendCandidate[] = backends.map((name) => {
    const gave = unavailable.find((c) => c.name === name);
    if (gave) return gave;
    const b = started.find((s) => s.name === name)!;
    const gflops = measured.get(name);
    return { name, available: !failed.has(name), software: b.software, ...(gflops !== undefined ? { gflops } : {}) };
  });
  return { candidates, details };
}

/** Three significant digits: 0.00213 and 21.3 both stay readable. */
const round = (value: number): number => Number(value.toPrecision(3));

class TimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
