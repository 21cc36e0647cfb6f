'use client';

/**
 * Gives a process more tokens (`proc.addBudget`): one suspended because its budget ran out
 * goes on. The amount is checked here first, so a bad one never reaches the kernel.
 */
import { useState } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { Button } from '@/components/ui/Button';
import { Dialog } from '@/components/volumes/Dialog';
import { Field, FormError } from '@/components/volumes/Field';
import forms from '@/components/volumes/forms.module.css';
import type { Pid } from '@/lib/core';
import { canAddBudget } from './canAddBudget';
import { DEFAULT_TOKENS_TO_ADD, MAX_TOKENS_TO_ADD, parseTokensToAdd } from './parseTokensToAdd';
import { formatTokens, tokenUse } from './tokenUse';

export function AddBudgetDialog({ pid, onAdd, onClose }: { pid: Pid; onAdd(pid: Pid, tokens: number): void; onClose(): void }) {
  const p = useKernelStore((s) => s.processes.get(pid));
  const [entry, setEntry] = useState({ raw: String(DEFAULT_TOKENS_TO_ADD), badInput: false });
  const [error, setError] = useState<string | null>(null);
  const addable = p !== undefined && canAddBudget(p);
  const tokens = p?.budget.tokens;
  const parsed = parseTokensToAdd(entry.raw, entry.badInput);

  const submit = () => {
    if (!addable) return;
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    onAdd(pid, parsed.value);
    onClose();
  };

  const after =
    parsed.ok && tokens && tokens.allocated !== null
      ? `Its budget becomes ${formatTokens(tokens.allocated + parsed.value)} tokens, ${formatTokens(Math.max(0, tokens.allocated + parsed.value - tokens.used))} left.`
      : `A whole number from 1 to ${formatTokens(MAX_TOKENS_TO_ADD)}.`;

  return (
    <Dialog
      title={p ? `Add budget to ${p.name}` : `Add budget to process ${pid}`}
      description={
        p && (
          <>
            <p>{`Process ${pid}: ${tokenUse(p.budget.tokens).summary}.`}</p>
            {p.note && <p>{p.note}</p>}
          </>
        )
      }
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!addable}>
            Add
          </Button>
        </>
      }
    >
      <Field label="Tokens to add" error={error} hint={after}>
        <input
          className={forms.input}
          type="number"
          min={1}
          max={MAX_TOKENS_TO_ADD}
          step={1}
          inputMode="numeric"
          value={entry.raw}
          onChange={(e) => {
            setEntry({ raw: e.target.value, badInput: e.target.validity.badInput });
            setError(null);
          }}
          onFocus={(e) => e.target.select()}
          autoFocus
        />
      </Field>
      {!addable && (
        <FormError>
          {p === undefined || p.state === 'TERMINATED'
            ? `Process ${pid} has finished, so there is no budget to add to.`
            : `Process ${pid} has no token limit, so there is nothing to raise.`}
        </FormError>
      )}
    </Dialog>
  );
}
