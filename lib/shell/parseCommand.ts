/**
 * Parses a line typed in the chat's composer that starts with `/` into a command, or says in
 * words what is wrong with it (nothing is sent to the kernel for a malformed command).
 */
import { asPid, err, ok, type Pid, type Result } from '../core';
import { closest } from './closest';
import { type CommandName, COMMANDS, commandSpec } from './commandTable';

export type Command =
  | { readonly name: 'help'; readonly topic: CommandName | null }
  | { readonly name: 'ps' }
  | { readonly name: 'kill' | 'suspend' | 'resume'; readonly pid: Pid }
  | { readonly name: 'nice'; readonly pid: Pid; readonly priority: number }
  | { readonly name: 'budget'; readonly pid: Pid; readonly tokens: number }
  | { readonly name: 'run'; readonly workflow: string }
  | { readonly name: 'skills'; readonly query: string }
  | { readonly name: 'spawn'; readonly task: string }
  | { readonly name: 'draft'; readonly description: string };

/** Why a line is not a command it can run; `command` is the command it names, when it names one. */
export interface CommandError {
  readonly message: string;
  readonly command: CommandName | null;
}

/** The kernel's limits on the free-text arguments (longer text is refused here, in words). */
export const TEXT_LIMITS = { query: 500, task: 200_000, description: 20_000 } as const;
/** The most tokens one `/budget` may add (the kernel's limit). */
export const MAX_TOKENS = 100_000_000;

/**
 * A command, not a chat message: the text starts with `/`. Two slashes send a message that
 * starts with one (`//etc/hosts` → the chat gets `/etc/hosts`).
 */
export function isCommand(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith('/') && !t.startsWith('//');
}

/**
 * @example parseCommand('/nice 7 5') → ok({ name: 'nice', pid: 7, priority: 5 })
 * @example parseCommand('/kill') → err({ message: 'Which process? Usage: /kill <pid>. …', command: 'kill' })
 */
