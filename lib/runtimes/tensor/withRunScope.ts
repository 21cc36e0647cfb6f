/**
 * No tensor outlives a run. `tf.tidy` cannot wrap async code, so a run gets an engine scope of its
 * own (`startScope`/`endScope`); on top of that, tensors the code `tf.keep`s and variables it
 * creates are disposed at the end too, also when the code throws.
 */
import type { Tf } from './tf';

type Disposable = { dispose(): void; isDisposed?: boolean };

/** The part of tfjs-core's engine the scope needs (its `state` is public but untyped in places). */
interface EngineLike {
  startScope(name?: string): void;
  endScope(result?: unknown): void;
  keep<T>(tensor: T): T;
  state: { scopeStack: unknown[]; registeredVariables: Record<string, Disposable> };
}

/**
 * Runs `fn` inside a fresh engine scope and disposes every tensor and variable it left behind.
 * @example const outputs = await withRunScope(tf, async () => convert(await execute(inputs)))
 */
export async function withRunScope<T>(tf: Tf, fn: () => Promise<T>): Promise<T> {
  const engine = tf.engine() as unknown as EngineLike;
  const depth = engine.state.scopeStack.length;
  const variablesBefore = new Set(Object.keys(engine.state.registeredVariables));
  const kept: Disposable[] = [];
  const keep = engine.keep;
  const ownKeep = Object.prototype.hasOwnProperty.call(engine, 'keep');
  engine.keep = <K>(tensor: K): K => {
    kept.push(tensor as Disposable);
    return keep.call(engine, tensor) as K;
  };
  engine.startScope('weft-run');
  try {
    return await fn();
  } finally {
    if (ownKeep) engine.keep = keep;
    else delete (engine as Partial<EngineLike>).keep;
    // Also closes scopes the code opened and never closed.
    while (engine.state.scopeStack.length > depth) engine.endScope();
    for (const tensor of kept) if (!tensor.isDisposed) tensor.dispose();
    for (const [name, variable] of Object.entries(engine.state.registeredVariables)) {
      if (!variablesBefore.has(name)) variable.dispose();
    }
  }
}
