import { describe, expect, it } from 'vitest';
import { WeftError } from './errors';

describe('WeftError', () => {
  it('survives structured cloning (postMessage) as plain data and comes back whole', () => {
    const original = new WeftError('PROC_NOT_FOUND', 'There is no process 7.', { pid: 7 });
    const cloned = structuredClone(original.toJSON());
    const back = WeftError.from(cloned);
    expect(back).toBeInstanceOf(WeftError);
    expect(back).toMatchObject({ code: 'PROC_NOT_FOUND', message: 'There is no process 7.', data: { pid: 7 } });
  });

  it('turns a foreign Error into an INTERNAL error that says it is a bug', () => {
    const e = WeftError.from(new TypeError('x is undefined'));
    expect(e.code).toBe('INTERNAL');
    expect(e.message).toMatch(/x is undefined.*bug/);
  });

  it('does not trust data with an unknown code', () => {
    expect(WeftError.from({ code: 'NOPE', message: 'hi' }).code).toBe('INTERNAL');
  });
});
