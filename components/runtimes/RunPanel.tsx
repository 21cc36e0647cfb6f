'use client';

/**
 * The Run tab of an executable skill: a form with one field per input (prefilled with the
 * defaults), a seed, Run (Ctrl/Cmd+Enter) and Stop, then the run itself — its status, the live
 * log, and the outputs with a row of facts, or the error. The runtime starts loading when the
 * tab opens. What was typed and the last run are kept per skill for the whole browser session.
 */
import { type KeyboardEvent, useEffect, useId, useMemo } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { useIsApple } from '@/components/shell/useHydrated';
import { Button } from '@/components/ui/Button';
import forms from '@/components/volumes/forms.module.css';
import type { RuntimeKind } from '@/lib/runtimes/types';
import type { ExecutableSkill } from '@/lib/skills/types';
import { RunField } from './RunField';
import { initialValues, parseSeed, randomSeed, readForm } from './runForm';
import styles from './RunPanel.module.css';
import { RunView } from './RunView';
import { runSkill, stopRun } from './runSkill';
import { RuntimeChip } from './RuntimeChips';
import { runtimeChip } from './runtimeChip';
import { EMPTY_SESSION, useRunStore } from './useRunStore';
import { useTensorBackend } from './useTensorBackend';

export function RunPanel({ skill, runtime, volume }: { skill: ExecutableSkill; runtime: RuntimeKind; volume?: string }) {
  const name = skill.name;
  const session = useRunStore((s) => s.sessions[name] ?? EMPTY_SESSION);
  const setValue = useRunStore((s) => s.setValue);
  const setSeed = useRunStore((s) => s.setSeed);
  const resetValues = useRunStore((s) => s.resetValues);
  const client = useKernelStore((s) => s.client);
  const status = useKernelStore((s) => s.runtimes.find((r) => r.kind === runtime));
  const backend = useTensorBackend((s) => s.choice);
  const seedId = useId();
  const apple = useIsApple();
  const mod = apple ? '⌘' : 'Ctrl';

  const values = useMemo(() => ({ ...initialValues(skill.inputs), ...session.values }), [skill.inputs, session.values]);
  const reading = useMemo(() => readForm(skill.inputs, values), [skill.inputs, values]);
  const seed = parseSeed(session.seed);
  const problems = Object.keys(reading.errors).length + (seed.ok ? 0 : 1);
  const run = session.run;
  const running = run?.phase === 'running';
  const idle = status?.state === 'idle';

  // Start loading the runtime now, so Run finds it warm.
  useEffect(() => {
    if (client && idle) client.call({ op: 'runtime.warm', runtime }).catch(() => undefined);
  }, [client, idle, runtime]);

  const start = () => {
    if (!client || running || problems > 0) return;
    void runSkill(client, { skill: name, ...(volume === undefined ? {} : { volume }), runtime, inputs: reading.inputs, seed: seed.ok && seed.seed !== null ? seed.seed : randomSeed() });
  };
  const stop = () => {
    if (client) stopRun(client, name);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      start();
    }
  };

  return (
    <div className={styles.panel} onKeyDown={onKeyDown} data-run-panel={name}>
      <form
        className={styles.form}
        aria-label={`Run ${name}`}
        onSubmit={(event) => {
          event.preventDefault();
          start();
        }}
      >
        <h4 className={styles.caption}>Inputs</h4>
        {skill.inputs.length === 0 ? (
          <p className={styles.noInputs}>This skill takes no inputs: press Run.</p>
        ) : (
          skill.inputs.map((spec) => <RunField key={spec.name} spec={spec} value={values[spec.name] ?? ''} error={reading.errors[spec.name]} onChange={(value) => setValue(name, spec.name, value)} />)
        )}
        <div className={styles.seedRow}>
          <label htmlFor={seedId} className={styles.seedLabel} title="Seeds Python's random and JavaScript's Math.random: the same seed gives the same result">
            Run seed
          </label>
          <input
            id={seedId}
            className={`${forms.input} ${styles.seed}`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder="random"
            value={session.seed}
            aria-invalid={seed.ok ? undefined : true}
            aria-describedby={seed.ok ? undefined : `${seedId}-error`}
            onChange={(e) => setSeed(name, e.target.value)}
          />
          {run && (
            <button type="button" className={styles.linkButton} title="Run again with the seed of the last run" aria-label={`Use the last run's seed, ${run.seed}`} onClick={() => setSeed(name, String(run.seed))}>
              use {run.seed}
            </button>
          )}
        </div>
        {!seed.ok && (
          <p id={`${seedId}-error`} className={forms.error} role="alert">
            {seed.message}
          </p>
        )}
        <div className={styles.actions}>
          {running ? (
            <Button variant="danger" icon="stop" onClick={stop} disabled={run.stopping} title="Stop the run (kills its process)">
              {run.stopping ? 'Stopping…' : 'Stop'}
            </Button>
          ) : (
            <Button type="submit" variant="primary" icon="play" disabled={!client || problems > 0} title={`Run ${name} (${mod}+Enter)`} aria-keyshortcuts={apple ? 'Meta+Enter' : 'Control+Enter'}>
              {problems > 0 ? `Fix ${problems} input${problems === 1 ? '' : 's'} first` : 'Run'}
            </Button>
          )}
          {!running && problems === 0 && (
            <span className={styles.shortcut} aria-hidden="true">
              <kbd>{mod}</kbd>
              <kbd>Enter</kbd>
            </span>
          )}
          {Object.keys(session.values).length > 0 && (
            <Button variant="ghost" size="sm" icon="restore" onClick={() => resetValues(name)} title="Put every input back to its default">
              Reset
            </Button>
          )}
          <span className={styles.spacer} />
          {status && <RuntimeChip kind={runtime} view={runtimeChip(status, backend)} />}
        </div>
      </form>
      {run && <RunView run={run} skill={skill} status={status} />}
    </div>
  );
}
