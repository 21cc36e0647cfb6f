import { describe, expect, it } from 'vitest';
import { unwrap } from '../core';
import { parseVolumeId } from '../volumes';
import { engineFor, markedUntrusted } from './enzymes';

const volume = (id: string) => unwrap(parseVolumeId(id));

describe('engineFor: which engine runs JavaScript', () => {
  it('team skills and skills the person marked run in QuickJS; the user’s own and the system’s in V8', () => {
    const js = { runtime: 'javascript' as const, permissions: [] };
    expect(engineFor({ ...js, source: { name: 'w', volume: volume('teams/lab') } })).toBe('quickjs');
    expect(engineFor({ ...js, source: { name: 'w', volume: volume('users/me') }, ...markedUntrusted({ metadata: { untrusted: 'true' } }) })).toBe('quickjs');
    expect(engineFor({ ...js, source: { name: 'w', volume: volume('users/me') }, ...markedUntrusted({ metadata: { untrusted: 'no' } }) })).toBe('v8');
    expect(engineFor({ ...js, source: { name: 'w', volume: volume('system') } })).toBe('v8');
    expect(engineFor(js)).toBe('v8');
  });

  it('untrusted code the person allowed the network runs in V8 (QuickJS has no fetch); a caller may choose; other runtimes name none', () => {
    expect(engineFor({ runtime: 'javascript', permissions: ['network'], source: { name: 'w', volume: volume('teams/lab') } })).toBe('v8');
    expect(engineFor({ runtime: 'javascript', permissions: [], engine: 'quickjs' })).toBe('quickjs');
    expect(engineFor({ runtime: 'python', permissions: [], source: { name: 'w', volume: volume('teams/lab') } })).toBeUndefined();
  });
});
