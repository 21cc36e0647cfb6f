'use client';

/**
 * An in-browser model's download and load, under the chat's bar: progress while it downloads,
 * "loading" while llama.cpp reads it, the error with a retry when it failed; nothing once ready
 * (or before it was first asked for: it loads on the first message).
 */
import { useEffect, useState } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { Button } from '@/components/ui/Button';
import { ProgressBar } from '@/components/ui/ProgressBar';
import { formatBytes } from '@/components/previews/shared/formatValue';
import { FormError } from '@/components/volumes/Field';
import type { LocalModelStatus } from '@/lib/llm';
import styles from './ChatPanel.module.css';
import type { ProviderInfo } from './providerDraft';

export function useLocalModelStatus(provider: ProviderInfo | undefined): LocalModelStatus | undefined {
  const client = useKernelStore((s) => s.client);
  const url = provider?.modelUrl;
  const [status, setStatus] = useState<LocalModelStatus | undefined>(undefined);
  useEffect(() => {
    if (!client || !url) return;
    return client.on((event) => {
      if (event.type === 'llm.model' && event.status.url === url) setStatus(event.status);
    });
  }, [client, url]);
  return status?.url === url ? status : provider?.local;
}

export function LocalModelBar({ provider }: { provider: ProviderInfo }) {
  const client = useKernelStore((s) => s.client);
  const status = useLocalModelStatus(provider);
  if (!status || status.state === 'ready' || status.state === 'idle') return null;
  const name = provider.model;
  if (status.state === 'error') {
    return (
      <div className={styles.modelBar} data-model-state="error">
        <FormError>{status.error?.message ?? `${name} could not be loaded.`}</FormError>
        <Button size="sm" icon="refresh" onClick={() => client?.call({ op: 'llm.load', id: provider.id }).catch(() => undefined)}>
          Try again
        </Button>
      </div>
    );
  }
  const downloading = status.state === 'downloading';
  const percent = downloading && status.total > 0 ? Math.round((status.loaded / status.total) * 100) : null;
  const text = status.state === 'checking' ? `Checking ${name}…` : downloading ? `Downloading ${name}…` : `Loading ${name} into memory…`;
  return (
    <div className={styles.modelBar} role="status" aria-live="polite" data-model-state={status.state}>
      <div className={styles.modelLine}>
        <span>{text}</span>
        {downloading && status.total > 0 && (
          <span className={styles.modelCount}>
            {formatBytes(status.loaded)} of {formatBytes(status.total)}
          </span>
        )}
      </div>
      <ProgressBar percent={percent} label={`Download of ${name}`} />
    </div>
  );
}
