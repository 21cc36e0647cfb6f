/**
 * Who an event in the log is for. `person`: what someone did and what happened — runs and
 * their nodes, chats, agents, commits and syncs, processes, permission requests, errors.
 * `internal`: the calls the UI makes to keep its views fresh (every volume change refetches
 * lists, recovery reports, open permission requests…) and the text a turn streams, which the
 * chat itself shows. The log shows `person` events unless the person asks for internal ones.
 */
import type { KernelEvent, Op } from '@/lib/kernel/protocol';

export type Audience = 'person' | 'internal';

const P: Audience = 'person';
const I: Audience = 'internal';

/**
 * Every syscall's audience when it succeeds (a failed call is always for the person). Reads,
 * checks and queries are internal; what changes something, runs or answers is the person's.
 * Typed over every op, so a new syscall does not compile until it is classified here.
 */
export const SYSCALL_AUDIENCE: { readonly [K in Op]: Audience } = {
  'kernel.ping': I, 'kernel.info': I, 'kernel.panic': P, 'kernel.recovery': I,
  'proc.list': I, 'proc.get': I, 'proc.spawn': P, 'proc.kill': P, 'proc.suspend': P, 'proc.resume': P, 'proc.setPriority': P, 'proc.addBudget': P,
  'agent.spawn': P, 'agent.wait': I,
  'bus.send': P, 'bus.receive': I, 'bus.broadcast': P, 'bus.readContext': I, 'bus.writeContext': P,
  'workflow.draft': P, 'spans.recent': I,
  'volume.list': I, 'volume.create': P, 'volume.setRemote': P, 'volume.sync': P, 'volume.read': I, 'volume.readBytes': I, 'volume.files': I, 'volume.log': I,
  'volume.diff': I, 'volume.restore': P, 'volume.write': P, 'volume.conflicts': I, 'volume.check': I, 'volume.resolve': P,
  'skill.list': I, 'skill.read': I, 'skill.write': P, 'skill.delete': P, 'skill.promote': P, 'skill.import': P, 'skill.run': P,
  'skills.search': I, 'skills.context': I,
  'workflow.list': I, 'workflow.read': I, 'workflow.write': P, 'workflow.delete': P, 'workflow.check': I, 'workflow.simulate': I,
  'workflow.run': P, 'workflow.cancelNode': P,
  'trace.append': P, 'trace.list': I, 'trace.read': I, 'trace.verify': I, 'trace.replay': P,
  'evolution.mine': P, 'evolution.suggestions': I, 'evolution.accept': P, 'evolution.reject': P,
  'permission.answer': P, 'permission.open': I, 'permission.grants': I, 'permission.revoke': P,
  'runtime.list': I, 'runtime.warm': P, 'runtime.run': P, 'runtime.setTensorBackend': I, 'runtime.setPythonMemory': P,
  'settings.get': I, 'settings.setAuthor': P,
  'llm.providers': I, 'llm.setProvider': P, 'llm.removeProvider': P, 'llm.setDefault': P, 'llm.models': I, 'llm.probe': I, 'llm.load': P, 'llm.detect': I,
  'chat.list': I, 'chat.read': I, 'chat.delete': P, 'chat.send': P,
};

/** The audience of one kernel event. */
export function audienceOf(event: KernelEvent): Audience {
  switch (event.type) {
    case 'span.start':
      return event.span.kind === 'syscall' ? syscallAudience(event.span.name) : P;
    case 'span.end':
      if (event.span.status === 'error') return P;
      return event.span.kind === 'syscall' ? syscallAudience(event.span.name) : P;
    case 'log':
      return event.level === 'debug' ? I : P;
    case 'chat.event':
    case 'agent.event':
      // The chat shows the text as it streams; the log keeps tool calls and how the turn ended.
      return event.event.type === 'turn.text' ? I : P;
    default:
      return P;
  }
}

/** An op this tab's UI does not know (a newer kernel's) is shown: better seen than lost. */
function syscallAudience(op: string): Audience {
  return Object.hasOwn(SYSCALL_AUDIENCE, op) ? SYSCALL_AUDIENCE[op as Op] : P;
}
