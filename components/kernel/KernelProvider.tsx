'use client';

/**
 * Starts this tab's kernel when the workbench mounts and stops it when it unmounts. Under
 * React strict mode (development) the effect runs twice: the first kernel is closed and a
 * second one started, so there is only ever one live kernel per tab.
 */
import { type ReactNode, useEffect } from 'react';
import { KernelClient } from '@/lib/kernel/client';
import { connectKernel } from './connectKernel';
import { publishWeft } from './publishWeft';
import { workerPort } from './workerPort';

export function KernelProvider({ children }: { children: ReactNode }) {
  useEffect(() => {
    const client = new KernelClient({ createPort: workerPort });
    const disconnect = connectKernel(client);
    const unpublish = publishWeft(client);
    return () => {
      unpublish();
      disconnect();
      client.close();
    };
  }, []);
  return children;
}
