/**
 * Turns what Pyodide throws into coded errors a person can act on. A `PythonError` carries the
 * exception type and the whole traceback; the user needs the last line and where in *their* code
 * (the frames of `<skill>`) it happened.
 */
import { WeftError } from '../../core';

export interface PythonErrorLike {
  readonly type?: string;
  readonly message: string;
}

export interface PackageLookup {
  /** The Pyodide package that provides `module` (e.g. `numpy`, `sklearn` → `scikit-learn`), or null. */
  packageFor(module: string): string | null;
  /** Why that package could not be loaded, if loading was tried and failed. */
  loadFailure(pkg: string): string | null;
}

const isPythonError = (error: unknown): error is PythonErrorLike & Error =>
  error instanceof Error && typeof (error as { type?: unknown }).type === 'string';

/** The 1-based line in the skill's code where the traceback last touched it, or null. */
export function skillLine(traceback: string): number | null {
  const matches = [...traceback.matchAll(/File "<skill>", line (\d+)/g)];
  const last = matches.at(-1);
  return last ? Number(last[1]) : null;
}

/** The exception's own line (`ValueError: x must be positive`), without the traceback. */
export function lastLine(traceback: string): string {
  const lines = traceback.trimEnd().split('\n').filter((l) => l.trim() !== '');
  return (lines.at(-1) ?? traceback).trim();
}

/** The traceback from the skill's first frame on, leaving out Weft's and Pyodide's own frames. */
export function userTraceback(traceback: string): string {
  const lines = traceback.trimEnd().split('\n');
  const first = lines.findIndex((l) => l.includes('File "<skill>"'));
  return first < 0 ? lastLine(traceback) : ['Traceback (most recent call last):', ...lines.slice(first)].join('\n');
}

export function pythonError(error: unknown, packages: PackageLookup): WeftError {
  if (error instanceof WeftError) return error;
  if (!isPythonError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new WeftError('RUNTIME_CRASHED', `The Python runtime failed: ${message}. It will be restarted; run again.`, { replaceWorker: true, detail: message });
  }
  const type = error.type!;
  const traceback = error.message;
  const line = skillLine(traceback);
  const at = line === null ? '' : ` (line ${line})`;
  const last = lastLine(traceback);
  const detail = { pythonType: type, traceback: userTraceback(traceback), ...(line === null ? {} : { line }) };
  switch (type) {
    case 'KeyboardInterrupt':
      return new WeftError('RUNTIME_CANCELLED', 'The Python code was interrupted.', { ...detail, interrupted: true });
    case 'MemoryError':
      return new WeftError('RUNTIME_MEMORY', `The Python code ran out of memory${at}. Work on smaller data or in chunks; the Python runtime is restarted for the next run.`, { ...detail, replaceWorker: true });
    case 'OverflowError':
      if (!/index-sized integer/.test(last)) return new WeftError('RUNTIME_ERROR', `The Python code raised ${last}${at}.`, detail);
      return new WeftError('RUNTIME_MEMORY', `The Python code asked for more memory than Python in the browser can address${at} (${last}). Work on smaller data or in chunks.`, detail);
    case 'SyntaxError':
    case 'IndentationError':
    case 'TabError':
      return new WeftError('RUNTIME_SYNTAX', `Python syntax error${line === null ? '' : ` on line ${line}`}: ${last.replace(/^\w+Error: /, '')}. Fix the code and run again.`, detail);
    case 'WeftExecuteMissing':
      return new WeftError('RUNTIME_EXECUTE_MISSING', `The Python code must define a function execute(inputs) that returns a dict of outputs; ${last.replace(/^.*WeftExecuteMissing: /, '')}.`, detail);
    case 'WeftOutputError':
      return new WeftError('RUNTIME_OUTPUT_INVALID', `The output is not plain data: ${last.replace(/^.*WeftOutputError: /, '')}.`, detail);
    case 'ModuleNotFoundError': {
      // CPython says "No module named 'x'"; Pyodide, for its own packages, "The module 'x' is included in the Pyodide distribution…".
      const module = /ModuleNotFoundError: (?:No module named|The module) '([^'.]+)/.exec(traceback)?.[1] ?? 'unknown';
      const pkg = packages.packageFor(module);
      const failure = pkg ? packages.loadFailure(pkg) : null;
      const message = pkg
        ? `The code imports ${module}${at}, from the Pyodide package "${pkg}", which is not bundled with Weft and could not be loaded${failure ? ` (${failure})` : ''}. Packages load from the Pyodide CDN when you are online; connect and run again, or use only the standard library.`
        : `The code imports ${module}${at}, which is neither in Python's standard library nor a Pyodide package. Remove the import or use another module.`;
      return new WeftError('RUNTIME_PACKAGE_UNAVAILABLE', message, { ...detail, module, package: pkg ?? module });
    }
    default:
      return new WeftError('RUNTIME_ERROR', `The Python code raised ${last}${at}.`, detail);
  }
}
