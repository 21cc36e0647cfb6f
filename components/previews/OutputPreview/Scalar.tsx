/** Numbers, strings, booleans and empty values, shown inline; long text in a scrolling block. */
import { Badge } from '@/components/ui/Badge';
import { formatNumber } from '../shared/formatValue';
import styles from './OutputPreview.module.css';

const LONG_TEXT = 160;

export function NumberValue({ value }: { value: number | bigint }) {
  const exact = typeof value === 'bigint' ? value.toString() : String(value);
  const shown = typeof value === 'bigint' ? value.toLocaleString('en-US') : formatNumber(value);
  return (
    <div>
      <span className={styles.number} title={shown === exact ? undefined : exact}>
        {shown}
      </span>
    </div>
  );
}

export function StringValue({ value }: { value: string }) {
  if (value === '') return <div className={styles.empty}>(empty text)</div>;
  if (value.length <= LONG_TEXT && !value.includes('\n')) return <div className={styles.string}>{value}</div>;
  return (
    <pre className={styles.text} tabIndex={0}>
      {value}
    </pre>
  );
}

export function BooleanValue({ value }: { value: boolean }) {
  return (
    <div>
      <Badge tone={value ? 'ok' : 'neutral'} mono>
        {String(value)}
      </Badge>
    </div>
  );
}

export function EmptyValue({ value }: { value: null | undefined }) {
  return <div className={styles.empty}>No value ({value === null ? 'null' : 'undefined'})</div>;
}
