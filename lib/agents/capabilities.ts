/**
 * The capability policy (DESIGN.md section 1): what a process may do. A child gets at most what
 * its parent has (`grantCapabilities`); every syscall a process makes is checked against its
 * capabilities (`requiredCapability`), and the person at the UI (no caller pid) may do anything.
 * A denial carries its reason, which the kernel records on the process and in the event log.
 */
import { type Pid, WeftError } from '../core';

export const CAPABILITIES = ['EXECUTE_TOOL', 'SPAWN_AGENT', 'BROADCAST', 'READ_CONTEXT', 'WRITE_CONTEXT', 'network'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** What an agent gets when nobody says: run tools and read shared context; nothing else. */
export const DEFAULT_AGENT_CAPABILITIES: readonly Capability[] = ['EXECUTE_TOOL', 'READ_CONTEXT'];

export const isCapability = (value: string): value is Capability => (CAPABILITIES as readonly string[]).includes(value);

/**
 * The capabilities a child gets. `parent` null is the person (anything may be granted);
 * a process may only pass on what it has: asking for more is refused, naming what is missing.
 */
export function grantCapabilities(parent: { pid: Pid; name: string; capabilities: readonly string[] } | null, requested: readonly string[] | undefined): Capability[] {
  const wanted = requested ?? (parent ? parent.capabilities.filter(isCapability).filter((c) => c !== 'SPAWN_AGENT') : DEFAULT_AGENT_CAPABILITIES);
  const unknown = wanted.filter((c) => !isCapability(c));
  if (unknown.length > 0) {
    throw new WeftError('SYSCALL_INVALID', `Unknown capabilit${unknown.length === 1 ? 'y' : 'ies'}: ${unknown.join(', ')}. Known: ${CAPABILITIES.join(', ')}.`, { field: 'capabilities', unknown });
  }
  if (parent) {
    const missing = wanted.filter((c) => !parent.capabilities.includes(c));
    if (missing.length > 0) {
      throw new WeftError('POLICY_DENIED', `Process ${parent.pid} (${parent.name}) cannot grant ${missing.join(', ')}: a child never gets a capability its parent lacks.`, { parent: parent.pid, missing });
    }
  }
  return [...new Set(wanted as Capability[])];
}

/** Syscalls a process may make only with a capability. */
const REQUIRED: Readonly<Record<string, Capability>> = {
  'skill.run': 'EXECUTE_TOOL',
  'runtime.run': 'EXECUTE_TOOL',
  'workflow.run': 'EXECUTE_TOOL',
  'agent.spawn': 'SPAWN_AGENT',
  'bus.broadcast': 'BROADCAST',
  'bus.readContext': 'READ_CONTEXT',
  'bus.writeContext': 'WRITE_CONTEXT',
};

/** Syscalls that change other processes: a process may aim them only at itself or its descendants. */
export const PROCESS_CONTROL: ReadonlySet<string> = new Set(['proc.kill', 'proc.suspend', 'proc.resume', 'proc.setPriority', 'proc.addBudget']);

/** Syscalls that change volumes, settings or keys: the person's, never an agent's. */
const PERSON_ONLY: ReadonlySet<string> = new Set([
  'llm.setProvider', 'llm.removeProvider', 'llm.setDefault', 'settings.setAuthor', 'volume.create', 'volume.setRemote', 'volume.sync', 'volume.restore', 'volume.resolve',
  'skill.write', 'skill.delete', 'skill.promote', 'skill.import', 'workflow.write', 'workflow.delete', 'kernel.panic', 'chat.delete', 'chat.send',
  'volume.write', 'evolution.accept', 'evolution.reject', 'permission.answer', 'permission.revoke',
]);

export type PolicyVerdict = { readonly allow: true } | { readonly allow: false; readonly reason: string };

export interface CallerFacts {
  readonly pid: Pid;
  readonly name: string;
  readonly capabilities: readonly string[];
  /** Whether `target` is the caller or one of its descendants. */
  readonly controls: (target: Pid) => boolean;
}

/** Whether a process may make this call, and if not, why. */
export function checkCall(call: { readonly op: string; readonly pid?: unknown }, caller: CallerFacts): PolicyVerdict {
  const who = `process ${caller.pid} (${caller.name})`;
  if (PERSON_ONLY.has(call.op)) return { allow: false, reason: `${who} may not call ${call.op}: only the person using Weft can` };
  const needed = REQUIRED[call.op];
  if (needed && !caller.capabilities.includes(needed)) return { allow: false, reason: `${who} lacks the ${needed} capability that ${call.op} needs` };
  if (PROCESS_CONTROL.has(call.op) && typeof call.pid === 'number' && !caller.controls(call.pid as Pid)) {
    return { allow: false, reason: `${who} may only ${call.op.slice(5)} itself or processes it started, not process ${call.pid}` };
  }
  return { allow: true };
}
