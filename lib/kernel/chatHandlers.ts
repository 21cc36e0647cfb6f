/**
 * The language-model and chat syscalls: configure providers (keys go to the secrets store,
 * never out again), list a server's models, and hold conversations stored in the user volume
 * (`chat.send` runs one turn: see chatTurn.ts).
 */
import { WeftError } from '../core';
import type { Handlers } from './dispatcher';
import { deleteChat, listChats, readChat } from './chatStore';
import { type ChatDeps, sendChat } from './chatTurn';

type ChatOp = 'llm.providers' | 'llm.setProvider' | 'llm.removeProvider' | 'llm.setDefault' | 'llm.models' | 'chat.list' | 'chat.read' | 'chat.delete' | 'chat.send';

export function chatHandlers(deps: ChatDeps): Pick<Handlers, ChatOp> {
  const busy = new Set<string>();
  const { providers } = deps;
  return {
    'llm.providers': () => providers.list(),
    'llm.setProvider': (c) => providers.set(c),
    'llm.removeProvider': (c) => providers.remove(c.id),
    'llm.setDefault': (c) => providers.setDefault(c.id),
    'llm.models': async (c) => {
      const info = await providers.get(c.id);
      const client = await providers.client(info, { fetch: deps.fetch, clock: deps.clock });
      if (!client.listModels) throw new WeftError('LLM_BAD_RESPONSE', `${info.label} cannot list its models. Type the model's name instead.`, { providerId: info.id });
      return client.listModels();
    },
    'chat.list': () => listChats(deps.workspace()),
    'chat.read': (c) => readChat(deps.workspace(), c.id),
    'chat.delete': (c) => deleteChat(deps.workspace(), c.id),
    'chat.send': (c) => sendChat(deps, c, busy),
  };
}
