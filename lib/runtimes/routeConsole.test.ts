import { describe, expect, it } from 'vitest';
import type { LogStream } from './types';
import { formatLogArgs, routeConsole } from './routeConsole';

describe('formatLogArgs', () => {
  it('prints strings as they are, data as JSON, and objects that describe themselves by their toString', () => {
    class Tensorish {
      toString() {
        return 'Tensor\n    [1, 2]';
      }
    }
    expect(formatLogArgs(['loss', 0.5, true, null, undefined])).toBe('loss 0.5 true null undefined');
    expect(formatLogArgs([{ step: 3, w: [1, 2] }, new Float32Array([0.5, 1])])).toBe('{"step":3,"w":[1,2]} [0.5,1]');
    expect(formatLogArgs([new Tensorish()])).toBe('Tensor\n    [1, 2]');
    expect(formatLogArgs([new RangeError('too big')])).toMatch(/^RangeError: too big/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(formatLogArgs([cyclic])).toBe('[object Object]');
  });
});

describe('routeConsole', () => {
  it('sends log/info/debug to stdout and warn/error to stderr, one line each, until restored', () => {
    const printed: string[] = [];
    const sink = (name: string) => (..._args: unknown[]) => void printed.push(name);
    const target = { log: sink('log'), info: sink('info'), debug: sink('debug'), warn: sink('warn'), error: sink('error') };
    const originals = { ...target };
    const logs: [LogStream, string][] = [];
    const restore = routeConsole(target, (stream, text) => logs.push([stream, text]));
    target.log('a', 1);
    target.info('b');
    target.debug('c');
    target.warn('d');
    target.error('e');
    expect(logs).toEqual([['stdout', 'a 1\n'], ['stdout', 'b\n'], ['stdout', 'c\n'], ['stderr', 'd\n'], ['stderr', 'e\n']]);
    expect(printed).toEqual([]);
    restore();
    expect(target).toEqual(originals);
    target.log('after');
    expect(printed).toEqual(['log']);
  });
});
