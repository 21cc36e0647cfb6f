/**
 * The tensor runtime's engine: JavaScript defining `execute(inputs)`, run with `tf` in scope on the
 * backend that measured fastest here (or the one chosen in settings). Tensor descriptors in the
 * inputs arrive as tensors, tensors in the outputs leave as descriptors, and nothing leaks between runs.
 */
import { WeftError } from '../../core';
import type { Engine, EngineJob, EngineResult } from '../engine';
import { callExecute, compileExecute } from '../javascript/jsSandbox';
import type { LoadOptions } from '../workerProtocol';
import type { RunDetails } from '../types';
import { calibrateBackends, type Calibration, type CalibrationHooks, type CalibrationOptions } from './calibrateBackends';
import { chooseBackend } from './chooseBackend';
import { routeConsole } from '../routeConsole';
import { fromTensorOutputs, toTensorInputs } from './tensorValues';
import { isTensorBackend, TENSOR_BACKENDS, type BackendOverride, type Tf, type TensorBackend } from './tf';
import { withRunScope } from './withRunScope';

export interface TensorEngineDeps {
  /** tfjs-core with its backends registered. */
  readonly tf: Tf;
  /** Backends to consider (default: every one of webgpu, webgl, wasm, cpu that is registered with `tf`). */
  readonly backends?: readonly TensorBackend[];
  /** Starts and selects a backend (default `tf.setBackend`); the worker starts WASM with threads here. */
  readonly init?: (name: TensorBackend, options: LoadOptions) => Promise<boolean>;
  /** Reads what a started backend runs on (software GPU, WASM threads…). */
  readonly probe?: CalibrationHooks['probe'];
  readonly calibration?: CalibrationOptions;
  /** Locks the worker's globals (jsSandbox `lockDown`); called once everything was fetched. */
  readonly lockDown?: (network: boolean) => void;
  /** Whose `log`/`warn`/`error` are routed to the run's output while it runs. */
  readonly console?: Pick<Console, 'log' | 'info' | 'debug' | 'warn' | 'error'>;
  readonly now?: () => number;
}

/**
 * Reads the `backend` load option; anything unknown counts as `auto`. The tensor worker's load
 * options: `backend` ('auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu'), `network` (boolean: leave the
 * network globals to skill code) and `wasmThreads` (number of WASM threads; default half the cores).
 */
export function backendOverride(options: LoadOptions): BackendOverride {
  return isTensorBackend(options.backend) ? options.backend : 'auto';
}

/**
 * Builds the tensor engine; the worker hands it to `serveEngine`.
 * @example serveEngine(self, createTensorEngine({ tf, lockDown: (network) => lockDown(self, { network }) }))
 */
export function createTensorEngine(deps: TensorEngineDeps): Engine {
  const { tf } = deps;
  const now = deps.now ?? (() => performance.now());
  let active: TensorBackend | null = null;

  const load = async (options: LoadOptions, progress: (phase: string, loaded: number, total: number) => void): Promise<RunDetails> => {
    const started = now();
    const registered = (deps.backends ?? TENSOR_BACKENDS).filter((name) => hasFactory(tf, name));
    progress('backends', registered.length, TENSOR_BACKENDS.length);
    const override = backendOverride(options);
    const init = deps.init;
    const hooks: CalibrationHooks = { ...(init ? { init: (name: TensorBackend) => init(name, options) } : {}), ...(deps.probe ? { probe: deps.probe } : {}), progress };
    const calibrate = (names: readonly TensorBackend[]) => calibrateBackends(tf, names, hooks, { ...(deps.now ? { now: deps.now } : {}), ...deps.calibration });

    let calibration: Calibration = { candidates: [], details: {} };
    if (override !== 'auto' && registered.includes(override)) calibration = await calibrate([override]);
    if (!calibration.candidates.some((c) => c.available)) {
      const rest = await calibrate(registered.filter((name) => !calibration.candidates.some((c) => c.name === name)));
      calibration = { candidates: [...calibration.candidates, ...rest.candidates], details: { ...calibration.details, ...rest.details } };
    }

    const choice = chooseBackend(calibration.candidates, override);
    if (!choice || !(await tf.setBackend(choice.backend))) {
      const why = calibration.candidates.map((c) => `${c.name}: ${c.reason ?? 'did not start'}`).join('; ');
      throw new WeftError('RUNTIME_LOAD_FAILED', `No TensorFlow.js backend could start in this browser (${why || 'none is built in'}). Try another browser, or enable WebAssembly.`, { ...calibration.details });
    }
    active = choice.backend;
    // Last: the WASM binaries were fetched while the backends started, and skill code must not fetch.
    deps.lockDown?.(options.network === true);
    return {
      backend: choice.backend,
      backendReason: choice.reason,
      ...(override !== 'auto' ? { backendOverride: override } : {}),
      tfVersion: tf.version_core,
      ...calibration.details,
      loadMs: Math.round(now() - started),
    };
  };

  const run = async (job: EngineJob): Promise<EngineResult> => {
    if (!active) throw new WeftError('RUNTIME_LOAD_FAILED', 'The tensor runtime was asked to run code before it loaded.');
    // A previous run may have switched backends (tf.setBackend); every run starts on the chosen one.
    if (tf.getBackend() !== active) await tf.setBackend(active);
    const restoreConsole = deps.console ? routeConsole(deps.console, job.log.bind(job)) : () => {};
    try {
      const outputs = await withRunScope(tf, async () => {
        const execute = compileExecute(job.code, { tf }, 'tensor');
        const inputs = toTensorInputs(tf, job.inputs);
        return callExecute(async (values) => fromTensorOutputs(tf, await execute(values)), inputs, job.seed, 'tensor');
      });
      return { outputs, details: { backend: active } };
    } finally {
      restoreConsole();
    }
  };

  return { load, run };
}

function hasFactory(tf: Tf, name: TensorBackend): boolean {
  try {
    return tf.findBackendFactory(name) != null;
  } catch {
    return false;
  }
}
