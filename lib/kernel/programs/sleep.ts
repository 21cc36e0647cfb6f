import type { TimerHandle } from '../../core';
import { formatDuration } from '../formatDuration';
import type { ProgramContext, ProgramRunner } from './program';

/**
 * `sleep`: waits `ms` milliseconds, BLOCKED on a timer, then exits. The simplest real
 * process: it can be suspended (the remaining time is kept), resumed, reniced and killed.
 */
export function runSleep(ms: number, ctx: ProgramContext): ProgramRunner {
  let remaining = ms;
  let startedAt = ctx.clock.now();
  let timer: TimerHandle | null = null;

  const arm = () => {
    startedAt = ctx.clock.now();
    timer = ctx.clock.setTimeout(() => {
      timer = null;
      ctx.exit('ok', `slept ${formatDuration(ms)}`);
    }, remaining);
  };
  const disarm = () => {
    if (timer === null) return;
    ctx.clock.clearTimeout(timer);
    timer = null;
    remaining = Math.max(0, remaining - (ctx.clock.now() - startedAt));
  };

  ctx.table.setState(ctx.pid, 'BLOCKED');
  arm();
  return {
    suspend: disarm,
    resume: () => {
      arm();
      return 'BLOCKED';
    },
    kill: disarm,
  };
}
