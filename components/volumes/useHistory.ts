/**
 * A volume's (or one file's) history, newest first like `git log` (every parent walked, so a
 * sync merge's commits from the remote are listed too), 50 commits a page: the first page
 * follows the volume (it refetches on every change); "Load more" continues the same walk from
 * the first page's newest commit, past the entries already shown. Pages loaded on top of an
 * older first page are dropped when the first page changes.
 */
import { useCallback, useState } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { WeftError } from '@/lib/core';
import type { LogEntry, VolumeId } from '@/lib/volumes';
import { useKernelQuery } from './useKernelQuery';

export const HISTORY_PAGE = 50;

export interface History {
  readonly commits: readonly LogEntry[];
  readonly loading: boolean;
  readonly error: WeftError | null;
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  loadMore(): void;
}

interface More {
  readonly anchor: string;
  readonly commits: readonly LogEntry[];
  readonly done: boolean;
}

export function useHistory(volume: VolumeId, path?: string): History {
  const client = useKernelStore((s) => s.client);
  const first = useKernelQuery({ op: 'volume.log', volume, limit: HISTORY_PAGE, ...(path ? { path } : {}) });
  const [more, setMore] = useState<More | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<WeftError | null>(null);

  const page = first.data;
  const anchor = page ? `${volume}|${path ?? ''}|${page[0]?.oid ?? ''}|${page.length}` : '';
  const extra = more !== null && more.anchor === anchor ? more : null;
  const commits = page ? (extra ? [...page, ...extra.commits] : page) : [];
  const head = page?.[0]?.oid;
  const pageFull = extra ? !extra.done : page?.length === HISTORY_PAGE;
  const hasMore = pageFull && head !== undefined;
  const shown = commits.length;

  const loadMore = useCallback(() => {
    if (!client || !head || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    // The same walk, past the entries shown: a volume's from the head its first page began at; a
    // file's from the current head (its first entry is the file's newest change, not the head).
    const from = path ? {} : { from: head };
    client.call({ op: 'volume.log', volume, limit: HISTORY_PAGE, skip: shown, ...from, ...(path ? { path } : {}) }).then(
      (next) => {
        // A sync between two pages can shift a file's walk by an entry: never list one twice.
        const listed = new Set([...(page ?? []), ...(extra?.commits ?? [])].map((c) => c.oid));
        setMore({ anchor, commits: [...(extra?.commits ?? []), ...next.filter((c) => !listed.has(c.oid))], done: next.length < HISTORY_PAGE });
        setLoadingMore(false);
      },
      (error: unknown) => {
        setMoreError(WeftError.from(error));
        setLoadingMore(false);
      },
    );
  }, [client, volume, path, head, shown, loadingMore, anchor, extra, page]);

  return { commits, loading: first.loading, error: first.error ?? moreError, hasMore, loadingMore, loadMore };
}