export function parseCommand(text: string): Result<Command, CommandError> {
  const match = /^\/(\S*)([\s\S]*)$/.exec(text.trim());
  if (!match) return fail(null, 'A command starts with /, like /ps. Type /help for the list.');
  const word = match[1]!.toLowerCase();
  const rest = match[2]!.trim();
  const words = rest === '' ? [] : rest.split(/\s+/);
  if (word === '') return fail(null, 'Type a command after the /, like /ps. Type /help for the list.');
  const spec = commandSpec(word);
  if (!spec) {
    const [near] = closest(word, COMMANDS.map((c) => c.name), 1);
    const hint = near ? ` Did you mean /${near}?` : '';
    return fail(null, `There is no command /${word}.${hint} Type /help for the list; to send the chat a message that starts with /, begin it with //.`);
  }
  const name = spec.name;
  switch (name) {
    case 'help': {
      if (words.length === 0) return ok({ name, topic: null });
      const topic = commandSpec(words[0]!.replace(/^\//, '').toLowerCase());
      if (words.length > 1 || !topic) return fail(name, `There is no command /${rest.replace(/^\//, '')} to explain. Type /help for the list.`);
      return ok({ name, topic: topic.name });
    }
    case 'ps':
      return words.length === 0 ? ok({ name }) : fail(name, `/ps takes nothing after it (got "${rest}"). Type /ps on its own.`);
    case 'kill':
    case 'suspend':
    case 'resume': {
      const pid = parsePid(name, words);
      if (!pid.ok) return pid;
      if (words.length > 1) return fail(name, `/${name} takes one pid, not "${rest}". Usage: ${spec.usage}.`);
      return ok({ name, pid: pid.value });
    }
    case 'nice': {
      const pid = parsePid(name, words);
      if (!pid.ok) return pid;
      const priority = parsePriority(words.slice(1));
      return priority.ok ? ok({ name, pid: pid.value, priority: priority.value }) : priority;
    }
    case 'budget': {
      const pid = parsePid(name, words);
      if (!pid.ok) return pid;
      const tokens = parseTokens(words.slice(1));
      return tokens.ok ? ok({ name, pid: pid.value, tokens: tokens.value }) : tokens;
    }
    case 'run':
      return rest ? ok({ name, workflow: rest }) : fail(name, 'Which workflow? Usage: /run <workflow>. Type /run and a space to see the saved ones.');
    case 'skills':
      if (!rest) return fail(name, 'Search for what? Usage: /skills <query>, like /skills csv statistics.');
      return rest.length > TEXT_LIMITS.query ? fail(name, tooLong('The query', rest.length, TEXT_LIMITS.query)) : ok({ name, query: rest });
    case 'spawn':
      if (!rest) return fail(name, 'What should the agent do? Usage: /spawn <task>, like /spawn summarise the last run.');
      return rest.length > TEXT_LIMITS.task ? fail(name, tooLong('The task', rest.length, TEXT_LIMITS.task)) : ok({ name, task: rest });
    case 'draft':
      if (!rest) return fail(name, 'Describe the workflow. Usage: /draft <description>, like /draft load a CSV and plot its columns.');
      return rest.length > TEXT_LIMITS.description ? fail(name, tooLong('The description', rest.length, TEXT_LIMITS.description)) : ok({ name, description: rest });
  }
}

function fail(command: CommandName | null, message: string): Result<never, CommandError> {
  return err({ message, command });
}

function parsePid(name: CommandName, words: readonly string[]): Result<Pid, CommandError> {
  const usage = commandSpec(name)!.usage;
  const word = words[0];
  if (word === undefined) return fail(name, `Which process? Usage: ${usage}. Type /ps to see the pids.`);
  if (!/^\d+$/.test(word)) return fail(name, `"${word}" is not a pid: a pid is a whole number, like /${name} 7. Type /ps to see the pids.`);
  return ok(asPid(Number(word)));
}

function parsePriority(words: readonly string[]): Result<number, CommandError> {
  const word = words[0];
  if (word === undefined) return fail('nice', 'Which priority? Usage: /nice <pid> <priority>, from 0 (highest) to 19 (lowest).');
  if (words.length > 1) return fail('nice', `/nice takes a pid and one priority, not "${words.join(' ')}". Usage: /nice <pid> <priority>.`);
  const n = /^-?\d+$/.test(word) ? Number(word) : NaN;
  if (!(n >= 0 && n <= 19)) return fail('nice', `The priority must be a whole number from 0 (highest) to 19 (lowest), not "${word}".`);
  return ok(n);
}

/** Whole tokens; `10_000`, `10,000`, `10k` and `2m` are read too. */
function parseTokens(words: readonly string[]): Result<number, CommandError> {
  const word = words[0];
  if (word === undefined) return fail('budget', 'How many tokens? Usage: /budget <pid> <tokens>, like /budget 7 5000.');
  if (words.length > 1) return fail('budget', `/budget takes a pid and one number of tokens, not "${words.join(' ')}". Usage: /budget <pid> <tokens>.`);
  const n = readTokens(word.toLowerCase());
  if (!Number.isInteger(n) || n < 1) return fail('budget', `The tokens to add must be a whole number of at least 1, not "${word}".`);
  if (n > MAX_TOKENS) return fail('budget', `At most ${MAX_TOKENS.toLocaleString('en')} tokens can be added at once, not ${n.toLocaleString('en')}.`);
  return ok(n);
}

function readTokens(word: string): number {
  if (/^\d+$/.test(word)) return Number(word);
  if (/^\d{1,3}([,_])\d{3}(\1\d{3})*$/.test(word)) return Number(word.replace(/[,_]/g, ''));
  const scaled = /^(\d+)(?:\.(\d+))?([km])$/.exec(word);
  if (!scaled) return NaN;
  // In digits, not floating point: 1.1k is exactly 1100.
  const places = scaled[3] === 'k' ? 3 : 6;
  const fraction = scaled[2] ?? '';
  return fraction.length > places ? NaN : Number(scaled[1]! + fraction.padEnd(places, '0'));
}

function tooLong(what: string, chars: number, max: number): string {
  return `${what} is ${chars.toLocaleString('en')} characters; it can be at most ${max.toLocaleString('en')}.`;
}
