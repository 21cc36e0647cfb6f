import { loadPyodide, type PyodideAPI } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultsOf, executableBuiltin, isTable, isVegaLite, runPython, type Values } from './skillTestKit';

let pyodide: PyodideAPI;
beforeAll(async () => {
  pyodide = await loadPyodide();
}, 60_000);

const run = (name: string, overrides: Values = {}) => {
  const skill = executableBuiltin(name);
  return runPython(pyodide, skill, defaultsOf(skill, overrides));
};

describe('csv-stats', () => {
  it('summarises the numeric columns of the sample, by hand-computed figures', () => {
    const out = run('csv-stats');
    expect(out.rows).toBe(8);
    expect(out.non_numeric).toEqual(['station', 'date']);
    const stats = out.stats as Record<string, Record<string, number>>;
    // temp_c: 21.4 23.1 19.8 18.2 17.5 (missing) 24.9 26.3 → sum 151.2 over 7; squared deviations sum to 66.88.
    expect(stats.temp_c).toEqual({ count: 7, missing: 1, mean: 21.6, median: 21.4, min: 17.5, max: 26.3, stdev: 3.3387 });
    expect(stats.humidity_pct).toMatchObject({ count: 8, missing: 0, mean: 66.75, median: 67.5, min: 49, max: 81 });
    expect(stats.rain_mm).toMatchObject({ count: 8, mean: 2.125, median: 0.6, min: 0, max: 8.3 });
    expect(isTable(out.table)).toBe(true);
    const table = out.table as { columns: string[]; rows: unknown[][] };
    expect(table.columns).toEqual(['column', 'count', 'missing', 'mean', 'median', 'min', 'max', 'stdev']);
    expect(table.rows.map((r) => r[0])).toEqual(['temp_c', 'humidity_pct', 'rain_mm']);
  });

  it('detects a semicolon delimiter and respects quoted fields', () => {
    const out = run('csv-stats', { csv: 'name;score;note\n"Lee; J.";4;ok\nAda;8;"a;b"\nBo;NA;\n' });
    expect(out.rows).toBe(3);
    expect((out.stats as Record<string, unknown>).score).toMatchObject({ count: 2, missing: 1, mean: 6, stdev: 2.8284 });
    expect(out.non_numeric).toEqual(['name', 'note']);
  });
});

describe('word-frequency', () => {
  const text = String(executableBuiltin('word-frequency').inputs.find((i) => i.name === 'text')?.default);
  const occurrences = (word: string) => text.toLowerCase().match(new RegExp(`\\b${word}\\b`, 'g'))?.length ?? 0;

  it('ranks the content words of the default text, without stop words', () => {
    const out = run('word-frequency');
    const counts = out.counts as Record<string, number>;
    expect(Object.keys(counts)).toHaveLength(10);
    expect(Object.keys(counts)[0]).toBe('forms');
    expect(counts.forms).toBe(occurrences('forms'));
    expect(counts.life).toBe(occurrences('life'));
    expect(counts.laws).toBe(2);
    for (const stop of ['and', 'the', 'of', 'with', 'from']) expect(counts[stop]).toBeUndefined();
    const rows = (out.table as { rows: [number, string, number, number][] }).rows;
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows.every((r, i) => i === 0 || rows[i - 1]![2] >= r[2])).toBe(true);
    expect(rows[0]![3]).toBeCloseTo(counts.forms! / (out.total_words as number), 4);
    expect(isVegaLite(out.plot)).toBe(true);
  });

  it('keeps stop words when asked, and drops extra ones', () => {
    const out = run('word-frequency', { remove_stop_words: false, top_n: 200, extra_stop_words: ['forms'] });
    const counts = out.counts as Record<string, number>;
    expect(counts.and).toBe(occurrences('and'));
    expect(counts.of).toBe(occurrences('of'));
    expect(counts.forms).toBeUndefined();
    expect(out.unique_words).toBe(Object.keys(counts).length);
  });
});

