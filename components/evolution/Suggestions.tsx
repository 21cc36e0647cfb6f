'use client';

/**
 * Skill suggestions from evolution, at the top of the skill library: a workflow that keeps
 * running successfully becomes a compound skill to add with one click (it commits to your
 * volume), or to dismiss for good. Shown only when there is something to suggest.
 */
import { useEffect, useState } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { useSkillUi } from '@/components/skills/useSkillUi';
import { Button } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import { FormError } from '@/components/volumes/Field';
import { useKernelAction } from '@/components/volumes/useKernelAction';
import { useKernelQuery } from '@/components/volumes/useKernelQuery';
import type { SkillSuggestion } from '@/lib/kernel/protocol';
import styles from './Suggestions.module.css';

export function Suggestions() {
  const client = useKernelStore((s) => s.client);
  const query = useKernelQuery({ op: 'evolution.suggestions' });
  const { reload } = query;
  // Mining runs in the background after runs; its event says when there is something new.
  useEffect(() => client?.on((e) => e.type === 'evolution.suggestions' && reload()), [client, reload]);
  // An accepted suggestion leaves the kernel's list at once (the skill now exists); its card stays,
  // saying it was added, until the person closes it.
  const [added, setAdded] = useState<readonly { suggestion: SkillSuggestion; name: string }[]>([]);
  const open = (query.data ?? []).filter((s) => !added.some((a) => a.suggestion.id === s.id));
  if (open.length === 0 && added.length === 0) return null;
  return (
    <section className={styles.box} aria-label="Suggested skills">
      <h3 className={styles.title}>
        <Icon name="promote" size={14} /> Suggested from your runs
      </h3>
      <ul className={styles.list}>
        {added.map(({ suggestion, name }) => (
          <SuggestionCard key={suggestion.id} suggestion={suggestion} added={name} onClose={() => setAdded((list) => list.filter((a) => a.suggestion.id !== suggestion.id))} />
        ))}
        {open.map((s) => (
          <SuggestionCard key={s.id} suggestion={s} onAdded={(name) => setAdded((list) => [...list, { suggestion: s, name }])} onDone={reload} />
        ))}
      </ul>
    </section>
  );
}

function SuggestionCard({
  suggestion: s,
  added,
  onAdded,
  onDone,
  onClose,
}: {
  suggestion: SkillSuggestion;
  /** The name it was added under: the card only says so. */
  added?: string;
  onAdded?(name: string): void;
  onDone?(): void;
  onClose?(): void;
}) {
  const action = useKernelAction();
  const select = useSkillUi((u) => u.select);
  const defaults = Object.entries(s.defaults);
  return (
    <li className={styles.card} data-suggestion={s.name}>
      <div className={styles.head}>
        <span className={styles.name}>{s.name}</span>
        <span className={styles.meta}>
          {s.count} runs · {Math.round(s.successRate * 100)} % ok
        </span>
      </div>
      <p className={styles.description}>{s.description}</p>
      {defaults.length > 0 && (
        <dl className={styles.defaults} aria-label="Learned defaults">
          {defaults.slice(0, 6).map(([key, value]) => (
            <div key={key} className={styles.default}>
              <dt>{key}</dt>
              <dd>{short(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {action.error && <FormError>{action.error.message}</FormError>}
      {added ? (
        <div className={styles.actions}>
          <p className={styles.added}>
            <Icon name="check" size={14} /> Added {added} to your skills.
          </p>
          <Button size="sm" variant="ghost" onClick={onClose}>
            Close
          </Button>
        </div>
      ) : (
        <div className={styles.actions}>
          <Button
            size="sm"
            variant="primary"
            icon="plus"
            disabled={action.pending}
            onClick={async () => {
              const done = await action.run({ op: 'evolution.accept', id: s.id });
              if (!done) return;
              onAdded?.(done.name);
              select(done.name);
              onDone?.();
            }}
          >
            Add skill
          </Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={action.pending}
            onClick={async () => {
              if (await action.run({ op: 'evolution.reject', id: s.id })) onDone?.();
            }}
          >
            Dismiss
          </Button>
        </div>
      )}
    </li>
  );
}

function short(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
