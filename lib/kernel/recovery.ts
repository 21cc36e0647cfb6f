/**
 * At boot, after a crash: what the journal says was interrupted (trace commits, complete or
 * absent; runs going on), and every volume checked, logged in words and kept for
 * `kernel.recovery`. Never throws: a failed check is logged, and the report is then null.
 */
import { WeftError } from '../core';
import type { RecoveryReport, Workspace } from '../volumes';

export async function recoverAfterCrash(ws: Workspace, log: (level: 'warn' | 'error', message: string) => void): Promise<RecoveryReport | null> {
  try {
    const report = await ws.recover();
    for (const t of report?.traces ?? []) log('warn', `Weft stopped while saving a trace (${t.message}); it is ${t.state === 'complete' ? 'complete in' : 'not in'} ${t.volume}.`);
    for (const r of report?.runs ?? []) log('warn', `Weft stopped while ${r.name} (${r.runtime}) was running: the tab was closed or crashed.`);
    for (const v of report?.volumes ?? []) if (!v.ok) log('error', `${v.volume} failed its check: ${v.problems.map((p) => p.message).join(' ')}`);
    return report;
  } catch (error) {
    log('error', `Checking the volumes after a crash failed: ${WeftError.from(error).message}`);
    return null;
  }
}
