/**
 * The spice runtime's engine: fills the netlist template, runs each analysis in ngspice (the
 * WebAssembly build in eecircuit-engine, injected as `createSimulation`), and returns `vectors`
 * and a `plot`.
 *
 * What eecircuit-engine 1.8.0 does, and how this copes:
 * - One `Simulation` serves any number of runs; a netlist that does not parse leaves it usable
 *   (the run resolves with an empty `constants` plot and ngspice's complaints in `getError()`),
 *   so that is a SPICE_NETLIST error and the next run works.
 * - It returns only the last analysis's plot, so several analyses are run one at a time.
 * - A fatal ngspice error (a missing `.include` file) or `quit` ends ngspice: `runSim()` then
 *   never settles. A healthy run settles before the event loop turns (the simulation is one
 *   synchronous stretch of WebAssembly), so a run still pending after a timer fires is dead. The
 *   engine then fails the run with `data.replaceWorker: true`, and every later run with
 *   RUNTIME_CRASHED, also `replaceWorker: true`: the host should replace the worker.
 */
import { type Clock, systemClock, WeftError } from '../../core';
import type { Engine, EngineJob, EngineResult } from '../engine';
import type { RunDetails } from '../types';
import type { LoadOptions } from '../workerProtocol';
import { fillNetlist } from './fillNetlist';
import { spicePlot } from './spicePlot';
import { type AnalysisRun, splitAnalyses } from './splitAnalyses';
import { isEmptyResult, type SpiceResult, type SpiceVectors, toAnalysisVectors } from './spiceVectors';

/** The eecircuit-engine version the worker bundles (a test checks it against node_modules). */
export const EECIRCUIT_VERSION = '1.8.0';

/** The part of eecircuit-engine's `Simulation` the engine uses. */
export interface SpiceSimulation {
  start(): Promise<void>;
  setNetList(netlist: string): void;
  runSim(): Promise<SpiceResult>;
  /** What ngspice printed to stderr during the last run (errors, warnings, notes). */
  getError(): string[];
  /** Everything ngspice printed during the last run. */
  getInfo(): string;
  /** What ngspice printed when it started (its banner, with the version). */
  getInitInfo(): string;
}

export interface SpiceEngineOptions {
  readonly createSimulation: () => SpiceSimulation;
  /** Runs once ngspice has started; the worker locks its global scope down here. */
  readonly afterStart?: () => void;
  readonly clock?: Pick<Clock, 'setTimeout' | 'clearTimeout'>;
  /** How long after the event loop turns a still-pending run counts as dead (see above). */
  readonly stallMs?: number;
}

/** Lines of ngspice's stderr that mean the run failed (the rest are warnings and notes). */
const FATAL = /^\s*(?:error|fatal error)\b|\baborted\b|\binterrupted\b|not parsed|timestep too small|simulation not started|fatal error in ngspice/i;

/**
 * An `Engine` for `serveEngine` that simulates netlist templates.
 * @example serveEngine(self, createSpiceEngine({ createSimulation: () => new Simulation() }))
 */
