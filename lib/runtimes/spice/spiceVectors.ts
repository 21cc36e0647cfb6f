/**
 * The `vectors` output of a spice run: every vector ngspice produced, grouped by analysis.
 *
 *     { tran: { time: [...], 'v(out)': [...] },
 *       ac:   { frequency: [...], 'v(out)': { re: [...], im: [...] } } }
 *
 * Always grouped, even with one analysis, so adding an analysis to a netlist never moves the
 * vectors already there. Real vectors are number arrays; complex ones (AC voltages and currents)
 * are `{ re, im }`; the AC frequency scale is real. `null` stands for a value ngspice could not
 * compute (NaN or ±Infinity), which JSON cannot hold.
 */

export type SpiceNumber = number | null;
export type RealVector = SpiceNumber[];
export interface ComplexVector {
  re: SpiceNumber[];
  im: SpiceNumber[];
}
export type SpiceVector = RealVector | ComplexVector;
/** One analysis's vectors by ngspice's name (`time`, `frequency`, `v(out)`, `i(v1)`…), the scale first. */
export type AnalysisVectors = Record<string, SpiceVector>;
/** Analysis key (`tran`, `ac`, `dc`, `op`, `noise`, `tran2`…) → its vectors. */
export type SpiceVectors = Record<string, AnalysisVectors>;

/** What `Simulation.runSim()` of eecircuit-engine resolves with (its `ResultType`), as far as Weft reads it. */
export type SpiceResult =
  | { readonly header: string; readonly numPoints: number; readonly dataType: 'real'; readonly data: readonly { readonly name: string; readonly type: string; readonly values: readonly number[] }[] }
  | {
      readonly header: string;
      readonly numPoints: number;
      readonly dataType: 'complex';
      readonly data: readonly { readonly name: string; readonly type: string; readonly values: readonly { readonly real: number; readonly img: number }[] }[];
    };

/** The rawfile's plot name: `Transient Analysis`, `AC Analysis`, `constants` (nothing ran)… */
export function plotName(result: SpiceResult): string {
  return /^Plotname:\s*(.*?)\s*$/m.exec(result.header ?? '')?.[1] ?? '';
}

/** True when ngspice wrote no vectors: the netlist did not parse or the analysis did not run. */
export function isEmptyResult(result: SpiceResult): boolean {
  return !Array.isArray(result.data) || result.data.length === 0 || /^constants$/i.test(plotName(result));
}

const finite = (value: number): SpiceNumber => (Number.isFinite(value) ? value : null);

/** One plot's vectors as plain data, by name, in ngspice's order. */
export function toAnalysisVectors(result: SpiceResult): AnalysisVectors {
  const vectors: AnalysisVectors = {};
  if (result.dataType === 'complex') {
    for (const vector of result.data) {
      const re = vector.values.map((v) => finite(v.real));
      // The AC sweep's frequency is stored complex with a zero imaginary part; it is a real scale.
      vectors[vector.name] = vector.type === 'frequency' ? re : { re, im: vector.values.map((v) => finite(v.img)) };
    }
  } else {
    for (const vector of result.data) vectors[vector.name] = vector.values.map(finite);
  }
  return vectors;
}

export function isComplexVector(value: unknown): value is ComplexVector {
  const v = value as Partial<ComplexVector> | null;
  return typeof v === 'object' && v !== null && Array.isArray(v.re) && Array.isArray(v.im);
}
