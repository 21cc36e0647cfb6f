/**
 * Runs what is typed in the composer as a command: parses it, makes its syscall(s) and prints
 * the result into the chat panel's command output (session state in the chat store). A
 * malformed line is reported without any syscall; a syscall error prints the kernel's words.
 * Commands never touch the conversation or a turn in flight.
 */
import { exhaustive, WeftError } from '@/lib/core';
import type { KernelClient } from '@/lib/kernel/client';
import { type Command, COMMANDS, commandSpec, parseCommand } from '@/lib/shell';
import type { Workflow } from '@/lib/workflow';
import { useChatStore } from '../useChatStore';
import { spawnAgent } from './agentCommand';
import { type OutputBlock, type OutputStatus, text } from './commandOutput';
import { addBudget, listProcesses, signalProcess, setPriority } from './processCommands';
import { draftWorkflow, runWorkflow } from './workflowCommands';

export type CommandClient = Pick<KernelClient, 'call' | 'on'>;

export interface CommandDeps {
  readonly client: CommandClient;
  /** Puts a drafted workflow on the canvas; `undoable`: what was there comes back with Undo. */
  openOnCanvas(workflow: Workflow): { readonly undoable: boolean };
}

/** One command's output, as the handlers write it. */
export interface Out {
  /** Replaces what it shows. */
  show(status: OutputStatus, blocks: readonly OutputBlock[]): void;
  /** Adds to what it shows. */
  add(status: OutputStatus, blocks: readonly OutputBlock[]): void;
}

/**
 * Runs `input` if it is a well-formed command and returns true (the composer then clears);
 * otherwise prints why not and returns false, so the text stays to be fixed.
 */
export function submitCommand(input: string, deps: CommandDeps): boolean {
  const parsed = parseCommand(input);
  if (!parsed.ok) {
    useChatStore.getState().addOutput({ command: parsed.error.command ?? 'unknown', input: input.trim(), status: 'error', blocks: [text(parsed.error.message, 'error')] });
    return false;
  }
  void runCommand(parsed.value, input.trim(), deps);
  return true;
}

/** Runs a parsed command; resolves when its syscall has answered (a spawned agent's answer comes later). */
export async function runCommand(command: Command, input: string, deps: CommandDeps): Promise<void> {
  const id = useChatStore.getState().addOutput({ command: command.name, input, status: 'running', blocks: [] });
  const update = (status: OutputStatus, change: (blocks: readonly OutputBlock[]) => readonly OutputBlock[]) =>
    useChatStore.getState().updateOutput(id, (o) => ({ ...o, status, blocks: change(o.blocks) }));
  const out: Out = {
    show: (status, blocks) => update(status, () => blocks),
    add: (status, blocks) => update(status, (old) => [...old, ...blocks]),
  };
  try {
    await dispatch(command, out, deps);
  } catch (thrown) {
    out.add('error', [text(WeftError.from(thrown).message, 'error')]);
  }
}

async function dispatch(command: Command, out: Out, { client, openOnCanvas }: CommandDeps): Promise<void> {
  switch (command.name) {
    case 'help':
      return help(command.topic, out);
    case 'ps':
      return listProcesses(client, out);
    case 'kill':
    case 'suspend':
    case 'resume':
      return signalProcess(client, command.name, command.pid, out);
    case 'nice':
      return setPriority(client, command.pid, command.priority, out);
    case 'budget':
      return addBudget(client, command.pid, command.tokens, out);
    case 'run':
      return runWorkflow(client, command.workflow, out);
    case 'skills':
      return searchSkills(client, command.query, out);
    case 'spawn':
      return spawnAgent(client, command.task, out);
    case 'draft':
      return draftWorkflow(client, command.description, openOnCanvas, out);
    default:
      return exhaustive(command, 'command');
  }
}

function help(topic: Command['name'] | null, out: Out): void {
  const specs = topic ? [commandSpec(topic)!] : COMMANDS;
  const blocks: OutputBlock[] = [{ kind: 'list', items: specs.map((c) => ({ term: c.usage, text: c.help })) }];
  if (!topic) blocks.push(text('While typing, ↑/↓ choose a completion, Tab or Enter takes it, Escape closes the list. To send the chat a message that starts with /, begin it with //.', 'muted'));
  out.show('ok', blocks);
}

/** How many hits `/skills` shows. */
const SKILL_HITS = 10;

async function searchSkills(client: CommandClient, query: string, out: Out): Promise<void> {
  out.show('running', [text(`Searching the skills for "${query}"…`, 'muted')]);
  const hits = await client.call({ op: 'skills.search', query, limit: SKILL_HITS });
  if (hits.length === 0) return out.show('ok', [text(`No skill matches "${query}". Try other words, or fewer.`)]);
  out.show('ok', [{ kind: 'list', items: hits.map((h) => ({ term: h.name, text: firstLine(h.description) })) }]);
}

function firstLine(s: string): string {
  return s.split('\n', 1)[0]!.trim();
}
