/**
 * What a command prints into the chat panel, as data: session state, never stored in the
 * conversation. The view (`CommandOutputView`) renders the blocks in order.
 */

export type OutputStatus = 'running' | 'ok' | 'error';

export type OutputBlock =
  | { readonly kind: 'text'; readonly text: string; readonly tone?: 'muted' | 'error' }
  /** Monospace columns; a row's `note` (why it waits, why it was suspended) goes on a line under it. */
  | { readonly kind: 'table'; readonly head: readonly string[]; readonly rows: readonly { readonly cells: readonly string[]; readonly note: string | null }[] }
  | { readonly kind: 'list'; readonly items: readonly { readonly term: string; readonly text: string }[] }
  | { readonly kind: 'bullets'; readonly items: readonly string[] }
  | { readonly kind: 'markdown'; readonly text: string };

export interface CommandOutput {
  readonly id: string;
  /** The command's name (`ps`, `kill`…), or `unknown` for a line that names none. */
  readonly command: string;
  /** What was typed. */
  readonly input: string;
  readonly status: OutputStatus;
  readonly blocks: readonly OutputBlock[];
}

export type NewOutput = Omit<CommandOutput, 'id'>;

export const text = (value: string, tone?: 'muted' | 'error'): OutputBlock => (tone ? { kind: 'text', text: value, tone } : { kind: 'text', text: value });
