/**
 * The spice engine with the real ngspice (eecircuit-engine's WebAssembly, which runs in Node too),
 * checked against circuit theory and, where Debian's ngspice is installed, against it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Simulation } from 'eecircuit-engine';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WeftError } from '../../core';
import { defaultsOf, executableBuiltin } from '../../../skills/skillTestKit';
import type { Engine, EngineJob } from '../engine';
import { circuitSeries } from './circuitSeries';
import { fillNetlist } from './fillNetlist';
import { createSpiceEngine, EECIRCUIT_VERSION } from './spiceEngine';
import type { ComplexVector, SpiceVectors } from './spiceVectors';

const skill = executableBuiltin('rc-lowpass');
const inputs = defaultsOf(skill) as { R: number; C: number; freq: number; vin: number };
const cutoff = 1 / (2 * Math.PI * inputs.R * inputs.C);
const hasNgspice = spawnSync('ngspice', ['--version'], { encoding: 'utf8' }).status === 0;

const job = (code: string, values: Record<string, unknown> = {}): EngineJob => ({ id: 1, code, inputs: values, seed: 1, permissions: [], log: () => {} });

async function failure(promise: Promise<unknown>): Promise<WeftError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WeftError) return error;
    throw error;
  }
  throw new Error('expected the run to fail');
}

// eecircuit-engine gives ngspice a `window.prompt` to read commands from, creating `window` if there
// is none; put Node's global back as it was for the test files that run after this one.
const hadWindow = 'window' in globalThis;
afterAll(() => {
  if (!hadWindow) Reflect.deleteProperty(globalThis, 'window');
});
// ngspice's warnings also go to console.error; the engine reports them through the job's log.
beforeAll(() => void vi.spyOn(console, 'error').mockImplementation(() => {}));

describe('spice engine on ngspice (WebAssembly, in Node)', () => {
  let engine: Engine;
  let vectors: SpiceVectors;
  let plot: Record<string, unknown>;

  beforeAll(async () => {
    engine = createSpiceEngine({ createSimulation: () => new Simulation() });
    const details = await engine.load({}, () => {});
    expect(details.engine).toBe(`ngspice (eecircuit-engine ${EECIRCUIT_VERSION})`);
    expect(details.ngspice).toMatch(/^\d+(\.\d+)?$/);
    const result = await engine.run(job(skill.code.source, inputs));
    expect(Object.keys(result.outputs)).toEqual(skill.outputs.map((o) => o.name));
    ({ vectors, plot } = result.outputs as { vectors: SpiceVectors; plot: Record<string, unknown> });
  }, 60_000);

  it('bundles the eecircuit-engine version it says it does', () => {
    const installed = JSON.parse(readFileSync(join(process.cwd(), 'node_modules/eecircuit-engine/package.json'), 'utf8')) as { version: string };
    expect(EECIRCUIT_VERSION).toBe(installed.version);
  });

  it('returns the vectors of both analyses of rc-lowpass, .tran and .ac', () => {
    expect(Object.keys(vectors)).toEqual(['tran', 'ac']);
    expect(Object.keys(vectors.tran!)).toEqual(['time', 'v(in)', 'v(out)', 'i(v1)']);
    expect(Object.keys(vectors.ac!)).toEqual(['frequency', 'v(in)', 'v(out)', 'i(v1)']);
    expect(vectors.ac!.frequency).toHaveLength(101); // 20 points a decade, 10 Hz to 1 MHz
  });

  it('has |v(out)| = 1/√2 at the cutoff 1/(2πRC), and 1/√(1+(f/fc)²) at every frequency of the sweep', () => {
    const f = vectors.ac!.frequency as number[];
    const vout = vectors.ac!['v(out)'] as ComplexVector;
    const magnitude = f.map((_, i) => Math.hypot(vout.re[i]!, vout.im[i]!));
    for (let i = 0; i < f.length; i++) expect(Math.abs(magnitude[i]! - 1 / Math.sqrt(1 + (f[i]! / cutoff) ** 2))).toBeLessThan(1e-6);
    // Between the two sweep points around fc, interpolated in log f.
    const k = f.findIndex((x) => x > cutoff);
    const t = Math.log(cutoff / f[k - 1]!) / Math.log(f[k]! / f[k - 1]!);
    const atCutoff = magnitude[k - 1]! + t * (magnitude[k]! - magnitude[k - 1]!);
    expect(Math.abs(atCutoff - Math.SQRT1_2)).toBeLessThan(1e-3);
  });

  it('has a transient output amplitude of vin/√(1+(f/fc)²) once it has settled', () => {
    const time = vectors.tran!.time as number[];
    const vout = vectors.tran!['v(out)'] as number[];
    const late = vout.filter((_, i) => time[i]! > 3e-3);
    const expected = inputs.vin / Math.sqrt(1 + (inputs.freq / cutoff) ** 2);
    expect(Math.abs(Math.max(...late) - expected)).toBeLessThan(5e-3);
    expect(Math.abs(-Math.min(...late) - expected)).toBeLessThan(5e-3);
    expect(time.at(-1)).toBeCloseTo(5e-3, 12);
  });

  it('plots both: voltages against time, and the Bode magnitude against log frequency', () => {
    const panels = plot.vconcat as { title: string; encoding: { x: { title: string; scale: unknown }; y: { title: string } } }[];
    expect(panels.map((p) => [p.title, p.encoding.x.title, p.encoding.y.title])).toEqual([
      ['Transient analysis', 'time (s)', 'voltage (V)'],
      ['AC analysis', 'frequency (Hz)', 'magnitude (dB)'],
    ]);
    expect(panels[1]!.encoding.x.scale).toEqual({ type: 'log' });
    const bode = circuitSeries(vectors).find((s) => s.analysis === 'ac')!;
    const vout = bode.series.find((s) => s.name === 'v(out)')!.values as number[];
    expect(vout[0]).toBeCloseTo(0, 3); // flat below fc
    expect(vout.at(-2)! - vout.at(-22)!).toBeCloseTo(-20, 1); // -20 dB a decade well above fc
  });

  it.skipIf(!hasNgspice)("agrees with Debian's ngspice on the AC sweep", () => {
    const dir = mkdtempSync(join(tmpdir(), 'weft-spice-'));
    try {
      const netlist = fillNetlist(skill.code.source, inputs).replace(/^\.tran .*$/m, '*');
      writeFileSync(join(dir, 'rc.cir'), netlist);
      const run = spawnSync('ngspice', ['-b', '-r', join(dir, 'rc.raw'), join(dir, 'rc.cir')], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, SPICE_ASCIIRAWFILE: '1' } });
      expect(run.status, run.stderr).toBe(0);
      const raw = readFileSync(join(dir, 'rc.raw'), 'utf8');
      const values = raw.slice(raw.indexOf('Values:') + 7).trim().split(/\s+/);
      const vout = vectors.ac!['v(out)'] as ComplexVector;
      // Each point: index, frequency, v(in), v(out), i(v1), as "re,im".
      for (let i = 0; i < 101; i++) {
        const [re, im] = values[i * 5 + 3]!.split(',').map(Number);
        expect(Math.abs(vout.re[i]! - re!)).toBeLessThan(1e-9);
        expect(Math.abs(vout.im[i]! - im!)).toBeLessThan(1e-9);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a netlist that does not parse as SPICE_NETLIST with ngspice’s own words, and the next run works', async () => {
    const error = await failure(engine.run(job('* bad\nV1 in 0 1\nR1 in out abc\nR2 out 0 1k\n.op\n.end')));
    expect(error.code).toBe('SPICE_NETLIST');
    expect(error.message).toMatch(/unknown parameter \(abc\)/);
    expect(error.data).toMatchObject({ line: 3, analysis: 'op' });
    expect(error.data.replaceWorker).toBeUndefined();
    const next = await engine.run(job('* divider\nV1 in 0 {{V}}\nR1 in out 1k\nR2 out 0 1k\n.op\n.end', { V: 2 }));
    expect((next.outputs.vectors as SpiceVectors).op).toEqual({ 'v(in)': [2], 'v(out)': [1], 'i(v1)': [-0.001] });
  });

  it('runs a third and a fourth time on the same ngspice with the same answers', async () => {
    const code = '* dc\nV1 in 0 1\nR1 in out 1k\nR2 out 0 3k\n.dc V1 0 4 1\n.end';
    const first = await engine.run(job(code));
    const second = await engine.run(job(code));
    expect(second.outputs.vectors).toEqual(first.outputs.vectors);
    expect((first.outputs.vectors as SpiceVectors).dc!['v(out)']).toEqual([0, 0.75, 1.5, 2.25, 3]);
  });
});

describe('spice engine when ngspice exits (a missing .include file)', () => {
  it('fails the run with replaceWorker, naming the file, and then refuses to run', async () => {
    const engine = createSpiceEngine({ createSimulation: () => new Simulation() });
    await engine.load({}, () => {});
    const error = await failure(engine.run(job('* inc\n.include /nowhere/models.lib\nV1 in 0 1\nR1 in 0 1k\n.op\n.end')));
    expect(error.code).toBe('SPICE_NETLIST');
    expect(error.message).toMatch(/^ngspice stopped while running the netlist:\n {2}Error: Could not find include file \/nowhere\/models\.lib/);
    expect(error.data.replaceWorker).toBe(true);
    expect((await failure(engine.run(job('* ok\nV1 in 0 1\nR1 in 0 1k\n.op\n.end')))).code).toBe('RUNTIME_CRASHED');
  }, 30_000);
});
