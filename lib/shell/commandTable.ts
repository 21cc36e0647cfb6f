/**
 * The chat's command line: every command with its usage and one line of help. `/help`,
 * the parser and completion all read this one table.
 */

export type CommandName = 'help' | 'ps' | 'kill' | 'suspend' | 'resume' | 'nice' | 'budget' | 'run' | 'skills' | 'spawn' | 'draft';

/**
 * What an argument is: `pid`, `priority` and `tokens` are one word each; `workflow`, `query`
 * and `text` take the rest of the line; `command` is a command name (for `/help`).
 */
export type ArgKind = 'pid' | 'priority' | 'tokens' | 'workflow' | 'query' | 'text' | 'command';

export interface ArgSpec {
  readonly kind: ArgKind;
  readonly optional?: boolean;
}

export interface CommandSpec {
  readonly name: CommandName;
  readonly usage: string;
  readonly help: string;
  readonly args: readonly ArgSpec[];
}

export const COMMANDS: readonly CommandSpec[] = [
  { name: 'help', usage: '/help [command]', help: 'Lists the commands, or explains one.', args: [{ kind: 'command', optional: true }] },
  { name: 'ps', usage: '/ps', help: 'Shows the processes: state, priority, tokens and how long each has waited.', args: [] },
  { name: 'kill', usage: '/kill <pid>', help: 'Ends a process.', args: [{ kind: 'pid' }] },
  { name: 'suspend', usage: '/suspend <pid>', help: 'Pauses a process until you /resume it.', args: [{ kind: 'pid' }] },
  { name: 'resume', usage: '/resume <pid>', help: 'Lets a suspended process go on.', args: [{ kind: 'pid' }] },
  { name: 'nice', usage: '/nice <pid> <priority>', help: "Sets a process's priority: 0 (highest) to 19 (lowest).", args: [{ kind: 'pid' }, { kind: 'priority' }] },
  { name: 'budget', usage: '/budget <pid> <tokens>', help: 'Gives a process more tokens; one stopped by its budget goes on.', args: [{ kind: 'pid' }, { kind: 'tokens' }] },
  { name: 'run', usage: '/run <workflow>', help: 'Runs a saved workflow and reports how it ended.', args: [{ kind: 'workflow' }] },
  { name: 'skills', usage: '/skills <query>', help: 'Searches the skills: each match with what it does.', args: [{ kind: 'query' }] },
  { name: 'spawn', usage: '/spawn <task>', help: 'Starts an agent on a task and prints its answer when it is done.', args: [{ kind: 'text' }] },
  { name: 'draft', usage: '/draft <description>', help: 'Asks the model for a workflow and opens it on the canvas.', args: [{ kind: 'text' }] },
];

/** The command called `name`, if there is one. */
export function commandSpec(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** Arguments that take the rest of the line, spaces included. */
export function takesRest(kind: ArgKind): boolean {
  return kind === 'workflow' || kind === 'query' || kind === 'text';
}
