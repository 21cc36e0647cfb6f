/**
 * A volume's (or one file's) history, newest first, 50 commits a page: the first page follows
 * the volume (it refetches on every change); "Load more" pages on from the last entry's first
 * parent. Pages loaded on top of an older first page are dropped when the first page changes.
 */
import { useCallback, useState } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { WeftError } from '@/lib/core';
import type { CommitInfo, VolumeId } from '@/lib/volumes';
import { useKernelQuery } from './useKernelQuery';

export const HISTORY_PAGE = 50;

export interface History {
  readonly commits: readonly CommitInfo[];
  readonly loading: boolean;
  readonly error: WeftError | null;
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  loadMore(): void;
}

interface More {
  readonly anchor: string;
  readonly commits: readonly CommitInfo[];
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
  const last = commits[commits.length - 1];
  const pageFull = extra ? !extra.done : page?.length === HISTORY_PAGE;
  const hasMore = pageFull && last !== undefined && last.parents.length > 0;

  const loadMore = useCallback(() => {
    const from = last?.parents[0];
    if (!client || !from || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    client.call({ op: 'volume.log', volume, limit: HISTORY_PAGE, from, ...(path ? { path } : {}) }).then(
      (next) => {
        // `from` itself is the first entry of the next page: the log starts at the commit it is given.
        setMore({ anchor, commits: [...(extra?.commits ?? []), ...next], done: next.length < HISTORY_PAGE });
        setLoadingMore(false);
      },
      (error: unknown) => {
        setMoreError(WeftError.from(error));
        setLoadingMore(false);
      },
    );
  }, [client, volume, path, last, loadingMore, anchor, extra]);

  return { commits, loading: first.loading, error: first.error ?? moreError, hasMore, loadingMore, loadMore };
}
