/** Argument shapes of the language-model and chat syscalls (`llm.*`, `chat.*`). */
import * as z from 'zod';

const call = <O extends string, S extends z.ZodRawShape>(op: O, shape: S) => z.strictObject({ op: z.literal(op), ...shape });
const providerId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be 1–64 of a-z, 0-9 and -');
const chatId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a chat id from chat.list');

export const chatSchemas = {
  'llm.providers': call('llm.providers', {}),
  'llm.setProvider': call('llm.setProvider', {
    id: providerId.optional(),
    kind: z.enum(['openai-compatible', 'wllama']).optional(),
    modelUrl: z.string().max(4096).optional(),
    preset: z.string().max(40).optional(),
    label: z.string().max(200).optional(),
    baseUrl: z.string().max(2048).optional(),
    model: z.string().max(200).optional(),
    apiKey: z.string().max(4096).nullable().optional(),
    contextLength: z.number().int().min(512).max(10_000_000).optional(),
    maxTokens: z.number().int().min(1).max(1_000_000).nullable().optional(),
  }),
  'llm.removeProvider': call('llm.removeProvider', { id: providerId }),
  'llm.setDefault': call('llm.setDefault', { id: providerId }),
  'llm.models': call('llm.models', { id: providerId }),
  'llm.probe': call('llm.probe', { url: z.string().min(1).max(4096) }),
  'llm.load': call('llm.load', { id: providerId }),
  'llm.detect': call('llm.detect', {}),
  'chat.list': call('chat.list', {}),
  'chat.read': call('chat.read', { id: chatId }),
  'chat.delete': call('chat.delete', { id: chatId }),
  'chat.send': call('chat.send', {
    chatId: chatId.optional(),
    text: z.string().min(1).max(200_000),
    providerId: providerId.optional(),
    model: z.string().min(1).max(200).optional(),
    tag: z.string().max(200).optional(),
  }),
};
