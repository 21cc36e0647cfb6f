/**
 * The latest run of a skill: a status line ("Loading Python… 60%", "Running… 1.2 s", "Finished in
 * 0.8 s"), what it printed, then its outputs and facts, or its error.
 */
import { useEffect, useState } from 'react';
import type { RuntimeStatus } from '@/lib/runtimes/types';
import type { ExecutableSkill } from '@/lib/skills/types';
import { RunError } from './RunError';
import { RunLog } from './RunLog';
import { RunOutputs } from './RunOutputs';
import styles from './RunPanel.module.css';
import { RUNTIME_NAMES } from './runtimeLabels';
import type { RunRecord } from './useRunStore';

export function RunView({ run, skill, status }: { run: RunRecord; skill: ExecutableSkill; status: RuntimeStatus | undefined }) {
  const running = run.phase === 'running';
  return (
    <section className={styles.run} aria-label="Run" data-run-phase={run.phase}>
      <StatusLine run={run} status={status} />
      {(running || run.log.length > 0) && <RunLog run={run} />}
      {run.phase === 'done' && run.result && <RunOutputs result={run.result} outputs={skill.outputs} seed={run.seed} />}
      {(run.phase === 'failed' || run.phase === 'stopped') && run.error && <RunError error={run.error} codeLine={skill.code.line} stopped={run.phase === 'stopped'} />}
    </section>
  );
}

function StatusLine({ run, status }: { run: RunRecord; status: RuntimeStatus | undefined }) {
  const now = useTicking(run.phase === 'running');
  const elapsed = (run.endedAt ?? Math.max(now, run.startedAt)) - run.startedAt;
  const seconds = `${(elapsed / 1000).toFixed(1)} s`;
  let text: string;
  let progress: number | null = null;
  if (run.phase === 'running') {
    if (run.stopping) text = `Stopping… ${seconds}`;
    else if (status?.state === 'loading') {
      progress = Math.min(1, Math.max(0, status.progress ?? 0));
      text = `Loading ${RUNTIME_NAMES[run.runtime]}… ${Math.round(progress * 100)}%`;
    } else text = `Running… ${seconds}`;
  } else if (run.phase === 'done') text = `Finished in ${seconds}`;
  else if (run.phase === 'stopped') text = `Stopped after ${seconds}`;
  else text = `Failed after ${seconds}`;
  return (
    <div className={styles.statusLine} data-phase={run.phase}>
      <span className={styles.statusDot} aria-hidden="true" />
      <span className={styles.statusText}>{text}</span>
      {run.pid !== null && <span className={styles.statusPid}>pid {run.pid}</span>}
      {progress !== null && (
        <span className={styles.statusBar} aria-hidden="true">
          <span style={{ width: `${Math.round(progress * 100)}%` }} />
        </span>
      )}
      {/* The clock ticks; assistive technology hears only the phase changing. */}
      <span className="visually-hidden" role="status">
        {PHASE_WORDS[run.phase]}
      </span>
    </div>
  );
}

const PHASE_WORDS: Record<RunRecord['phase'], string> = { running: 'Running', done: 'Finished', failed: 'Failed', stopped: 'Stopped' };

/** The current time, every `ms` while `active` (the running clock of the status line). */
function useTicking(active: boolean, ms = 100): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [active, ms]);
  return now;
}
