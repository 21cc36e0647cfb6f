import { describe, expect, it } from 'vitest';
import { lastLine, pythonError, skillLine, userTraceback } from './pythonErrors';

const pyError = (type: string, message: string) => Object.assign(new Error(message), { type });
const lookup = (pkg: string | null, failure: string | null = null) => ({ packageFor: () => pkg, loadFailure: () => failure });

const PYODIDE_PACKAGE_TRACEBACK = `Traceback (most recent call last):
  File "/lib/python3.14/site-packages/_pyodide/_base.py", line 597, in eval_code_async
  File "<skill>", line 1, in <module>
ModuleNotFoundError: The module 'numpy' is included in the Pyodide distribution, but it is not installed.
You can install it by calling:
  await micropip.install("numpy") in Python, or
  await pyodide.loadPackage("numpy") in JavaScript
See https://pyodide.org/en/stable/usage/loading-packages.html for more details.
`;

describe('pythonError', () => {
  it('names a Pyodide package that could not be loaded, with the reason, from Pyodide\'s own wording', () => {
    const error = pythonError(pyError('ModuleNotFoundError', PYODIDE_PACKAGE_TRACEBACK), lookup('numpy', 'Failed to fetch'));
    expect(error.code).toBe('RUNTIME_PACKAGE_UNAVAILABLE');
    expect(error.data).toMatchObject({ module: 'numpy', package: 'numpy', line: 1 });
    expect(error.message).toBe('The code imports numpy (line 1), from the Pyodide package "numpy", which is not bundled with Weft and could not be loaded (Failed to fetch). Packages load from the Pyodide CDN when you are online; connect and run again, or use only the standard library.');
  });

  it('reads the skill\'s line and the exception line, and leaves out Weft\'s frames', () => {
    const tb = 'Traceback (most recent call last):\n  File "/lib/_weft.py", line 9, in _weft_run\n  File "<skill>", line 4, in execute\n  File "<skill>", line 2, in helper\nKeyError: \'x\'\n';
    expect(skillLine(tb)).toBe(2);
    expect(lastLine(tb)).toBe("KeyError: 'x'");
    expect(userTraceback(tb)).toBe('Traceback (most recent call last):\n  File "<skill>", line 4, in execute\n  File "<skill>", line 2, in helper\nKeyError: \'x\'');
  });

  it('treats anything that is not a Python exception as a crash that needs a fresh worker', () => {
    const error = pythonError(new Error('RuntimeError: memory access out of bounds'), lookup(null));
    expect(error.code).toBe('RUNTIME_CRASHED');
    expect(error.data.replaceWorker).toBe(true);
  });
});
