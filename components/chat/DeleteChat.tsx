'use client';

/** Deletes the open conversation from the user volume, after asking; then a new chat opens. */
import { ConfirmDialog } from '@/components/volumes/ConfirmDialog';
import { useKernelAction } from '@/components/volumes/useKernelAction';
import { useChatStore } from './useChatStore';

export function DeleteChat({ id, title, onDeleted, onClose }: { id: string; title: string; onDeleted(): void; onClose(): void }) {
  const action = useKernelAction();
  const open = useChatStore((s) => s.open);
  const confirm = async () => {
    const result = await action.run({ op: 'chat.delete', id });
    if (result === null) return;
    if (useChatStore.getState().activeId === id) open(null);
    onDeleted();
    onClose();
  };
  return (
    <ConfirmDialog title="Delete conversation" confirmLabel="Delete" danger pending={action.pending} error={action.error} onConfirm={() => void confirm()} onClose={onClose}>
      “{title}” will be removed from your volume. Its earlier versions stay in the volume’s history.
    </ConfirmDialog>
  );
}
