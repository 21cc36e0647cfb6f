/** The errors every engine reports the same way, with messages that say what to do. */
import { WeftError } from '../core';

/** What the skill's own code threw, as a user should read it (not as a bug in Weft). */
export function codeError(error: unknown, runtime: string): WeftError {
  if (error instanceof WeftError) return error;
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RangeError && /array (buffer )?(allocation|length)|out of memory|invalid (typed )?array length/i.test(message)) {
    return new WeftError('RUNTIME_MEMORY', `The code asked for more memory than the ${runtime} runtime can give (${name}: ${message}). Work on smaller data or in chunks.`, { name, detail: message });
  }
  if (error instanceof SyntaxError) {
    return new WeftError('RUNTIME_SYNTAX', `The code does not parse: ${message}. Fix the syntax and run again.`, { name, detail: message });
  }
  const stack = error instanceof Error && error.stack ? error.stack : undefined;
  return new WeftError('RUNTIME_ERROR', `The code raised ${name}: ${message}`, { name, detail: message, ...(stack ? { stack } : {}) });
}

export function executeMissing(runtime: string, found: string): WeftError {
  return new WeftError('RUNTIME_EXECUTE_MISSING', `The ${runtime} code must define a function execute(inputs) that returns the outputs; ${found}.`, { found });
}
