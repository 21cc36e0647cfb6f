import { formatAge, formatMs } from '@/components/ui/format';
import { useNow } from './useNow';

/** How long since `since`, ticking every second; frozen at `until` once that is known. */
export function LiveAge({ since, until }: { since: number; until: number | null }) {
  const now = useNow();
  if (now === 0 && until === null) return null;
  return <>{formatAge((until ?? now) - since)}</>;
}

/** A wait time reported at `seenAt`, still growing while `growing`. */
export function LiveWait({ waitMs, seenAt, growing }: { waitMs: number; seenAt: number; growing: boolean }) {
  const now = useNow();
  const ms = growing && now > seenAt ? waitMs + (now - seenAt) : waitMs;
  return <>{ms >= 1000 ? formatAge(ms) : formatMs(ms)}</>;
}