export function createSpiceEngine(options: SpiceEngineOptions): Engine {
  const clock = options.clock ?? systemClock;
  const stallMs = options.stallMs ?? 500;
  let sim: SpiceSimulation | null = null;
  let dead: WeftError | null = null;

  const load = async (_options: LoadOptions, progress: (phase: string, loaded: number, total: number) => void): Promise<RunDetails> => {
    progress('Starting ngspice', 0, 1);
    const started = options.createSimulation();
    try {
      await started.start();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new WeftError('RUNTIME_LOAD_FAILED', `ngspice (WebAssembly) did not start: ${detail}. Reload the page; if it keeps failing, this browser may not support WebAssembly.`, { detail });
    }
    progress('Starting ngspice', 1, 1);
    options.afterStart?.();
    sim = started;
    const version = /ngspice-([\w.]+)/.exec(started.getInitInfo())?.[1];
    return { engine: `ngspice (eecircuit-engine ${EECIRCUIT_VERSION})`, ...(version ? { ngspice: version } : {}) };
  };

  /** One analysis through ngspice; throws SPICE_NETLIST with ngspice's own lines when it fails. */
  const simulate = async (simulation: SpiceSimulation, run: AnalysisRun, runs: number, job: EngineJob): Promise<SpiceResult> => {
    simulation.setNetList(run.netlist);
    const outcome = await settleOrStall(simulation.runSim(), clock, stallMs);
    const errors = simulation.getError().map((line) => line.trimEnd()).filter((line) => line.trim() !== '');
    const where = runs > 1 ? ` (its .${run.analysis} on line ${run.line})` : '';
    if (outcome.kind !== 'settled') {
      dead = new WeftError('RUNTIME_CRASHED', 'ngspice stopped during an earlier run and cannot simulate any more; the spice runtime must be restarted.', { replaceWorker: true });
      const said = errors.length > 0 ? `:\n${quote(errors)}\n` : outcome.kind === 'rejected' ? ` (${outcome.detail}). ` : '. ';
      throw new WeftError('SPICE_NETLIST', `ngspice stopped while running the netlist${where}${said}Fix the netlist and run again; a fresh ngspice will start.`, {
        errors,
        analysis: run.key,
        replaceWorker: true,
        ...lineOf(errors),
      });
    }
    const result = outcome.value;
    report(job, simulation.getInfo(), errors, runs > 1 ? `.${run.analysis} (line ${run.line})` : null);
    if (isEmptyResult(result) || errors.some((line) => FATAL.test(line))) {
      const said = errors.length > 0 ? `:\n${quote(errors)}` : ', and said nothing about why.';
      throw new WeftError('SPICE_NETLIST', `ngspice could not simulate the netlist${where}${said}\nFix the netlist and run again.`, { errors, analysis: run.key, ...lineOf(errors) });
    }
    return result;
  };

  const run = async (job: EngineJob): Promise<EngineResult> => {
    if (dead) throw dead;
    if (!sim) throw new WeftError('RUNTIME_LOAD_FAILED', 'ngspice has not started, so nothing can run in it.');
    const runs = splitAnalyses(fillNetlist(job.code, job.inputs));
    const vectors: SpiceVectors = {};
    let points = 0;
    for (const analysis of runs) {
      const result = await simulate(sim, analysis, runs.length, job);
      vectors[analysis.key] = toAnalysisVectors(result);
      points += result.numPoints;
    }
    return {
      outputs: { vectors, plot: spicePlot(vectors) },
      details: { analyses: runs.map((r) => r.key).join(','), ngspiceRuns: runs.length, points },
    };
  };

  return { load, run };
}

type Outcome = { kind: 'settled'; value: SpiceResult } | { kind: 'rejected'; detail: string } | { kind: 'stalled' };

async function settleOrStall(running: Promise<SpiceResult>, clock: Pick<Clock, 'setTimeout' | 'clearTimeout'>, stallMs: number): Promise<Outcome> {
  let timer: ReturnType<Clock['setTimeout']> | undefined;
  const stalled = new Promise<Outcome>((resolve) => {
    timer = clock.setTimeout(() => resolve({ kind: 'stalled' }), stallMs);
  });
  try {
    return await Promise.race([
      running.then(
        (value): Outcome => ({ kind: 'settled', value }),
        (error: unknown): Outcome => ({ kind: 'rejected', detail: error instanceof Error ? error.message : String(error) }),
      ),
      stalled,
    ]);
  } finally {
    if (timer !== undefined) clock.clearTimeout(timer);
  }
}

/** ngspice's chatter minus the prompts and eecircuit's own steps, to stdout; its stderr lines to stderr. */
function report(job: EngineJob, info: string, errors: readonly string[], heading: string | null): void {
  const noise = new Set(errors.map((line) => line.trim()));
  const lines = info
    .replace(/ngspice \d+ -> /g, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => !noise.has(line.trim()) && !/^binary raw file "out\.raw"$|^Note: No compatibility mode selected!$|^Using SPARSE [\d.]+ as Direct Linear Solver$/.test(line.trim()));
  const text = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  if (text) job.log('stdout', `${heading ? `* ngspice ${heading}\n` : ''}${text}\n`);
  if (errors.length > 0) job.log('stderr', `${errors.join('\n')}\n`);
}

const quote = (errors: readonly string[]): string => {
  const shown = errors.slice(0, 12).map((line) => `  ${line.trim()}`);
  return (errors.length > 12 ? [...shown, `  … ${errors.length - 12} more lines`] : shown).join('\n');
};

/** `{ line }` from ngspice's "Error on line N", so an editor can point at it. */
function lineOf(errors: readonly string[]): { line?: number } {
  const match = errors.map((line) => /error on line (\d+)/i.exec(line)).find(Boolean);
  return match ? { line: Number(match[1]) } : {};
}
