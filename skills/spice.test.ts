import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultsOf, executableBuiltin, fillTemplate } from './skillTestKit';

const skill = executableBuiltin('rc-lowpass');
const defaults = defaultsOf(skill);
const netlist = fillTemplate(skill.code.source, defaults);
const lines = netlist.split('\n');
const { R, C, freq, tstep, tstop, fstart, fstop } = defaults as { R: number; C: number; freq: number; tstep: number; tstop: number; fstart: number; fstop: number };
const cutoff = 1 / (2 * Math.PI * R * C);

/** ngspice (Debian's, installed by scripts/test.sh when it can) runs the netlist; without it this check is skipped. */
const hasNgspice = spawnSync('ngspice', ['--version'], { encoding: 'utf8' }).status === 0;

describe('rc-lowpass', () => {
  it('fills every placeholder from an input, and uses every input', () => {
    const placeholders = new Set([...skill.code.source.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]));
    expect(placeholders).toEqual(new Set(skill.inputs.map((i) => i.name)));
    expect(netlist).not.toMatch(/\{\{|\}\}/);
  });

  it('is a standard netlist: title line, source, R and C elements, .tran and .ac, .end, no .control', () => {
    expect(lines[0]).toMatch(/^\* RC low-pass filter: R = 1000 ohm, C = 1e-7 F/);
    expect(lines).toContain('V1 in 0 DC 0 AC 1 SIN(0 1 1000)');
    expect(lines).toContain('R1 in out 1000');
    expect(lines).toContain('C1 out 0 1e-7');
    expect(lines).toContain('.tran 0.00001 0.005');
    expect(lines).toContain('.ac dec 20 10 1000000');
    expect(lines.filter(Boolean).at(-1)).toBe('.end');
    expect(netlist).not.toMatch(/^\s*\.(control|endc)\b/im);
  });

  it('analyses the right ranges around the cutoff 1/(2πRC) that its outputs describe', () => {
    expect(cutoff).toBeCloseTo(1591.549, 3);
    expect(skill.metadata?.cutoff).toBe('fc = 1/(2*pi*R*C)');
    for (const output of skill.outputs) expect(output.description).toContain('1/(2*pi*R*C)');
    expect(skill.outputs.map((o) => [o.name, o.type])).toEqual([['vectors', 'json'], ['plot', 'plot']]);
    // The sweep spans at least two decades either side of fc; the transient covers several periods, finely sampled.
    expect(fstart).toBeLessThanOrEqual(cutoff / 100);
    expect(fstop).toBeGreaterThanOrEqual(cutoff * 100);
    expect(tstop * freq).toBeGreaterThanOrEqual(3);
    expect(tstep * freq).toBeLessThanOrEqual(1 / 50);
  });

  it.skipIf(!hasNgspice)('simulates in ngspice batch mode: |v(out)| is 1/√2 at the cutoff and the transient amplitude matches theory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'weft-rc-'));
    try {
      writeFileSync(join(dir, 'rc.cir'), netlist);
      const result = spawnSync('ngspice', ['-b', '-r', join(dir, 'rc.raw'), join(dir, 'rc.cir')], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, SPICE_ASCIIRAWFILE: '1' } });
      expect(result.status, result.stderr).toBe(0);
      const plots = readAsciiRaw(readFileSync(join(dir, 'rc.raw'), 'utf8'));
      expect(Object.keys(plots).sort()).toEqual(['AC Analysis', 'Transient Analysis']);

      const ac = plots['AC Analysis']!;
      expect(ac.frequency).toHaveLength(101);
      const near = ac.frequency!.reduce((best, f, i) => (Math.abs(Math.log(f[0] / cutoff)) < Math.abs(Math.log(ac.frequency![best]![0] / cutoff)) ? i : best), 0);
      const [f, [re, im]] = [ac.frequency![near]![0], ac['v(out)']![near]!];
      expect(Math.hypot(re, im)).toBeCloseTo(1 / Math.sqrt(1 + (f / cutoff) ** 2), 4);

      const tran = plots['Transient Analysis']!;
      const late = tran.time!.map(([t], i) => [t, tran['v(out)']![i]![0]] as const).filter(([t]) => t > 3e-3);
      const peak = Math.max(...late.map(([, v]) => v));
      expect(peak).toBeCloseTo(1 / Math.sqrt(1 + (freq / cutoff) ** 2), 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Reads an ngspice ASCII rawfile: plot name → vector name → [re, im] per point. */
function readAsciiRaw(text: string): Record<string, Record<string, [number, number][]>> {
  const plots: Record<string, Record<string, [number, number][]>> = {};
  for (const chunk of text.split(/^Title:/m).slice(1)) {
    const name = /^Plotname: (.*)$/m.exec(chunk)![1]!.trim();
    const count = Number(/^No\. Variables: (\d+)/m.exec(chunk)![1]);
    const variables = chunk.slice(chunk.indexOf('Variables:\n') + 11, chunk.indexOf('Values:')).trim().split('\n').map((l) => l.trim().split(/\s+/)[1]!);
    const numbers = chunk.slice(chunk.indexOf('Values:') + 7).trim().split(/\s+/);
    const vectors: Record<string, [number, number][]> = Object.fromEntries(variables.map((v) => [v, []]));
    for (let k = 0; k < numbers.length; k += count + 1) {
      for (let j = 0; j < count; j++) {
        const [re = 'NaN', im = '0'] = numbers[k + 1 + j]!.split(',');
        vectors[variables[j]!]!.push([Number(re), Number(im)]);
      }
    }
    plots[name] = vectors;
  }
  return plots;
}
