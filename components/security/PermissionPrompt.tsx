'use client';

/**
 * Asks the person whether a team skill may use the network (lib/kernel/permissionGate.ts). The
 * run waits until they answer; "Don't allow" is the default (it has the focus, and Escape picks it).
 * One question at a time, oldest first; a page opened late still shows the open ones.
 */
import { useEffect } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { Button } from '@/components/ui/Button';
import { Dialog } from '@/components/volumes/Dialog';
import { FormError } from '@/components/volumes/Field';
import { useKernelAction } from '@/components/volumes/useKernelAction';
import { useKernelQuery } from '@/components/volumes/useKernelQuery';
import type { PermissionRequest } from '@/lib/kernel/permissionGate';
import styles from './PermissionPrompt.module.css';

export function PermissionPrompt() {
  const client = useKernelStore((s) => s.client);
  const query = useKernelQuery({ op: 'permission.open' });
  const { reload } = query;
  useEffect(() => client?.on((e) => (e.type === 'permission.request' || e.type === 'permission.answered') && reload()), [client, reload]);
  const request = query.data?.[0];
  if (!request) return null;
  return <Question key={request.id} request={request} waiting={query.data!.length - 1} onAnswered={reload} />;
}

function Question({ request, waiting, onAnswered }: { request: PermissionRequest; waiting: number; onAnswered(): void }) {
  const action = useKernelAction();
  const answer = async (allow: boolean) => {
    if (await action.run({ op: 'permission.answer', id: request.id, allow })) onAnswered();
  };
  return (
    <Dialog
      title={`Allow ${request.skill} to use the network?`}
      description={
        <>
          <p className={styles.lead}>
            <strong>{request.skill}</strong> comes from the team volume <strong>{request.volume}</strong>: someone else wrote it, and it arrived by sync.
            {request.changed ? ' You allowed an earlier version; its code has changed since.' : ''} It wants to connect to servers on the internet or on this device.
          </p>
          <p className={styles.note}>Allow it only if you trust its authors. Without the network it does not run. Your answer is kept for this version of the skill.</p>
        </>
      }
      onClose={() => void answer(false)}
      onSubmit={() => void answer(true)}
      footer={
        <>
          {waiting > 0 && <span className={styles.more}>{waiting} more waiting</span>}
          <Button onClick={() => void answer(false)} disabled={action.pending} autoFocus>
            Don’t allow
          </Button>
          <Button type="submit" variant="primary" disabled={action.pending}>
            Allow
          </Button>
        </>
      }
    >
      {action.error && <FormError>{action.error.message}</FormError>}
    </Dialog>
  );
}
