/**
 * A journal of trace commits in flight, so that after a crash (the tab closed, the kernel worker
 * killed mid-commit) the next start can say what happened to the trace that was being saved:
 * complete (the commit landed) or absent (it did not; the volume is as it was before). An entry
 * is written before the commit and removed after it; one left behind by a kernel that is no
 * longer alive (`isAlive`: in the browser, a Web Lock each kernel holds while it runs) is an
 * interrupted commit. Kept in the settings store, one key per entry, so tabs never overwrite
 * each other's entries.
 */
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

const PREFIX = 'journal:trace:';

export interface TraceJournalDeps {
  readonly settings: KeyValueStore;
  /** This kernel's id. */
  readonly owner: string;
  /** Whether the kernel with this id is still running (in this tab or another). */
  readonly isAlive: (owner: string) => Promise<boolean>;
}

export class TraceJournal {
  private next = 1;

  constructor(private readonly deps: TraceJournalDeps) {}

  /** Runs `commit` with its entry in the journal; the entry goes when the commit ends, either way. */
  async around<T>(entry: Omit<JournalEntry, 'owner'>, commit: () => Promise<T>): Promise<T> {
    const key = `${PREFIX}${this.deps.owner}:${this.next++}`;
    await this.deps.settings.set(key, { ...entry, owner: this.deps.owner });
    try {
      return await commit();
    } finally {
      await this.deps.settings.delete(key);
    }
  }

  /**
   * The commits a dead kernel left unfinished, each checked with `exists` (is the file in its
   * volume now?), and removed from the journal so they are reported once.
   */
  async recover(exists: (volume: VolumeId, path: string) => Promise<boolean>): Promise<InterruptedTrace[]> {
    const found: InterruptedTrace[] = [];
    for (const key of await this.deps.settings.keys()) {
      if (!key.startsWith(PREFIX)) continue;
      const entry = await this.deps.settings.get<JournalEntry>(key);
      if (entry === undefined || entry.owner === this.deps.owner || (await this.deps.isAlive(entry.owner))) continue;
      found.push({ ...entry, state: (await exists(entry.volume, entry.path)) ? 'complete' : 'absent' });
      await this.deps.settings.delete(key);
    }
    return found.sort((a, b) => a.at - b.at);
  }
}
