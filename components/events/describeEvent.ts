/**
 * One line per kernel event, for the log: its time, a tone for its badge, and what happened
 * in words (`proc 3 sleep → TERMINATED (killed: …)`, `syscall proc.kill ok 0.4 ms`).
 */
import type { LoggedEvent } from '@/components/kernel/useKernelStore';
import type { Tone } from '@/components/ui/Badge';
import { formatMs } from '@/components/ui/format';
import type { KernelEvent } from '@/lib/kernel/protocol';
import type { TurnEvent } from '@/lib/llm';
import type { RuntimeStatus } from '@/lib/runtimes/types';
import { readyFacts } from '@/components/runtimes/runtimeChip';
import { RUNTIME_NAMES } from '@/components/runtimes/runtimeLabels';
import { type Audience, audienceOf } from './eventAudience';

export type EventType = KernelEvent['type'];

export const EVENT_TYPES: readonly EventType[] = [
  'span.start',
  'span.end',
  'proc.state',
  'log',
  'kernel.ready',
  'volume.changed',
  'volume.progress',
  'runtime.status',
  'enzyme.start',
  'enzyme.log',
  'run.status',
  'node.status',
  'node.log',
];

export interface EventLine {
  readonly type: EventType;
  /** Epoch ms when this tab received it: one clock for every row, so the log reads in order. */
  readonly at: number;
  readonly tone: Tone;
  readonly text: string;
  /** Quieter text: output a running enzyme printed, not something the kernel did. */
  readonly muted: boolean;
  /** Lower-case `type + text`, for the text filter. */
  readonly haystack: string;
  /** `internal` rows (the UI's own refreshing calls…) are shown only on request. */
  readonly audience: Audience;
}

const cache = new WeakMap<LoggedEvent, EventLine>();

/** Describes a logged event (memoised per event object). */
export function describeEvent(logged: LoggedEvent): EventLine {
  let line = cache.get(logged);
  if (!line) {
    const { tone, text, muted = false } = describe(logged.event);
    line = { type: logged.event.type, at: timeOf(logged.event) ?? logged.receivedAt, tone, text, muted, haystack: `${logged.event.type} ${text}`.toLowerCase(), audience: audienceOf(logged.event) };
    cache.set(logged, line);
  }
  return line;
}

/** When the kernel says the event happened; `kernel.ready` carries none, so its arrival time stands in. */
function timeOf(event: KernelEvent): number | null {
  switch (event.type) {
    case 'span.start':
      return event.span.start;
    case 'span.end':
      return event.span.end;
    case 'proc.state':
    case 'log':
    case 'volume.changed':
    case 'volume.progress':
    case 'runtime.status':
    case 'enzyme.start':
    case 'enzyme.log':
    case 'run.status':
    case 'node.status':
    case 'node.log':
    case 'chat.event':
    case 'llm.model':
    case 'llm.providers.changed':
    case 'agent.event':
    case 'agent.done':
    case 'policy.denied':
    case 'evolution.suggestions':
    case 'permission.request':
    case 'permission.answered':
      return event.at;
    case 'kernel.ready':
      return null;
  }
}

