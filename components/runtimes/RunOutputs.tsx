/**
 * A finished run's outputs, each shown by the preview its declared type asks for (outputs the
 * skill returned without declaring them come last, shown by their value), then its facts.
 */
import { OutputPreview } from '@/components/previews';
import type { EnzymeRun } from '@/lib/kernel/protocol';
import type { IoSpec } from '@/lib/skills/types';
import { runFacts } from './runFacts';
import styles from './RunPanel.module.css';

export function RunOutputs({ result, outputs, seed }: { result: EnzymeRun; outputs: readonly IoSpec[]; seed: number }) {
  const declared = new Set(outputs.map((o) => o.name));
  const extra = Object.keys(result.outputs).filter((name) => !declared.has(name));
  const shown: { name: string; type?: string; description?: string }[] = [...outputs, ...extra.map((name) => ({ name }))];
  return (
    <>
      <div className={styles.outputs}>
        <h4 className={styles.caption}>Outputs</h4>
        {shown.length === 0 && <p className={styles.noInputs}>The skill declares no outputs and returned none.</p>}
        {shown.map((output) => {
          const present = Object.hasOwn(result.outputs, output.name);
          return (
            <section key={output.name} className={styles.output} aria-label={`Output ${output.name}`} data-run-output={output.name}>
              <div className={styles.outputHead}>
                <span className={styles.fieldName}>{output.name}</span>
                {output.type ? <span className={styles.fieldType}>{output.type}</span> : <span className={styles.undeclared}>not declared</span>}
                {output.description && (
                  <span className={styles.outputDescription} title={output.description}>
                    {output.description}
                  </span>
                )}
              </div>
              {present ? (
                <OutputPreview value={result.outputs[output.name]} {...(output.type ? { type: output.type } : {})} name={output.name} />
              ) : (
                <p className={styles.missing}>Not returned by this run.</p>
              )}
            </section>
          );
        })}
      </div>
      <dl className={styles.facts} aria-label="Run facts">
        {runFacts(result, seed).map((fact) => (
          <div key={fact.id} className={styles.fact} data-run-fact={fact.id} title={fact.title}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
