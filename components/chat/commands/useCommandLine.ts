'use client';

/**
 * The composer's command line: completions for what is typed (command names, live pids, saved
 * workflows for `/run`), the keys that drive them (↑/↓ move, Tab or Enter take one, Escape
 * closes the list until the text changes) and running a command. Skill names are not offered
 * for `/skills`: its query is free text, and Enter would take a name instead of searching.
 */
import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { useKernelQuery } from '@/components/volumes/useKernelQuery';
import { type Completion, completions } from '@/lib/shell';
import { openOnCanvas } from './openOnCanvas';
import { submitCommand } from './runCommand';

export interface CommandLine {
  readonly listId: string;
  readonly items: readonly Completion[];
  /** The list shows: there are completions and Escape has not closed it for this text. */
  readonly open: boolean;
  readonly active: number;
  optionId(index: number): string;
  /** Puts completion `index` into the composer. */
  accept(index: number): void;
  /** ↑/↓, Tab, Enter and Escape while the list shows; true when it handled the key. */
  onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean;
  /** Runs a command line; true when it ran (the composer clears), false when it was malformed (the text stays). */
  submit(text: string): boolean;
}

const NONE: readonly string[] = [];

export function useCommandLine(draft: string, setDraft: (text: string) => void): CommandLine {
  const client = useKernelStore((s) => s.client);
  const processes = useKernelStore((s) => s.processes);
  // Asked only while a workflow name is being typed.
  const workflows = useKernelQuery(/^\/run\s/i.test(draft) ? { op: 'workflow.list' } : null).data ?? NONE;
  const pids = useMemo(() => [...processes.values()].filter((p) => p.state !== 'TERMINATED'), [processes]);
  const { replaceFrom, items } = useMemo(() => completions(draft, { pids, workflows, skills: NONE }), [draft, pids, workflows]);

  const listId = useId();
  const [closedFor, setClosedFor] = useState<string | null>(null);
  const [cursor, setCursor] = useState({ draft: '', index: 0 });
  const open = items.length > 0 && closedFor !== draft;
  const active = cursor.draft === draft ? Math.min(cursor.index, items.length - 1) : 0;

  const accept = (index: number) => {
    const item = items[index];
    if (item) setDraft(draft.slice(0, replaceFrom) + item.value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || event.nativeEvent.isComposing || event.altKey || event.ctrlKey || event.metaKey) return false;
    const n = items.length;
    if (event.key === 'ArrowDown') setCursor({ draft, index: (active + 1) % n });
    else if (event.key === 'ArrowUp') setCursor({ draft, index: (active - 1 + n) % n });
    else if ((event.key === 'Tab' || event.key === 'Enter') && !event.shiftKey) accept(active);
    else if (event.key === 'Escape') setClosedFor(draft);
    else return false;
    event.preventDefault();
    return true;
  };

  const submit = (text: string) => client !== null && submitCommand(text, { client, openOnCanvas });

  return { listId, items, open, active, optionId: (i) => `${listId}-option-${i}`, accept, onKeyDown, submit };
}
