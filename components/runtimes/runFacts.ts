/**
 * What a finished run tells a person besides its outputs, in a row of short facts: how long it
 * took, the CPU time its worker spent, the bytes in and out, the backend (tensor runs), the seed
 * and which worker ran it. Also where an error happened, in the code and in SKILL.md.
 */
import { formatBytes } from '@/components/previews/shared/formatValue';
import { formatMs } from '@/components/ui/format';
import type { WeftErrorData } from '@/lib/core';
import type { EnzymeRun } from '@/lib/kernel/protocol';

export interface RunFact {
  /** Stable, for tests and keys: `duration`, `cpu`, `bytes`, `backend`, `seed`, `worker`. */
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly title?: string;
}

export function runFacts(result: EnzymeRun, seed: number): RunFact[] {
  const d = result.details;
  const facts: RunFact[] = [
    { id: 'duration', label: 'Duration', value: formatMs(result.durationMs), title: 'From the request to the result, waiting for a worker included' },
    { id: 'cpu', label: 'CPU', value: formatMs(result.energy.cpuMs), title: 'Time the code ran in its worker' },
  ];
  if (typeof d.bytesIn === 'number' && typeof d.bytesOut === 'number') {
    facts.push({ id: 'bytes', label: 'In / out', value: `${formatBytes(d.bytesIn)} / ${formatBytes(d.bytesOut)}`, title: 'Code and inputs sent to the worker / outputs sent back' });
  } else if (result.energy.bytes > 0) {
    facts.push({ id: 'bytes', label: 'Bytes', value: formatBytes(result.energy.bytes), title: 'Inputs and outputs together' });
  }
  if (typeof d.backend === 'string') facts.push({ id: 'backend', label: 'Backend', value: d.backend, title: 'The TensorFlow.js backend the run used' });
  facts.push({ id: 'seed', label: 'Seed', value: String(seed), title: 'Type it into the seed field to run again with the same random numbers' });
  if (d.worker !== undefined) facts.push({ id: 'worker', label: 'Worker', value: `#${String(d.worker)}`, title: `Runtime worker ${String(d.worker)} of the ${result.runtime} pool` });
  return facts;
}

/** Where a Python error happened: `line 12 of the code (SKILL.md line 96)`, or null when unknown. */
export function errorLocation(error: WeftErrorData, codeLine: number | null): string | null {
  const line = error.data?.line;
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1) return null;
  // The code's line 1 is the line after the opening fence.
  return codeLine === null ? `line ${line} of the code` : `line ${line} of the code (SKILL.md line ${codeLine + line})`;
}

/** The longer story of an error, when it has one: a Python traceback or a JavaScript stack. */
export function errorTrace(error: WeftErrorData): { label: string; text: string } | null {
  const data = error.data ?? {};
  if (typeof data.traceback === 'string' && data.traceback.includes('\n')) return { label: 'Python traceback', text: data.traceback };
  if (typeof data.stack === 'string' && data.stack) return { label: 'Stack trace', text: data.stack };
  return null;
}
