import type { Runtime } from './types';

const PYTHON = /^[ \t]*(?:async[ \t]+)?def[ \t]+execute[ \t]*\(/m;
const JAVASCRIPT = /(?:^|[^\w$.])(?:(?:export[ \t]+)?(?:default[ \t]+)?(?:async[ \t]+)?function[ \t]*\*?[ \t]*execute[ \t]*\(|(?:export[ \t]+)?(?:const|let|var)[ \t]+execute[ \t]*=)/m;

/**
 * What is missing when a runtime's code does not define `execute`, or null when it does (or the
 * runtime needs none: a spice block is a netlist template, a workflow block is JSON).
 */
export function executeProblem(runtime: Runtime, source: string): string | null {
  switch (runtime) {
    case 'python':
      return PYTHON.test(source) ? null : 'The Python code does not define execute: add "def execute(inputs):" that returns a dict of the outputs.';
    case 'javascript':
    case 'tensor':
    case 'three':
      return JAVASCRIPT.test(source) ? null : `The ${runtime === 'javascript' ? 'JavaScript' : runtime} code does not define execute: add "function execute(inputs) { … }" that returns an object of the outputs.`;
    case 'spice':
    case 'workflow':
    case 'agent':
      return null;
  }
}
