import { describe, expect, it } from 'vitest';
import { WeftError } from '../../core';
import { type EngineJob, type EngineScope, serveEngine } from '../engine';
import type { LogStream } from '../types';
import type { FromWorker, ToWorker } from '../workerProtocol';
import { createSpiceEngine, type SpiceSimulation } from './spiceEngine';
import { AC_RESULT, CONSTANTS_RESULT, RC_INPUTS, RC_TEMPLATE, TRAN_RESULT } from './spiceFixtures';
import type { SpiceResult } from './spiceVectors';

type Step = { result: SpiceResult; errors?: string[]; info?: string } | 'hang';

/** A stand-in for eecircuit's Simulation: answers each run from `steps`, records the netlists. */
class FakeSimulation implements SpiceSimulation {
  readonly netlists: string[] = [];
  private errors: string[] = [];
  private info = '';
  constructor(
    private readonly steps: Step[],
    private readonly startError?: Error,
  ) {}
  start = async () => {
    if (this.startError) throw this.startError;
  };
  setNetList = (netlist: string) => void this.netlists.push(netlist);
  runSim = async () => {
    const step = this.steps.shift();
    if (!step) throw new Error('FakeSimulation: no more steps');
    if (step === 'hang') return new Promise<SpiceResult>(() => {});
    this.errors = step.errors ?? [];
    this.info = step.info ?? '';
    return step.result;
  };
  getError = () => this.errors;
  getInfo = () => this.info;
  getInitInfo = () => "Warning: can't find the initialization file spinit.\n\n******\n** ngspice-45.2 : Circuit level simulation program\n";
}

function job(code: string, inputs: Record<string, unknown> = {}) {
  const logs: { stream: LogStream; text: string }[] = [];
  const value: EngineJob = { id: 1, code, inputs, seed: 1, permissions: [], log: (stream, text) => logs.push({ stream, text }) };
  return { job: value, logs };
}

async function loaded(sim: FakeSimulation) {
  const engine = createSpiceEngine({ createSimulation: () => sim, stallMs: 20 });
  await engine.load({}, () => {});
  return engine;
}

async function failure(promise: Promise<unknown>): Promise<WeftError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WeftError) return error;
    throw error;
  }
  throw new Error('expected the run to fail');
}

const UNPARSED = ["warning, can't find model 'abc' from line", '    r1 in out abc', 'Error on line 3 or its substitute:', '  r1 in out abc', '  unknown parameter (abc) ', '    Simulation interrupted due to error!', '', 'Error: circuit not parsed.'];

