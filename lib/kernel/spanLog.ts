/**
 * The kernel's record of its own spans (syscalls today): a bounded ring, newest last.
 * Sealing a span (hashing its inputs, outputs and content) is deferred until someone reads it
 * or it is announced, so the syscall hot path only appends.
 */
import { type ContentHash, hashJson } from '../core';
import { sealSpan, type Span, type SpanDraft, type SpanKind } from '../spans';

/** A finished span whose hashes are not computed yet. */
export interface PendingSpan {
  readonly draft: Omit<SpanDraft, 'inputsHash' | 'outputsHash'>;
  readonly inputs: unknown;
  readonly outputs: unknown;
}

interface Entry {
  readonly kind: SpanKind;
  value: PendingSpan | Promise<Span>;
}

export class SpanLog {
  /** A circular buffer: `next` is where the next entry goes; `count` how many are held. */
  private readonly ring: (Entry | undefined)[];
  private next = 0;
  private count = 0;

  constructor(private readonly capacity = 5000) {
    this.ring = new Array<Entry | undefined>(capacity);
  }

  /** Appends a span; returns a function that seals it (once), for announcing it now. */
  append(pending: PendingSpan): () => Promise<Span> {
    const entry: Entry = { kind: pending.draft.kind, value: pending };
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
    this.sealLater(entry);
    return () => sealEntry(entry);
  }

  private unsealed: Entry[] = [];
  private sealTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * Seals spans in the background shortly after they are appended, so the log keeps hashes, not
   * the calls' inputs and outputs (a workflow, a run's results): memory stays bounded by the spans.
   */
  private sealLater(entry: Entry): void {
    this.unsealed.push(entry);
    this.sealTimer ??= setTimeout(() => {
      this.sealTimer = null;
      const batch = this.unsealed;
      this.unsealed = [];
      for (const e of batch) void sealEntry(e).catch(() => undefined);
    }, 100);
  }

  /** The newest `limit` spans, optionally of one kind, oldest first. */
  recent(limit = 100, kind?: SpanKind): Promise<Span[]> {
    const picked: Promise<Span>[] = [];
    for (let back = 1; back <= this.count && picked.length < limit; back++) {
      const entry = this.ring[(this.next - back + this.capacity) % this.capacity]!;
      if (kind === undefined || entry.kind === kind) picked.push(sealEntry(entry));
    }
    return Promise.all(picked.reverse());
  }

  get size(): number {
    return this.count;
  }
}

function sealEntry(entry: Entry): Promise<Span> {
  if (!(entry.value instanceof Promise)) entry.value = seal(entry.value);
  return entry.value;
}

async function seal(pending: PendingSpan): Promise<Span> {
  const [inputsHash, outputsHash] = await Promise.all([safeHash(pending.inputs), safeHash(pending.outputs)]);
  return sealSpan({ ...pending.draft, inputsHash, outputsHash });
}

/** Values a script sent may not be hashable (NaN, cycles): the span then records no hash. */
async function safeHash(value: unknown): Promise<ContentHash | null> {
  if (value === undefined) return null;
  try {
    return await hashJson(value);
  } catch {
    return null;
  }
}
