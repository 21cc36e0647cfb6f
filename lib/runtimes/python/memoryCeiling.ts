/**
 * A ceiling on Pyodide's WebAssembly memory. Pyodide's memory is made inside its module, with the
 * 4 GB maximum of wasm32, and cannot be capped at creation; but it grows only through
 * `memory.grow()` called from Emscripten's JavaScript (`_emscripten_resize_heap`), so refusing
 * growth past the ceiling there makes `malloc` fail, and Python raises MemoryError (RUNTIME_MEMORY).
 * A memory bomb then ends at the ceiling, sooner, and the worker torn down after it is that small.
 */

/**
 * Default ceiling of one Python worker's memory: far below what a tab survives, ample for skills.
 * Measured (e2e/reliability.spec.ts, 2 cores): the page stalls 36-38 ms after a bomb at 512 MB,
 * 29-97 ms at 1024 MB and 363 ms with no ceiling (a 2 GB worker torn down).
 */
export const PYTHON_MEMORY_MB = 512;

const PAGE = 65_536;

/**
 * Refuses to grow `memory` past `maxBytes` (the refusal is a RangeError, as the browser's own).
 * @example capMemory(pyodide._module.wasmMemory, 1024 * 2 ** 20)
 */
export function capMemory(memory: WebAssembly.Memory, maxBytes: number): void {
  const grow = memory.grow.bind(memory);
  Object.defineProperty(memory, 'grow', {
    value: (delta: number) => {
      if (memory.buffer.byteLength + delta * PAGE > maxBytes) throw new RangeError(`WebAssembly.Memory.grow(): past the Python runtime's memory ceiling of ${Math.round(maxBytes / 2 ** 20)} MB`);
      return grow(delta);
    },
    writable: false,
    configurable: false,
  });
}

/** Pyodide's WebAssembly memory (Emscripten's `Module.wasmMemory`, also exported as `Module.memory`). */
export function pyodideMemory(pyodide: unknown): WebAssembly.Memory | null {
  const module = (pyodide as { _module?: { wasmMemory?: unknown; memory?: unknown } })._module;
  const memory = module?.wasmMemory ?? module?.memory;
  return memory instanceof WebAssembly.Memory ? memory : null;
}
