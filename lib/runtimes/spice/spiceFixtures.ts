/**
 * Test fixtures (used only by the *.test.ts files beside it): results shaped exactly as
 * eecircuit-engine 1.8.0's `runSim()` resolves them, small enough to check by hand.
 */
import type { SpiceResult } from './spiceVectors';

const header = (plot: string, flags: 'real' | 'complex', variables: [string, string][], points: number): string =>
  [
    'Title: * rc',
    'Date: Sat Nov 21 16:39:59  2026',
    'Command: ngspice-45.2, Build Sat Sep  5 01:00:10 UTC 2026',
    `Plotname: ${plot}`,
    `Flags: ${flags}`,
    `No. Variables: ${variables.length}`,
    `No. Points: ${points}`,
    'Variables:',
    ...variables.map(([name, type], i) => `\t${i}\t${name}\t${type}`),
    '',
  ].join('\n');

/** Four points of an RC transient: time, v(in), v(out), i(v1). */
export const TRAN_RESULT: SpiceResult = {
  header: header('Transient Analysis', 'real', [['time', 'time'], ['v(in)', 'voltage'], ['v(out)', 'voltage'], ['i(v1)', 'current']], 4),
  numPoints: 4,
  dataType: 'real',
  data: [
    { name: 'time', type: 'time', values: [0, 1e-4, 2e-4, 3e-4] },
    { name: 'v(in)', type: 'voltage', values: [0, 0.5, 1, 0.5] },
    { name: 'v(out)', type: 'voltage', values: [0, 0.2, NaN, 0.6] },
    { name: 'i(v1)', type: 'current', values: [0, -3e-4, -5e-4, 1e-4] },
  ],
};

/** Three points of an AC sweep: at 1 kHz |v(out)| = 1 (0 dB), at 10 kHz 0.1 (-20 dB), at 100 kHz 0.01 (-40 dB). */
export const AC_RESULT: SpiceResult = {
  header: header('AC Analysis', 'complex', [['frequency', 'frequency'], ['v(in)', 'voltage'], ['v(out)', 'voltage'], ['i(v1)', 'current']], 3),
  numPoints: 3,
  dataType: 'complex',
  data: [
    { name: 'frequency', type: 'frequency', values: [{ real: 1e3, img: 0 }, { real: 1e4, img: 0 }, { real: 1e5, img: 0 }] },
    { name: 'v(in)', type: 'voltage', values: [{ real: 1, img: 0 }, { real: 1, img: 0 }, { real: 1, img: 0 }] },
    { name: 'v(out)', type: 'voltage', values: [{ real: 0.6, img: -0.8 }, { real: 0, img: -0.1 }, { real: 0.006, img: 0.008 }] },
    { name: 'i(v1)', type: 'current', values: [{ real: -1e-4, img: 0 }, { real: -2e-4, img: 0 }, { real: -3e-4, img: 0 }] },
  ],
};

/** An operating point: one value per vector. */
export const OP_RESULT: SpiceResult = {
  header: header('Operating Point', 'real', [['v(in)', 'voltage'], ['v(out)', 'voltage'], ['i(v1)', 'current']], 1),
  numPoints: 1,
  dataType: 'real',
  data: [
    { name: 'v(in)', type: 'voltage', values: [1] },
    { name: 'v(out)', type: 'voltage', values: [0.5] },
    { name: 'i(v1)', type: 'current', values: [-5e-4] },
  ],
};

/** What a netlist that does not parse gives: the `constants` plot, with no vectors eecircuit keeps. */
export const CONSTANTS_RESULT: SpiceResult = {
  header: header('constants', 'complex', [['planck', 'notype']], 1),
  numPoints: 1,
  dataType: 'complex',
  data: [],
};

/** The netlist of skills/rc-lowpass with its defaults, as in its SKILL.md. */
export const RC_TEMPLATE = [
  '* RC low-pass filter: R = {{R}} ohm, C = {{C}} F, cutoff fc = 1/(2*pi*R*C)',
  'V1 in 0 DC 0 AC 1 SIN(0 {{vin}} {{freq}})',
  'R1 in out {{R}}',
  'C1 out 0 {{C}}',
  '.tran {{tstep}} {{tstop}}',
  '.ac dec {{points_per_decade}} {{fstart}} {{fstop}}',
  '.end',
].join('\n');

export const RC_INPUTS = { R: 1000, C: 1.0e-7, vin: 1, freq: 1000, tstep: 1.0e-5, tstop: 5.0e-3, fstart: 10, fstop: 1.0e6, points_per_decade: 20 } as const;
