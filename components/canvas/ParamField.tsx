'use client';

/**
 * One param of a node: a checkbox for booleans, a number or text field, or a small JSON field for
 * everything else. Text fields commit on Enter or when they lose focus (one undo step per edit,
 * not per keystroke); invalid JSON or a non-number is shown, not committed. A blank optional
 * field unsets the param (its default applies).
 */
import { memo, useState } from 'react';
import type { IoSpec } from '@/lib/skills';
import styles from './SkillNode.module.css';

export const ParamField = memo(function ParamField({ spec, value, onCommit, label }: {
  spec: IoSpec;
  /** The node's param, or undefined for the skill's default. */
  value: unknown;
  onCommit(name: string, value: unknown): void;
  /** Accessible name (defaults to the input's name). */
  label?: string;
}) {
  const shown = value === undefined ? spec.default : value;
  const name = label ?? spec.name;
  if (spec.type === 'boolean') {
    return (
      <input
        type="checkbox"
        className={`${styles.check} nodrag`}
        aria-label={name}
        checked={shown === true}
        onChange={(e) => onCommit(spec.name, e.target.checked)}
      />
    );
  }
  return <TextParam key={JSON.stringify(shown) ?? ''} spec={spec} shown={shown} name={name} onCommit={onCommit} />;
});

function TextParam({ spec, shown, name, onCommit }: { spec: IoSpec; shown: unknown; name: string; onCommit(name: string, value: unknown): void }) {
  const initial = toText(spec, shown);
  const [text, setText] = useState(initial);
  const parsed = parseParamText(spec, text);
  const commit = () => {
    if (text !== initial && parsed.ok) onCommit(spec.name, parsed.value);
  };
  return (
    <input
      className={`${styles.field} nodrag nowheel`}
      aria-label={name}
      aria-invalid={!parsed.ok}
      title={parsed.ok ? (spec.description ?? spec.name) : parsed.problem}
      inputMode={spec.type === 'number' ? 'decimal' : undefined}
      spellCheck={false}
      value={text}
      placeholder={spec.required ? 'required' : ''}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !(e.ctrlKey || e.metaKey)) commit();
        if (e.key === 'Escape') setText(initial);
      }}
    />
  );
}

function toText(spec: IoSpec, value: unknown): string {
  if (value === undefined) return '';
  if (spec.type === 'string' && typeof value === 'string') return value;
  if (spec.type === 'number' && typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

export type Parsed = { ok: true; value: unknown } | { ok: false; problem: string };

/**
 * A field's text as the param's value: undefined (unset: the default applies) for a blank field
 * that may be blank (it is optional or has a default), or why the text does not fit its type.
 */
export function parseParamText(spec: IoSpec, text: string): Parsed {
  if (spec.type === 'string') return { ok: true, value: text };
  if (spec.type === 'number') {
    if (text.trim() === '') return spec.required === false || spec.default !== undefined ? { ok: true, value: undefined } : { ok: false, problem: `${spec.name} needs a number` };
    const n = Number(text);
    return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, problem: `${spec.name} needs a number` };
  }
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: `${spec.name} needs JSON, e.g. [1, 2] or {"a": 1}` };
  }
}
