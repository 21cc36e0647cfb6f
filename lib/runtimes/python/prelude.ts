/**
 * Python that runs once in each Pyodide worker: `_weft_run` executes one skill in a fresh
 * namespace with `random` seeded, and moves values across as JSON plus a list of byte strings
 * (JSON `{"$bytes": i}` marks where each goes), so None, bytes and nesting survive exactly.
 */
export const PYTHON_PRELUDE = String.raw`
import json as _json
import math as _math
import random as _random
import sys as _sys

class WeftOutputError(Exception):
    pass

class WeftExecuteMissing(Exception):
    pass

def _weft_decode(value, blobs):
    if isinstance(value, dict):
        if len(value) == 1 and "$bytes" in value:
            return bytes(blobs[value["$bytes"]])
        return {k: _weft_decode(v, blobs) for k, v in value.items()}
    if isinstance(value, list):
        return [_weft_decode(v, blobs) for v in value]
    return value

def _weft_encode(value, path, blobs, depth=0):
    if depth > 200:
        raise WeftOutputError(f"{path} is nested more than 200 levels deep")
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        if abs(value) > 2**53:
            raise WeftOutputError(f"{path} is the integer {value}, too large for JSON numbers; return it as a string or a float")
        return value
    if isinstance(value, float):
        if not _math.isfinite(value):
            raise WeftOutputError(f"{path} is {value}, which JSON cannot hold; return None or a finite number instead")
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        blobs.append(bytes(value))
        return {"$bytes": len(blobs) - 1}
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise WeftOutputError(f"{path} has the key {k!r}, which is not a string; output dicts need string keys")
            out[k] = _weft_encode(v, f"{path}.{k}", blobs, depth + 1)
        return out
    if isinstance(value, (list, tuple)):
        return [_weft_encode(v, f"{path}[{i}]", blobs, depth + 1) for i, v in enumerate(value)]
    if hasattr(value, "tolist"):
        return _weft_encode(value.tolist(), path, blobs, depth + 1)
    raise WeftOutputError(f"{path} is a {type(value).__name__}, which cannot be an output; return plain data (numbers, strings, lists, dicts, bytes)")

def _weft_flush():
    _sys.stdout.flush()
    _sys.stderr.flush()

def _weft_run(code, inputs_json, input_blobs, seed):
    namespace = {"__name__": "__weft_skill__", "__builtins__": __builtins__}
    _random.seed(seed)
    exec(compile(code, "<skill>", "exec"), namespace)
    execute = namespace.get("execute")
    if not callable(execute):
        raise WeftExecuteMissing("there is no function named execute" if execute is None else f"execute is a {type(execute).__name__}, not a function")
    inputs = _weft_decode(_json.loads(inputs_json), [bytes(b) for b in input_blobs])
    result = execute(inputs)
    if not isinstance(result, dict):
        raise WeftOutputError(f"execute(inputs) must return a dict of outputs by name, but it returned {'None' if result is None else type(result).__name__}")
    blobs = []
    encoded = {}
    for k, v in result.items():
        if not isinstance(k, str):
            raise WeftOutputError(f"the output name {k!r} is not a string")
        encoded[k] = _weft_encode(v, f"outputs.{k}", blobs)
    return _json.dumps(encoded, allow_nan=False), blobs
`;
