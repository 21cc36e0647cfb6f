/**
 * A journal of work in flight, so that after a crash (the tab closed or crashed, the kernel
 * worker killed) the next start can say what was interrupted:
 * - trace commits: the trace is then complete (the commit landed) or absent (the volume is as it
 *   was before);
 * - runs of code the browser cannot contain (JavaScript has no memory limit: a run that allocates
 *   without end takes the whole tab down), so the person learns which run was going on.
 * An entry is written before the work and removed after it; one left behind by a kernel that is
 * no longer alive (`isAlive`: in the browser, a Web Lock each kernel holds while it runs) was
 * interrupted. Kept in the settings store, one key per entry, so tabs never overwrite each other.
 */
import type { Clock, TimerHandle } from '../core';
import type { KeyValueStore } from './keyValueStore';
import type { VolumeId } from './volumeId';

export interface JournalEntry {
  /** The kernel that was committing. */
  readonly owner: string;
  readonly volume: VolumeId;
  /** The trace file being committed. */
  readonly path: string;
  /** The commit message (it names the run: "Run VQE: ok, 9 spans"). */
  readonly message: string;
  readonly at: number;
}

export interface InterruptedTrace extends JournalEntry {
  /** Whether the trace made it into the volume before the crash. */
  readonly state: 'complete' | 'absent';
}

export interface RunEntry {
  readonly owner: string;
  /** The skill or the process name (`javascript.run`). */
  readonly name: string;
  /** The runtime's label: JavaScript, three.js… */
  readonly runtime: string;
  readonly at: number;
}

export type InterruptedRun = RunEntry;

const TRACES = 'journal:trace:';
const RUNS = 'journal:run:';

export interface JournalDeps {
  readonly settings: KeyValueStore;
  /** This kernel's id. */
  readonly owner: string;
  /** Whether the kernel with this id is still running (in this tab or another). */
  readonly isAlive: (owner: string) => Promise<boolean>;
  /** Times the note of a run (see `running`). */
  readonly clock: Clock;
}

/**
 * A run is noted only once it has gone on this long. A run that takes the tab down does so
 * seconds in (it must first exhaust the heap), while most runs end within milliseconds: noting
 * each at once cost two IndexedDB transactions, most of a trivial JavaScript node's overhead.
 */
export const RUN_NOTE_AFTER_MS = 100;

export class Journal {
  private next = 1;

  constructor(private readonly deps: JournalDeps) {}

  /** Runs `commit` with its entry in the journal; the entry goes when the commit ends, either way. */
  async around<T>(entry: Omit<JournalEntry, 'owner'>, commit: () => Promise<T>): Promise<T> {
    const key = `${TRACES}${this.deps.owner}:${this.next++}`;
    await this.deps.settings.set(key, { ...entry, owner: this.deps.owner });
    try {
      return await commit();
    } finally {
      await this.deps.settings.delete(key);
    }
  }

  /**
   * Notes a run as going on, once it has run for `RUN_NOTE_AFTER_MS`; call the returned function
   * when it ends. No write is waited for (a run must not wait on storage), and a run that ends
   * sooner writes nothing.
   */
  running(entry: Omit<RunEntry, 'owner'>): () => void {
    const key = `${RUNS}${this.deps.owner}:${this.next++}`;
    let written: Promise<unknown> | null = null;
    const timer: TimerHandle = this.deps.clock.setTimeout(() => {
      written = this.deps.settings.set(key, { ...entry, owner: this.deps.owner }).catch(() => undefined);
    }, RUN_NOTE_AFTER_MS);
    return () => {
      if (written === null) this.deps.clock.clearTimeout(timer);
      else void written.then(() => this.deps.settings.delete(key)).catch(() => undefined);
    };
  }

  /**
   * What dead kernels left unfinished: trace commits, each checked with `exists` (is the file in
   * its volume now?), and runs. They are removed from the journal, so each is reported once.
   */
  async recover(exists: (volume: VolumeId, path: string) => Promise<boolean>): Promise<{ traces: InterruptedTrace[]; runs: InterruptedRun[] }> {
    const traces: InterruptedTrace[] = [];
    const runs: InterruptedRun[] = [];
    for (const key of await this.deps.settings.keys()) {
      if (!key.startsWith(TRACES) && !key.startsWith(RUNS)) continue;
      const entry = await this.deps.settings.get<JournalEntry | RunEntry>(key);
      if (entry === undefined || entry.owner === this.deps.owner || (await this.deps.isAlive(entry.owner))) continue;
      if (key.startsWith(TRACES)) {
        const trace = entry as JournalEntry;
        traces.push({ ...trace, state: (await exists(trace.volume, trace.path)) ? 'complete' : 'absent' });
      } else runs.push(entry as RunEntry);
      await this.deps.settings.delete(key);
    }
    return { traces: traces.sort((a, b) => a.at - b.at), runs: runs.sort((a, b) => a.at - b.at) };
  }
}