function describe(event: KernelEvent): { tone: Tone; text: string; muted?: boolean } {
  switch (event.type) {
    case 'span.start': {
      const s = event.span;
      return { tone: 'neutral', text: `${s.kind} ${s.name} started${byPid(s.pid)}` };
    }
    case 'span.end': {
      const s = event.span;
      const why = s.status === 'error' && typeof s.attributes['error.message'] === 'string' ? ` — ${s.attributes['error.message']}` : '';
      const tone: Tone = s.status === 'error' ? 'danger' : s.status === 'cancelled' ? 'warn' : 'ok';
      return { tone, text: `${s.kind} ${s.name} ${s.status} ${formatMs(s.end - s.start)}${byPid(s.pid)}${why}` };
    }
    case 'proc.state': {
      const p = event.process;
      const exit = p.exit ? ` (${p.exit.status}: ${p.exit.reason})` : '';
      return { tone: 'accent', text: `proc ${event.pid} ${p.name} → ${event.state}${exit}` };
    }
    case 'log': {
      const tone: Tone = event.level === 'error' ? 'danger' : event.level === 'warn' ? 'warn' : event.level === 'info' ? 'info' : 'neutral';
      const level = event.level === 'info' ? '' : `${event.level}: `;
      return { tone, text: `${event.pid === undefined ? '' : `[pid ${event.pid}] `}${level}${event.message}` };
    }
    case 'kernel.ready': {
      const { info } = event;
      const isolation = info.environment.crossOriginIsolated ? 'cross-origin isolated' : 'not cross-origin isolated';
      return { tone: 'ok', text: `kernel ${info.version} ready · ${info.ops.length} syscalls · ${isolation}` };
    }
    case 'volume.changed': {
      const from = event.source === 'other-tab' ? ' (from another tab)' : '';
      return { tone: 'violet', text: `volume ${event.volume} → ${event.head.slice(0, 7)}${from}` };
    }
    case 'volume.progress': {
      const amount = event.total ? `${event.loaded}/${event.total}` : String(event.loaded);
      return { tone: 'info', text: `volume ${event.volume} sync: ${event.phase} ${amount}` };
    }
    case 'runtime.status':
      return describeRuntime(event.status);
    case 'enzyme.start':
      return { tone: 'accent', text: `${event.runtime} ${event.name} started (pid ${event.pid})` };
    case 'enzyme.log':
      return { tone: event.stream === 'stderr' ? 'warn' : 'neutral', text: `[pid ${event.pid}] ${oneLine(event.text)}`, muted: true };
    case 'run.status': {
      const tone: Tone = event.status === 'error' ? 'danger' : event.status === 'cancelled' || event.status === 'suspended' ? 'warn' : event.status === 'ok' ? 'ok' : 'accent';
      return { tone, text: `workflow run ${event.runId} ${event.status}${event.reason ? ` — ${event.reason}` : ''}` };
    }
    case 'node.status': {
      const tone: Tone = event.status === 'error' ? 'danger' : event.status === 'skipped' || event.status === 'cancelled' ? 'warn' : event.status === 'ok' || event.status === 'cached' ? 'ok' : 'neutral';
      const took = event.durationMs === undefined ? '' : ` ${formatMs(event.durationMs)}`;
      return { tone, text: `node ${event.nodeId} ${event.status}${took}${event.reason ? ` — ${event.reason}` : ''}`, muted: event.status === 'queued' || event.status === 'running' };
    }
    case 'node.log':
      return { tone: event.stream === 'stderr' ? 'warn' : 'neutral', text: `[${event.nodeId}] ${oneLine(event.text)}`, muted: true };
    case 'chat.event':
      return describeTurn(event.chatId, event.event);
    case 'agent.event':
      return describeTurn(`agent ${event.pid}`, event.event, '');
    case 'agent.done': {
      const r = event.result;
      const tone: Tone = r.status === 'ok' ? 'ok' : r.status === 'cancelled' ? 'warn' : 'danger';
      return { tone, text: `agent ${r.pid} ${r.name} ${r.status}${r.error ? ` — ${r.error.message}` : ''} · ${r.usage.inputTokens + r.usage.outputTokens} tokens` };
    }
    case 'evolution.suggestions':
      return { tone: 'violet', text: `evolution: ${event.count} new skill suggestion${event.count === 1 ? '' : 's'} from your runs` };
    case 'permission.request':
      return { tone: 'warn', text: `${event.request.skill} (${event.request.volume}) asks to use the network${event.request.changed ? ' (changed since you allowed it)' : ''}` };
    case 'permission.answered':
      return { tone: event.allow ? 'ok' : 'warn', text: `permission ${event.id} ${event.allow ? 'allowed' : 'not given'}` };
    case 'policy.denied':
      return { tone: 'danger', text: `denied ${event.op} to pid ${event.pid}: ${event.reason}` };
    case 'llm.providers.changed': {
      const what = event.change === 'set' ? 'saved' : event.change === 'removed' ? 'removed' : 'is now the default';
      return { tone: 'info', text: `model provider ${event.id} ${what}` };
    }
    case 'llm.model': {
      const s = event.status;
      const name = s.url.split('/').pop() ?? s.url;
      if (s.state === 'error') return { tone: 'danger', text: `model ${name} failed: ${s.error?.message ?? 'unknown error'}` };
      const pct = s.state === 'downloading' && s.total > 0 ? ` ${Math.round((s.loaded / s.total) * 100)}%` : '';
      return { tone: s.state === 'ready' ? 'ok' : 'info', text: `model ${name} ${s.state}${pct}${s.cached && s.state === 'ready' ? ' (from the browser cache)' : ''}`, muted: s.state === 'downloading' };
    }
  }
}

