/**
 * One input of the Run form, edited the way its type asks: a number field, a checkbox, a line of
 * text (or a text box when the default spans lines), or a small JSON editor. Its label carries
 * the type and whether it is required; the description or the validation message sits beneath.
 */
import { useId } from 'react';
import forms from '@/components/volumes/forms.module.css';
import type { IoSpec } from '@/lib/skills/types';
import { type FieldValue, fieldKind, isRequired } from './runForm';
import styles from './RunPanel.module.css';

export function RunField({ spec, value, error, onChange }: { spec: IoSpec; value: FieldValue; error: string | undefined; onChange(value: FieldValue): void }) {
  const id = useId();
  const noteId = useId();
  const kind = fieldKind(spec.type);
  const required = isRequired(spec);
  const note = error ?? spec.description;
  const common = {
    id,
    name: spec.name,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': note ? noteId : undefined,
    'aria-required': required || undefined,
  } as const;

  const label = (
    <span className={styles.fieldLabel}>
      <span className={styles.fieldName}>{spec.name}</span>
      <span className={styles.fieldType}>{spec.type}</span>
      {required && (
        <span className={styles.required} title="Required: the skill cannot run without it">
          required
        </span>
      )}
    </span>
  );

  if (kind === 'boolean') {
    return (
      <div className={styles.field} data-run-input={spec.name}>
        <label className={styles.checkRow}>
          <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          {label}
        </label>
        {note && <Note id={noteId} error={error} text={note} />}
      </div>
    );
  }

  const text = typeof value === 'string' ? value : String(value);
  const defaultHint = spec.default === undefined ? undefined : `Blank: the default (${short(spec.default)})`;
  const control =
    kind === 'number' ? (
      <input {...common} className={`${forms.input} ${styles.number}`} type="text" inputMode="decimal" autoComplete="off" spellCheck={false} value={text} placeholder={defaultHint} onChange={(e) => onChange(e.target.value)} />
    ) : kind === 'string' && !text.includes('\n') && !(typeof spec.default === 'string' && spec.default.includes('\n')) ? (
      <input {...common} className={forms.input} type="text" autoComplete="off" value={text} onChange={(e) => onChange(e.target.value)} />
    ) : (
      <textarea
        {...common}
        className={`${forms.textarea} ${forms.code} ${styles.textarea}`}
        rows={Math.min(10, Math.max(kind === 'json' ? 2 : 3, text.split('\n').length))}
        spellCheck={false}
        autoComplete="off"
        value={text}
        placeholder={kind === 'json' ? (defaultHint ?? 'JSON, e.g. [1, 2, 3] or {"key": "value"}') : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    );

  return (
    <div className={styles.field} data-run-input={spec.name}>
      <label htmlFor={id} className={styles.labelRow}>
        {label}
      </label>
      {control}
      {note && <Note id={noteId} error={error} text={note} />}
    </div>
  );
}

function Note({ id, error, text }: { id: string; error: string | undefined; text: string }) {
  return error ? (
    <p id={id} className={forms.error} role="alert">
      {text}
    </p>
  ) : (
    <p id={id} className={forms.hint}>
      {text}
    </p>
  );
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 30 ? `${text.slice(0, 29)}…` : text;
}
