/**
 * What the composer offers while a command is typed: command names after `/`, then the
 * argument under the caret (pids, saved workflows, skill names). Pure: the caller passes what
 * it knows in `context` and puts `value` in place of the text from `replaceFrom` on.
 */
import { type ArgKind, COMMANDS, commandSpec, takesRest } from './commandTable';

export interface CompletionContext {
  readonly pids: readonly { readonly pid: number; readonly name: string; readonly state: string }[];
  readonly workflows: readonly string[];
  readonly skills: readonly string[];
}

export interface Completion {
  /** Replaces the text from `replaceFrom` to the end. */
  readonly value: string;
  readonly label: string;
  readonly detail?: string;
}

export interface Completions {
  readonly replaceFrom: number;
  readonly items: readonly Completion[];
}

/** The list shows at most this many names (workflows, skills); pids as many as /ps would show, up to `MAX_PIDS`. */
export const MAX_COMPLETIONS = 8;
export const MAX_PIDS = 50;

/**
 * Completions for `text` (what is typed up to the caret). None when what is typed is already
 * a whole choice (`/ps`, `/kill 7`), so Enter sends it.
 * @example completions('/ki', ctx) → { replaceFrom: 0, items: [{ value: '/kill ', label: '/kill <pid>', detail: 'Ends a process.' }] }
 */
export function completions(text: string, context: CompletionContext): Completions {
  const none = { replaceFrom: text.length, items: [] };
  const head = /^\/(\S*)/.exec(text);
  if (!head || text.startsWith('//')) return none;
  const word = head[1]!;
  if (head[0].length === text.length) return { replaceFrom: 0, items: commandItems(word, '/') };

  const spec = commandSpec(word.toLowerCase());
  if (!spec) return none;
  let pos = head[0].length;
  for (const [i, arg] of spec.args.entries()) {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
    const last = i === spec.args.length - 1;
    if (takesRest(arg.kind)) return { replaceFrom: pos, items: argItems(arg.kind, text.slice(pos), context, last) };
    const end = text.slice(pos).search(/\s/);
    if (end === -1) return { replaceFrom: pos, items: argItems(arg.kind, text.slice(pos), context, last) };
    pos += end;
  }
  return none;
}

function argItems(kind: ArgKind, typed: string, context: CompletionContext, last: boolean): Completion[] {
  const more = last ? '' : ' ';
  switch (kind) {
    case 'command':
      return commandItems(typed.replace(/^\//, ''), '');
    case 'pid': {
      if (context.pids.some((p) => String(p.pid) === typed)) return [];
      const needle = typed.toLowerCase();
      return [...context.pids]
        .sort((a, b) => a.pid - b.pid)
        .filter((p) => String(p.pid).startsWith(typed) || p.name.toLowerCase().includes(needle))
        .slice(0, MAX_PIDS)
        .map((p) => ({ value: `${p.pid}${more}`, label: `${p.pid} · ${p.name} · ${p.state}` }));
    }
    case 'workflow':
      return names(context.workflows, typed).map((name) => ({ value: name, label: name }));
    case 'query':
      return names(context.skills, typed).map((name) => ({ value: name, label: name }));
    default:
      return [];
  }
}

/** Command names that start with `typed` (then those that contain it); none once it names one exactly. */
function commandItems(typed: string, prefix: string): Completion[] {
  const needle = typed.toLowerCase();
  if (commandSpec(needle)) return [];
  // Every command fits: the list is short, and `/` alone shows them all.
  return ranked(COMMANDS.map((c) => c.name), needle, COMMANDS.length).map((name) => {
    const spec = commandSpec(name)!;
    const space = prefix !== '' && spec.args.length > 0 ? ' ' : '';
    return { value: `${prefix}${name}${space}`, label: spec.usage, detail: spec.help };
  });
}

/** Names matching `typed` (case aside), those starting with it first; none once it is one of them exactly. */
function names(all: readonly string[], typed: string): string[] {
  if (all.includes(typed.trim())) return [];
  return ranked(all, typed.trim().toLowerCase());
}

function ranked<T extends string>(all: readonly T[], needle: string, limit = MAX_COMPLETIONS): T[] {
  const starts = all.filter((n) => n.toLowerCase().startsWith(needle));
  const contains = all.filter((n) => !n.toLowerCase().startsWith(needle) && n.toLowerCase().includes(needle));
  return [...starts, ...contains].slice(0, limit);
}