describe('monte-carlo-pi', () => {
  it('estimates pi within 0.05 from 100k seeded samples, reproducibly', () => {
    const first = run('monte-carlo-pi');
    const again = run('monte-carlo-pi');
    expect(Math.abs((first.estimate as number) - Math.PI)).toBeLessThan(0.05);
    expect(first.error).toBeCloseTo(Math.abs((first.estimate as number) - Math.PI), 12);
    expect(again).toEqual(first);
    expect(first.std_error).toBeGreaterThan(0.004);
    expect(first.std_error).toBeLessThan(0.006);
    expect(first.estimate).toBe((4 * (first.inside as number)) / 100_000);
    expect(isVegaLite(first.plot)).toBe(true);
  });

  it('gives a different sample for a different seed', () => {
    expect(run('monte-carlo-pi', { samples: 10_000, seed: 1 }).inside).not.toBe(run('monte-carlo-pi', { samples: 10_000, seed: 2 }).inside);
  });
});

/** Lowest eigenvalue of a real symmetric matrix by cyclic Jacobi rotations (independent of the skill's code). */
function lowestEigenvalue(matrix: number[][]): number {
  const a = matrix.map((row) => [...row]);
  const n = a.length;
  for (let sweep = 0; sweep < 50; sweep++) {
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p]![q]!) < 1e-15) continue;
        const tau = (a[q]![q]! - a[p]![p]!) / (2 * a[p]![q]!);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const [kp, kq] = [a[k]![p]!, a[k]![q]!];
          a[k]![p] = c * kp - s * kq;
          a[k]![q] = s * kp + c * kq;
        }
        for (let k = 0; k < n; k++) {
          const [pk, qk] = [a[p]![k]!, a[q]![k]!];
          a[p]![k] = c * pk - s * qk;
          a[q]![k] = s * pk + c * qk;
        }
      }
    }
  }
  return Math.min(...a.map((row, i) => row[i]!));
}

type Complex = [number, number];
const PAULI: Record<string, Complex[][]> = {
  I: [[[1, 0], [0, 0]], [[0, 0], [1, 0]]],
  X: [[[0, 0], [1, 0]], [[1, 0], [0, 0]]],
  Y: [[[0, 0], [0, -1]], [[0, 1], [0, 0]]],
  Z: [[[1, 0], [0, 0]], [[0, 0], [-1, 0]]],
};

/** The 4x4 matrix of sum coef * P(q1) ⊗ P(q0), qubit 0 the least significant bit; asserts it is real. */
function hamiltonian(terms: Record<string, number>): number[][] {
  const m = Array.from({ length: 4 }, () => Array.from({ length: 4 }, (): Complex => [0, 0]));
  for (const [key, coef] of Object.entries(terms)) {
    const ops: Record<number, string> = { 0: 'I', 1: 'I' };
    for (const [, p, q] of key.matchAll(/([IXYZ])(\d?)/g)) if (q) ops[Number(q)] = p!;
    const high = PAULI[ops[1]!]!;
    const low = PAULI[ops[0]!]!;
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 4; c++) {
        const [ar, ai] = high[r >> 1]![c >> 1]!;
        const [br, bi] = low[r & 1]![c & 1]!;
        m[r]![c]![0] += coef * (ar * br - ai * bi);
        m[r]![c]![1] += coef * (ar * bi + ai * br);
      }
    }
  }
  for (const row of m) for (const [, im] of row) expect(Math.abs(im)).toBeLessThan(1e-15);
  return m.map((row) => row.map(([re]) => re));
}

