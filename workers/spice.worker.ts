/**
 * The spice worker: ngspice compiled to WebAssembly (eecircuit-engine, its wasm embedded in the
 * bundle) behind the spice `Engine`, served with `serveEngine`.
 * May import: lib/runtimes (engine, spice, javascript/jsSandbox for `lockDown`), lib/core and
 * eecircuit-engine. Never React, Next.js or components.
 * Built as an ES module by scripts/build-workers.mjs into public/workers/spice.js and started
 * with `new Worker('/workers/spice.js', { type: 'module' })`.
 */
import { Simulation } from 'eecircuit-engine';
import { type EngineScope, serveEngine } from '../lib/runtimes/engine';
import { lockDown } from '../lib/runtimes/javascript/jsSandbox';
import { createSpiceEngine } from '../lib/runtimes/spice';

// eecircuit-engine echoes every line ngspice prints to stderr through console.error. The engine
// already sends those lines to the run's log (and into SPICE_NETLIST errors), and the echo is not
// free: with DevTools attached the first one cost 0.3-1.3 s of a run in Chromium. So it is dropped.
console.error = () => {};

serveEngine(
  self as unknown as EngineScope,
  createSpiceEngine({
    createSimulation: () => new Simulation(),
    // eecircuit-engine fetches its wasm (a data: URL) while starting and never after, so the network
    // and storage globals go once it has started: a netlist cannot reach them anyway, this is depth.
    afterStart: () => lockDown(self, { network: false }),
  }),
);
