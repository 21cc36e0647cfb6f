/** The spice runtime: netlist templates simulated by ngspice (WebAssembly), results as vectors and a plot. */
export { createSpiceEngine, EECIRCUIT_VERSION, type SpiceEngineOptions, type SpiceSimulation } from './spiceEngine';
export { fillNetlist, placeholderNames, spiceValue } from './fillNetlist';
export { ANALYSES, type Analysis, type AnalysisRun, splitAnalyses } from './splitAnalyses';
export {
  type AnalysisVectors,
  type ComplexVector,
  isComplexVector,
  isEmptyResult,
  plotName,
  type RealVector,
  type SpiceNumber,
  type SpiceResult,
  type SpiceVector,
  type SpiceVectors,
  toAnalysisVectors,
} from './spiceVectors';
export { analysesOf, type AxisScale, circuitSeries, type CircuitSeries, type CircuitSeriesOptions, unitOf } from './circuitSeries';
export { PLOT_MAX_POINTS, spicePlot, VEGA_LITE_SCHEMA } from './spicePlot';