describe('vqe-h2', () => {
  const skill = executableBuiltin('vqe-h2');
  const defaults = defaultsOf(skill);
  const nuclear = defaults.nuclear_repulsion as number;
  const exact = lowestEigenvalue(hamiltonian(defaults.coefficients as Record<string, number>)) + nuclear;

  it('uses a Hamiltonian whose exact ground state is the H2 full-CI energy at 0.735 Å', () => {
    expect(exact).toBeCloseTo(-1.137306, 5);
  });

  it('finds the ground-state energy within 1 mHa of exact diagonalisation, deterministically', () => {
    const out = runPython(pyodide, skill, defaults);
    expect(Math.abs((out.eigenvalue as number) - exact)).toBeLessThan(1e-3);
    expect(Math.abs((out.eigenvalue as number) - exact)).toBeLessThan(1e-8);
    expect(out.exact).toBeCloseTo(exact, 9);
    expect(out.hartree_fock).toBeCloseTo(-1.116999, 5);
    const convergence = out.convergence as number[];
    expect(convergence).toHaveLength(100);
    expect(convergence[0]).toBeLessThan(out.hartree_fock as number);
    expect(convergence.every((e, i) => i === 0 || e <= convergence[i - 1]! + 1e-12)).toBe(true);
    expect(convergence.at(-1)).toBe(out.eigenvalue);
    expect(Math.abs(out.theta as number)).toBeGreaterThan(0.1);
    expect(isVegaLite(out.plot)).toBe(true);
    expect(runPython(pyodide, skill, defaults)).toEqual(out);
  });

  it('is above exact with too few iterations, as a variational method must be', () => {
    const out = runPython(pyodide, skill, { ...defaults, iterations: 2 });
    expect(out.eigenvalue as number).toBeGreaterThan(exact);
    expect(out.convergence).toHaveLength(2);
  });

  it('needs half the often-quoted 0.1809 on each of X0X1 and Y0Y1: the full value on both gives a wrong ground state', () => {
    const terms = { ...(defaults.coefficients as Record<string, number>), X0X1: 0.18093119978423156, Y0Y1: 0.18093119978423156 };
    expect(lowestEigenvalue(hamiltonian(terms)) + nuclear).toBeCloseTo(-1.1954, 3);
    const xxOnly = { ...(defaults.coefficients as Record<string, number>), X0X1: 0.18093119978423156, Y0Y1: 0 };
    expect(lowestEigenvalue(hamiltonian(xxOnly)) + nuclear).toBeCloseTo(exact, 9);
  });
});

describe('linear-fit', () => {
  it('fits the default data by least squares, as the closed form computed here', () => {
    const skill = executableBuiltin('linear-fit');
    const inputs = defaultsOf(skill);
    const xs = inputs.x as number[];
    const ys = inputs.y as number[];
    const n = xs.length;
    const mx = xs.reduce((s, v) => s + v, 0) / n;
    const my = ys.reduce((s, v) => s + v, 0) / n;
    const sxx = xs.reduce((s, v) => s + (v - mx) ** 2, 0);
    const slope = xs.reduce((s, v, i) => s + (v - mx) * (ys[i]! - my), 0) / sxx;
    const intercept = my - slope * mx;
    const ssRes = xs.reduce((s, v, i) => s + (ys[i]! - slope * v - intercept) ** 2, 0);
    const ssTot = ys.reduce((s, v) => s + (v - my) ** 2, 0);

    const out = runPython(pyodide, skill, inputs);
    expect(out.slope).toBeCloseTo(slope, 10);
    expect(out.intercept).toBeCloseTo(intercept, 10);
    expect(out.r_squared).toBeCloseTo(1 - ssRes / ssTot, 10);
    expect(out.r_squared as number).toBeGreaterThan(0.99);
    expect(out.slope_stderr).toBeCloseTo(Math.sqrt(ssRes / (n - 2) / sxx), 10);
    expect((out.residuals as number[]).reduce((s, v) => s + v, 0)).toBeCloseTo(0, 10);
    expect(out.equation).toMatch(/^y = 2\.01 x \+ 0\.9786$/);
    expect(isVegaLite(out.plot)).toBe(true);
  });

  it('recovers an exact line and reports mismatched lengths clearly', () => {
    const out = run('linear-fit', { x: [1, 2, 3, 4], y: [1, 4, 7, 10] });
    expect(out.slope).toBeCloseTo(3, 12);
    expect(out.intercept).toBeCloseTo(-2, 12);
    expect(out.r_squared).toBeCloseTo(1, 12);
    expect(() => run('linear-fit', { x: [1, 2, 3], y: [1, 2] })).toThrow(/x has 3 values but y has 2/);
  });
});
