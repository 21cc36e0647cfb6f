/**
 * What the header's chip says about one runtime: `Python` (not loaded yet), `Loading Python… 60%`,
 * `Python ✓` (`tensor · wasm` for the tensor runtime), or a failure with its reason in the tooltip.
 */
import type { RunDetails, RuntimeStatus } from '@/lib/runtimes/types';
import type { BackendOverride } from '@/lib/runtimes/tensor/tf';
import { BACKEND_LABELS, RUNTIME_ABOUT, RUNTIME_NAMES } from './runtimeLabels';

export interface RuntimeChipView {
  readonly state: RuntimeStatus['state'];
  /** The visible text (the ✓ of a ready runtime is an icon, not part of it). */
  readonly label: string;
  /** 0…1 while loading. */
  readonly progress: number | null;
  /** The tooltip: what the runtime is, then how it stands. */
  readonly title: string;
  /** The accessible name (the visible text plus its state in words). */
  readonly ariaLabel: string;
}

export function runtimeChip(status: RuntimeStatus, backendChoice: BackendOverride = 'auto'): RuntimeChipView {
  const name = RUNTIME_NAMES[status.kind];
  const chosen = status.kind === 'tensor' && backendChoice !== 'auto' ? backendChoice : null;
  const about = RUNTIME_ABOUT[status.kind] + (status.kind === 'tensor' ? ` Backend: ${BACKEND_LABELS[backendChoice]}; click to choose.` : '');
  switch (status.state) {
    case 'idle': {
      const label = chosen ? `${name} · ${chosen}` : name;
      return { state: 'idle', label, progress: null, title: `${about}\nNot loaded yet: it loads on first use.`, ariaLabel: `${label}: not loaded yet` };
    }
    case 'loading': {
      const percent = Math.round(clamp01(status.progress ?? 0) * 100);
      const label = `Loading ${name}… ${percent}%`;
      return { state: 'loading', label, progress: clamp01(status.progress ?? 0), title: `${about}\nLoading${status.detail ? `: ${status.detail}` : ''} (${percent}%).`, ariaLabel: label };
    }
    case 'ready': {
      const backend = status.kind === 'tensor' ? (status.detail ?? stringDetail(status.details, 'backend')) : null;
      const label = backend ? `${name} · ${backend}` : name;
      const facts = readyFacts(status);
      const reason = typeof status.details?.backendReason === 'string' ? `\n${status.details.backendReason}` : '';
      return { state: 'ready', label, progress: null, title: `${about}\nReady${facts ? `: ${facts}` : ''}.${reason}${workersLine(status)}`, ariaLabel: `${label}: ready` };
    }
    case 'failed':
      return {
        state: 'failed',
        label: name,
        progress: null,
        title: `${about}\nFailed to load: ${(status.detail ?? 'no reason given').replace(/\.\s*$/, '')}. It is tried again on the next run.`,
        ariaLabel: `${name}: failed to load`,
      };
  }
}

/** How a ready runtime runs, in a few words: `Pyodide 0.29.0, Python 3.13.2, restored from a snapshot in 640 ms`. */
export function readyFacts(status: RuntimeStatus): string {
  const d = status.details ?? {};
  const parts: string[] = [];
  const pyodide = stringDetail(d, 'pyodide');
  if (pyodide) parts.push(`Pyodide ${pyodide}`);
  const python = stringDetail(d, 'python');
  if (python) parts.push(`Python ${python}`);
  const backend = status.kind === 'tensor' ? (status.detail ?? stringDetail(d, 'backend')) : null;
  if (backend) parts.push(`backend ${backend}`);
  if (typeof d.loadMs === 'number') parts.push(`${d.snapshot === 'restored' ? 'restored from a snapshot' : 'loaded'} in ${Math.round(d.loadMs)} ms`);
  return parts.join(', ');
}

function workersLine(status: RuntimeStatus): string {
  if (status.workers === 0) return '';
  return `\n${status.workers} worker${status.workers === 1 ? '' : 's'}${status.busy > 0 ? `, ${status.busy} busy` : ''}.`;
}

function stringDetail(details: RunDetails | undefined, key: string): string | null {
  const value = details?.[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}
