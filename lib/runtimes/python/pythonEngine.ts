/**
 * The python engine: one Pyodide per worker. It installs the prelude once, streams `print` to the
 * job's log, polls the host's interrupt flag (SharedArrayBuffer), loads Pyodide packages a skill
 * imports, and runs each skill in a fresh namespace with `random.seed(seed)`.
 * Pyodide itself is injected (`loadPyodide` from the worker, or Node's build in tests).
 */
import type { PyodideAPI } from 'pyodide';
import type { Engine, EngineJob } from '../engine';
import type { LoadOptions } from '../workerProtocol';
import type { LogStream, RunDetails } from '../types';
import { WeftError } from '../../core';
import { capMemory, pyodideMemory } from './memoryCeiling';
import { PYTHON_PRELUDE } from './prelude';
import { type PackageLookup, pythonError } from './pythonErrors';
import { decodeFromPython, encodeForPython } from './pythonValues';

export interface PythonEngineDeps {
  /** Loads (or restores) Pyodide, reporting progress as it downloads and starts. */
  loadPyodide(options: LoadOptions, progress: (phase: string, loaded: number, total: number) => void): Promise<PyodideAPI>;
  /** Extra facts for the runtime's details (how it loaded: `snapshot`, `loadMs`…). */
  loadDetails?(): RunDetails;
  /**
   * Takes the app's storage (IndexedDB, where keys and settings live; Cache Storage) away from
   * skill code, once Pyodide has loaded (`from js import indexedDB` then gets a clear refusal).
   */
  lockDown?(): void;
}

type PyRun = (code: string, inputs: string, blobs: unknown, seed: number) => { toJs(options: object): [string, Uint8Array[]]; destroy(): void };

export function pythonEngine(deps: PythonEngineDeps): Engine {
  let pyodide: PyodideAPI | null = null;
  let run: PyRun | null = null;
  let flushStreams: (() => void) | null = null;
  /** What each recent code imports (parsing it again on every run costs more than the run). */
  const importsOf = new Map<string, string[]>();
  let current: EngineJob | null = null;
  const failures = new Map<string, string>();
  let ceilingMb: number | null = null;

  const packages: PackageLookup = {
    packageFor(module) {
      const lock = pyodide?.lockfile?.packages ?? {};
      for (const [name, entry] of Object.entries(lock)) {
        if (name === module || (entry.imports ?? []).includes(module)) return name;
      }
      return null;
    },
    loadFailure: (pkg) => failures.get(pkg) ?? null,
  };

  const stream = (name: LogStream) => {
    const decoder = new TextDecoder();
    return {
      write(buffer: Uint8Array) {
        const text = decoder.decode(buffer, { stream: true });
        if (text) current?.log(name, text);
        return buffer.length;
      },
    };
  };

  return {
    async load(options, progress) {
      pyodide = await deps.loadPyodide(options, progress);
      const limit = typeof options.memoryLimitBytes === 'number' && options.memoryLimitBytes > 0 ? options.memoryLimitBytes : null;
      const memory = limit === null ? null : pyodideMemory(pyodide);
      if (limit !== null && memory) {
        capMemory(memory, limit);
        ceilingMb = Math.round(limit / 2 ** 20);
      }
      if (options.interrupt) pyodide.setInterruptBuffer(new Int32Array(options.interrupt));
      pyodide.setStdout(stream('stdout'));
      pyodide.setStderr(stream('stderr'));
      pyodide.runPython(PYTHON_PRELUDE);
      run = pyodide.globals.get('_weft_run') as PyRun;
      flushStreams = pyodide.globals.get('_weft_flush') as () => void;
      const version = pyodide.runPython('import sys; sys.version.split()[0]') as string;
      deps.lockDown?.();
      return { pyodide: pyodide.version, python: version, ...(ceilingMb === null ? {} : { memoryCeilingMb: ceilingMb }), ...deps.loadDetails?.() };
    },

    async run(job) {
      if (!pyodide || !run) throw new Error('The Python engine ran before it loaded.');
      current = job;
      try {
        await loadImports(pyodide, job, packages, failures, importsOf);
        const { json, blobs } = encodeForPython(job.inputs);
        const result = run(job.code, json, blobs, job.seed);
        try {
          const [outJson, outBlobs] = result.toJs({ create_pyproxies: false });
          return { outputs: decodeFromPython(outJson, outBlobs) };
        } finally {
          result.destroy();
        }
      } catch (error) {
        const coded = pythonError(error, packages);
        if (coded.code !== 'RUNTIME_MEMORY' || ceilingMb === null) throw coded;
        throw new WeftError(coded.code, `${coded.message} (A Python run may use at most ${ceilingMb} MB.)`, { ...coded.data, ceilingMb });
      } finally {
        try {
          flushStreams?.();
        } catch {
          // Flushing is best effort: a broken stream must not hide the run's own result.
        }
        current = null;
      }
    },
  };
}

/** Loads Pyodide packages the code imports (numpy…); failures are remembered for the error message. */
async function loadImports(pyodide: PyodideAPI, job: EngineJob, packages: PackageLookup, failures: Map<string, string>, cache: Map<string, string[]>): Promise<void> {
  let imports = cache.get(job.code);
  try {
    if (!imports) {
      const found = (pyodide.pyodide_py as unknown as { code: { find_imports(code: string): { toJs(): string[]; destroy(): void } } }).code.find_imports(job.code);
      imports = found.toJs();
      found.destroy();
      if (cache.size >= 64) cache.delete(cache.keys().next().value!);
      cache.set(job.code, imports);
    }
  } catch (error) {
    // An interrupt must stop the run; a syntax error is reported properly when the code runs.
    if ((error as { type?: string }).type === 'KeyboardInterrupt') throw error;
    return;
  }
  const loaded = pyodide.loadedPackages as Record<string, unknown>;
  const missing = imports.map((module) => packages.packageFor(module)).filter((pkg): pkg is string => pkg !== null && !loaded[pkg]);
  if (missing.length === 0) return;
  job.log('stderr', `Loading Pyodide packages: ${missing.join(', ')}\n`);
  await pyodide.loadPackagesFromImports(job.code, {
    messageCallback: () => {},
    errorCallback: (message: string) => {
      for (const pkg of missing) failures.set(pkg, message.trim());
    },
  });
}
