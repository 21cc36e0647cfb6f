import { useState } from 'react';
import type { Trace } from '@/lib/spans';

/**
 * The trace as first read, kept while re-reads return the same trace: `trace.read` is asked
 * again on every volume change (a replay commits its own trace), and a new object would lay out
 * 10,000 spans again for nothing. A stored trace does not change; its root hash says which it is.
 */
export function useStableTrace(data: Trace | undefined): Trace | undefined {
  const [kept, setKept] = useState(data);
  const same = data !== undefined && kept !== undefined && data.rootHash === kept.rootHash && data.spans.length === kept.spans.length;
  if (data !== undefined && data !== kept && !same) setKept(data);
  // A failed re-read keeps the trace already on screen (the view is mounted afresh per path).
  return data === undefined || same ? kept : data;
}
