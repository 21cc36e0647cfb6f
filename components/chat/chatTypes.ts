/** The stored conversation as the chat panel reads it (`chat.read`). */
import type { SyscallResult } from '@/lib/kernel/protocol';

export type StoredChatView = SyscallResult<'chat.read'>;
export type StoredTurn = StoredChatView['turns'][number];