describe('spice engine', () => {
  it('starts ngspice, reporting progress, and says what it runs', async () => {
    const progress: [string, number, number][] = [];
    let lockedDown = 0;
    const engine = createSpiceEngine({ createSimulation: () => new FakeSimulation([]), afterStart: () => lockedDown++ });
    const details = await engine.load({}, (phase, done, total) => progress.push([phase, done, total]));
    expect(details).toEqual({ engine: 'ngspice (eecircuit-engine 1.8.0)', ngspice: '45.2' });
    expect(progress).toEqual([['Starting ngspice', 0, 1], ['Starting ngspice', 1, 1]]);
    expect(lockedDown).toBe(1);
  });

  it('fails to load with RUNTIME_LOAD_FAILED when the WebAssembly does not start', async () => {
    const engine = createSpiceEngine({ createSimulation: () => new FakeSimulation([], new Error('CompileError: wasm validation error')) });
    const error = await failure(engine.load({}, () => {}));
    expect(error.code).toBe('RUNTIME_LOAD_FAILED');
    expect(error.message).toMatch(/did not start: CompileError: wasm validation error/);
  });

  it('runs each analysis of the filled template separately and returns every vector, grouped, and a plot', async () => {
    const sim = new FakeSimulation([{ result: TRAN_RESULT }, { result: AC_RESULT }]);
    const engine = await loaded(sim);
    const result = await engine.run(job(RC_TEMPLATE, RC_INPUTS).job);
    expect(sim.netlists.map((n) => n.split('\n').slice(4, 6))).toEqual([
      ['.tran 0.00001 0.005', '*.ac dec 20 10 1000000'],
      ['*.tran 0.00001 0.005', '.ac dec 20 10 1000000'],
    ]);
    expect(Object.keys(result.outputs)).toEqual(['vectors', 'plot']);
    const vectors = result.outputs.vectors as Record<string, Record<string, unknown>>;
    expect(Object.keys(vectors)).toEqual(['tran', 'ac']);
    expect(Object.keys(vectors.tran!)).toEqual(['time', 'v(in)', 'v(out)', 'i(v1)']);
    expect(vectors.ac!['v(out)']).toEqual({ re: [0.6, 0, 0.006], im: [-0.8, -0.1, 0.008] });
    expect((result.outputs.plot as { vconcat: unknown[] }).vconcat).toHaveLength(2);
    expect(result.details).toEqual({ analyses: 'tran,ac', ngspiceRuns: 2, points: 7 });
  });

  it('refuses a template with a missing input before ngspice sees it', async () => {
    const sim = new FakeSimulation([]);
    const error = await failure((await loaded(sim)).run(job('R1 a 0 {{R}}\n.op\n.end').job));
    expect(error.code).toBe('RUNTIME_INPUT_INVALID');
    expect(sim.netlists).toEqual([]);
  });

  it('reports a netlist ngspice cannot read as SPICE_NETLIST with its own lines and the line number, then runs the next one', async () => {
    const sim = new FakeSimulation([{ result: CONSTANTS_RESULT, errors: UNPARSED }, { result: TRAN_RESULT }]);
    const engine = await loaded(sim);
    const { job: bad, logs } = job('* bad\nV1 in 0 1\nR1 in out abc\n.tran 1u 1m\n.end');
    const error = await failure(engine.run(bad));
    expect(error.code).toBe('SPICE_NETLIST');
    expect(error.message).toMatch(/^ngspice could not simulate the netlist:\n {2}warning, can't find model 'abc' from line\n[\s\S]* {2}unknown parameter \(abc\)\n[\s\S]*Error: circuit not parsed\.\nFix the netlist and run again\.$/);
    expect(error.data).toEqual({ errors: UNPARSED.filter((l) => l.trim()).map((l) => l.trimEnd()), analysis: 'tran', line: 3 });
    expect(error.data.replaceWorker).toBeUndefined();
    expect(logs.filter((l) => l.stream === 'stderr').map((l) => l.text).join('')).toMatch(/unknown parameter \(abc\)/);
    await expect(engine.run(job('* ok\nV1 in 0 1\nR1 in out 1k\nC1 out 0 1u\n.tran 1u 1m\n.end').job)).resolves.toMatchObject({ details: { analyses: 'tran' } });
  });

  it('names the analysis that failed when there are several', async () => {
    const sim = new FakeSimulation([{ result: TRAN_RESULT }, { result: CONSTANTS_RESULT, errors: ['Error: AC analysis failed'] }]);
    const error = await failure((await loaded(sim)).run(job(RC_TEMPLATE, RC_INPUTS).job));
    expect(error.message).toMatch(/^ngspice could not simulate the netlist \(its \.ac on line 6\):\n {2}Error: AC analysis failed/);
  });

  it('fails a run that produced vectors when ngspice says it aborted (a transient that gave up half way)', async () => {
    const sim = new FakeSimulation([{ result: TRAN_RESULT, errors: ['doAnalyses: TRAN:  Timestep too small; time = 1e-9, timestep = 1.25e-22: trouble with d1-instance d1', 'run simulation(s) aborted'] }]);
    const error = await failure((await loaded(sim)).run(job('t\nR1 a 0 1\n.tran 1p 1n\n.end').job));
    expect(error.code).toBe('SPICE_NETLIST');
    expect(error.message).toMatch(/Timestep too small/);
  });

  it('passes warnings through to stderr and ngspice output (measurements) to stdout, without the prompts', async () => {
    const info = 'ngspice 1 -> ngspice 1 -> \nNote: No compatibility mode selected!\n\n\nCircuit: * m\n\nWarning: singular matrix:  check node y\n\nNo. of Data Rows : 512\n\n  Measurements for Transient Analysis\n\nvmax                =  8.465873e-01 at=  4.337306e-03\n\nngspice 4 -> binary raw file "out.raw"\n';
    const sim = new FakeSimulation([{ result: TRAN_RESULT, errors: ['Warning: singular matrix:  check node y', ''], info }]);
    const { job: run, logs } = job('t\nR1 a 0 1\n.tran 1u 1m\n.end');
    await (await loaded(sim)).run(run);
    expect(logs).toEqual([
      { stream: 'stdout', text: 'Circuit: * m\n\nNo. of Data Rows : 512\n\n  Measurements for Transient Analysis\n\nvmax                =  8.465873e-01 at=  4.337306e-03\n' },
      { stream: 'stderr', text: 'Warning: singular matrix:  check node y\n' },
    ]);
  });

  it('when ngspice stops for good, fails that run with replaceWorker and every later run with RUNTIME_CRASHED', async () => {
    const sim = new FakeSimulation(['hang', { result: TRAN_RESULT }]);
    const engine = await loaded(sim);
    const error = await failure(engine.run(job('t\n.include /nope.lib\nR1 a 0 1\n.op\n.end').job));
    expect(error.code).toBe('SPICE_NETLIST');
    expect(error.message).toMatch(/^ngspice stopped while running the netlist\. Fix the netlist and run again; a fresh ngspice will start\.$/);
    expect(error.data).toMatchObject({ replaceWorker: true, analysis: 'op' });
    const next = await failure(engine.run(job('t\nR1 a 0 1\n.op\n.end').job));
    expect(next.code).toBe('RUNTIME_CRASHED');
    expect(next.data).toEqual({ replaceWorker: true });
    expect(sim.netlists).toHaveLength(1);
  });

  it('speaks the worker protocol through serveEngine: ready with details, done with outputs, failed with the error data', async () => {
    const posted: FromWorker[] = [];
    let listener: (event: { data: ToWorker }) => void = () => {};
    const scope: EngineScope = { postMessage: (m) => posted.push(m), addEventListener: (_, l) => (listener = l) };
    serveEngine(scope, createSpiceEngine({ createSimulation: () => new FakeSimulation([{ result: CONSTANTS_RESULT, errors: UNPARSED }, { result: TRAN_RESULT }]) }), () => 0);
    listener({ data: { t: 'load', options: {} } });
    listener({ data: { t: 'run', id: 1, code: '* bad\nV1 in 0 1\nR1 in out abc\n.tran 1u 1m\n.end', inputs: {}, seed: 1, permissions: [] } });
    listener({ data: { t: 'run', id: 2, code: '* ok\nR1 in 0 {{R}}\n.tran 1u 1m\n.end', inputs: { R: 5 }, seed: 1, permissions: [] } });
    await expect.poll(() => posted.filter((m) => m.t === 'done' || m.t === 'failed').length).toBe(2);
    expect(posted.find((m) => m.t === 'ready')).toEqual({ t: 'ready', details: { engine: 'ngspice (eecircuit-engine 1.8.0)', ngspice: '45.2' } });
    const failed = posted.find((m) => m.t === 'failed');
    expect(failed).toMatchObject({ id: 1, error: { code: 'SPICE_NETLIST', data: { line: 3, analysis: 'tran' } } });
    expect(posted.find((m) => m.t === 'done')).toMatchObject({ id: 2, outputs: { vectors: { tran: { time: [0, 1e-4, 2e-4, 3e-4] } } } });
  });
});
