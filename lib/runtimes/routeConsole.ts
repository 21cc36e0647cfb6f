/**
 * During a run, what skill code prints with `console.log` (and TensorFlow.js's `tensor.print()`, which uses it)
 * goes to the run's stdout, and `console.warn`/`console.error` to its stderr, line by line.
 */
import type { LogStream } from './types';

type ConsoleLike = Pick<Console, 'log' | 'info' | 'debug' | 'warn' | 'error'>;

const STREAMS: Readonly<Record<keyof ConsoleLike, LogStream>> = { log: 'stdout', info: 'stdout', debug: 'stdout', warn: 'stderr', error: 'stderr' };

/**
 * Replaces the printing methods of `target` by ones that call `log`; returns the function that puts the originals back.
 * @example const restore = routeConsole(console, job.log); try { … } finally { restore(); }
 */
export function routeConsole(target: ConsoleLike, log: (stream: LogStream, text: string) => void): () => void {
  const originals = { ...target } as ConsoleLike;
  const methods = Object.keys(STREAMS) as (keyof ConsoleLike)[];
  for (const method of methods) {
    target[method] = (...args: unknown[]) => log(STREAMS[method], `${formatLogArgs(args)}\n`);
  }
  return () => {
    for (const method of methods) target[method] = originals[method];
  };
}

/** Joins what was printed the way a browser console would show it, in plain text. */
export function formatLogArgs(args: readonly unknown[]): string {
  return args.map(formatOne).join(' ');
}

function formatOne(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (value === null || typeof value !== 'object') return String(value);
  // A tf.Tensor (and anything else with its own toString) prints as it describes itself.
  const own = (value as { toString?: unknown }).toString;
  if (!Array.isArray(value) && !ArrayBuffer.isView(value) && typeof own === 'function' && own !== Object.prototype.toString) return String(value);
  try {
    return JSON.stringify(value, (_, v: unknown) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v));
  } catch {
    return String(value);
  }
}
