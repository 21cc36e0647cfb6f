import { describe, expect, it } from 'vitest';
import { asPid } from '../core';
import { checkCall, DEFAULT_AGENT_CAPABILITIES, grantCapabilities } from './capabilities';

const parent = { pid: asPid(4), name: 'architect', capabilities: ['EXECUTE_TOOL', 'READ_CONTEXT', 'SPAWN_AGENT'] };
const caller = (capabilities: string[], controls = (p: number) => p === 4 || p === 5) => ({ pid: asPid(4), name: 'architect', capabilities, controls: (p: number) => controls(p) });

describe('capabilities', () => {
  it('gives a child at most its parent’s capabilities (SPAWN_AGENT only when asked)', () => {
    expect(grantCapabilities(parent, undefined)).toEqual(['EXECUTE_TOOL', 'READ_CONTEXT']);
    expect(grantCapabilities(parent, ['READ_CONTEXT'])).toEqual(['READ_CONTEXT']);
    expect(grantCapabilities(null, undefined)).toEqual(DEFAULT_AGENT_CAPABILITIES);
    expect(grantCapabilities(null, ['network', 'BROADCAST'])).toEqual(['network', 'BROADCAST']);
  });

  it('refuses a child a capability its parent lacks, naming it', () => {
    expect(() => grantCapabilities(parent, ['EXECUTE_TOOL', 'network'])).toThrow(
      expect.objectContaining({ code: 'POLICY_DENIED', message: 'Process 4 (architect) cannot grant network: a child never gets a capability its parent lacks.' }),
    );
    expect(() => grantCapabilities(null, ['SUDO'])).toThrow(expect.objectContaining({ code: 'SYSCALL_INVALID' }));
  });

  it('checks every call against the caller’s capabilities, with the reason', () => {
    expect(checkCall({ op: 'skill.run' }, caller(['EXECUTE_TOOL']))).toEqual({ allow: true });
    expect(checkCall({ op: 'skill.run' }, caller(['READ_CONTEXT']))).toEqual({ allow: false, reason: 'process 4 (architect) lacks the EXECUTE_TOOL capability that skill.run needs' });
    expect(checkCall({ op: 'bus.broadcast' }, caller(['EXECUTE_TOOL'])).allow).toBe(false);
    expect(checkCall({ op: 'bus.writeContext' }, caller(['READ_CONTEXT'])).allow).toBe(false);
    expect(checkCall({ op: 'llm.setProvider' }, caller(['EXECUTE_TOOL', 'SPAWN_AGENT'])).allow).toBe(false);
    expect(checkCall({ op: 'proc.list' }, caller([]))).toEqual({ allow: true });
  });

  it('lets a process control only itself and its descendants', () => {
    expect(checkCall({ op: 'proc.kill', pid: 5 }, caller([]))).toEqual({ allow: true });
    expect(checkCall({ op: 'proc.kill', pid: 2 }, caller([]))).toEqual({ allow: false, reason: 'process 4 (architect) may only kill itself or processes it started, not process 2' });
    expect(checkCall({ op: 'proc.setPriority', pid: 9 }, caller([])).allow).toBe(false);
  });
});
