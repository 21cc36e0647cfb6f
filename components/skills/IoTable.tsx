/**
 * An executable skill's inputs or outputs as a table: name, type, default and whether it must
 * be given, with each one's description on a line of its own beneath (the inspector is
 * narrow, and descriptions are sentences). Outputs have no default or "required".
 */
import { Icon } from '@/components/ui/Icon';
import type { IoSpec } from '@/lib/skills';
import styles from './SkillOverview.module.css';

export function IoTable({ caption, specs, kind }: { caption: string; specs: readonly IoSpec[]; kind: 'inputs' | 'outputs' }) {
  const inputs = kind === 'inputs';
  const columns = inputs ? 4 : 2;
  return (
    <div className={styles.tableWrap}>
      <table className={styles.io} data-io={kind}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            {inputs && <th scope="col">Default</th>}
            {inputs && (
              <th scope="col" className={styles.ioRequired}>
                Required
              </th>
            )}
          </tr>
        </thead>
        {specs.map((spec) => {
          const required = spec.required ?? spec.default === undefined;
          return (
            <tbody key={spec.name} className={styles.ioItem} data-io-name={spec.name}>
              <tr>
                <th scope="row" className={styles.ioName}>
                  {spec.name}
                </th>
                <td>
                  <span className={styles.ioType}>{spec.type}</span>
                </td>
                {inputs && <td className={styles.ioDefault}>{spec.default === undefined ? <span className={styles.none}>—</span> : <code>{formatDefault(spec.default)}</code>}</td>}
                {inputs && (
                  <td className={styles.ioRequired}>
                    {required ? <Icon name="check" size={13} className={styles.yes} /> : <span className={styles.none}>—</span>}
                    <span className="visually-hidden">{required ? 'required' : 'optional'}</span>
                  </td>
                )}
              </tr>
              {spec.description && (
                <tr>
                  <td colSpan={columns} className={styles.ioDescription}>
                    <span className="visually-hidden">Description: </span>
                    {spec.description}
                  </td>
                </tr>
              )}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}

/** A default as it would be written: strings quoted, lists and objects as JSON, long ones cut. */
function formatDefault(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