/** `Python loading 60% (pyodide.asm.wasm)`, `Python ready (Pyodide 0.29.0, …)`, `tensor ready: wasm`, `Python failed: …`. */
export function describeRuntime(status: RuntimeStatus): { tone: Tone; text: string } {
  const name = RUNTIME_NAMES[status.kind];
  const busy = status.busy > 0 ? ` · ${status.busy} of ${status.workers} worker${status.workers === 1 ? '' : 's'} busy` : '';
  switch (status.state) {
    case 'idle':
      return { tone: 'neutral', text: `${name} idle (loads on first use)` };
    case 'loading': {
      const percent = Math.round(Math.min(1, Math.max(0, status.progress ?? 0)) * 100);
      return { tone: 'info', text: `${name} loading ${percent}%${status.detail ? ` (${status.detail})` : ''}` };
    }
    case 'ready': {
      if (status.kind === 'tensor' && status.detail) return { tone: 'ok', text: `${name} ready: ${status.detail}${busy}` };
      const facts = readyFacts(status);
      return { tone: 'ok', text: `${name} ready${facts ? ` (${facts})` : ''}${busy}` };
    }
    case 'failed':
      return { tone: 'danger', text: `${name} failed: ${status.detail ?? 'no reason given'}` };
  }
}

/** A chat turn's event on one row: text deltas muted, tool calls and the end shown. */
function describeTurn(chatId: string, e: TurnEvent, prefix = 'chat '): { tone: Tone; text: string; muted?: boolean } {
  const who = `${prefix}${chatId}`;
  switch (e.type) {
    case 'turn.start':
      return { tone: 'accent', text: `${who}: turn started` };
    case 'turn.progress':
      return { tone: 'neutral', text: `${who}: ${e.phase === 'loading' ? 'loading the model' : `reading the prompt, ${e.done} of ${e.total} tokens`}`, muted: true };
    case 'turn.text':
      return { tone: 'neutral', text: `${who}: ${oneLine(e.text)}`, muted: true };
    case 'turn.tool.start':
      return { tone: 'accent', text: `${who}: tool ${e.name} started` };
    case 'turn.tool.end':
      return { tone: e.status === 'ok' ? 'ok' : e.status === 'cancelled' ? 'warn' : 'danger', text: `${who}: tool ${e.name} ${e.status} ${formatMs(e.durationMs)}` };
    case 'turn.end': {
      const tone: Tone = e.status === 'ok' ? 'ok' : e.status === 'cancelled' ? 'warn' : 'danger';
      return { tone, text: `${who}: turn ${e.status}${e.error ? ` — ${e.error.message}` : ''}` };
    }
  }
}

/** Printed output on one row: surrounding newlines dropped, inner ones shown as ⏎. */
function oneLine(text: string): string {
  return text.replace(/^\n+|\s+$/g, '').replace(/\r?\n/g, ' ⏎ ');
}

function byPid(pid: number | null): string {
  return pid === null ? '' : ` · pid ${pid}`;
}

/** `HH:MM:SS.mmm`, local time. */
export function formatClock(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}
