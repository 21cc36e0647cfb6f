/** The chat's command line, the precise half of the natural-language shell: the command table, parsing and completion. */
export { type ArgKind, type ArgSpec, type CommandName, type CommandSpec, COMMANDS, commandSpec } from './commandTable';
export { type Command, type CommandError, isCommand, MAX_TOKENS, parseCommand, TEXT_LIMITS } from './parseCommand';
export { type Completion, type CompletionContext, type Completions, completions, MAX_COMPLETIONS, MAX_PIDS } from './completions';
export { closest } from './closest';
