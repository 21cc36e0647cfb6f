/** How the UI names each runtime and each tensor backend, and what it says they are. */
import type { RuntimeKind } from '@/lib/runtimes/types';
import type { BackendOverride } from '@/lib/runtimes/tensor/tf';

export const RUNTIME_NAMES: Readonly<Record<RuntimeKind, string>> = {
  python: 'Python',
  javascript: 'JavaScript',
  tensor: 'tensor',
  three: 'three',
  spice: 'SPICE',
};

/** One sentence per runtime, for tooltips. */
export const RUNTIME_ABOUT: Readonly<Record<RuntimeKind, string>> = {
  python: 'Python 3 compiled to WebAssembly (Pyodide), in a worker: runs Python skills with the standard library; packages such as numpy load from the Pyodide CDN when online.',
  javascript: 'JavaScript in an isolated worker: no page access, no network unless the skill has the network permission, and a seeded Math.random.',
  tensor: 'TensorFlow.js in a worker, for tensor and machine-learning skills, on WebGPU, WebGL, WebAssembly or the CPU.',
  three: 'three.js: JavaScript that builds a 3D scene, shown here with orbit controls.',
  spice: 'ngspice compiled to WebAssembly: simulates circuits described as SPICE netlists.',
};

export const BACKEND_LABELS: Readonly<Record<BackendOverride, string>> = {
  auto: 'Auto (fastest measured)',
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

export const BACKEND_HINTS: Readonly<Record<BackendOverride, string>> = {
  auto: 'Measures each available backend at start and uses the fastest',
  webgpu: 'The GPU through WebGPU: fastest where the browser supports it',
  webgl: 'The GPU through WebGL shaders: widely supported',
  wasm: 'WebAssembly on the CPU, with SIMD and threads where available',
  cpu: 'Plain JavaScript: slowest, but always works',
};
