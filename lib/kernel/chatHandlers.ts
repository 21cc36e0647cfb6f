/**
 * The language-model and chat syscalls: configure providers (keys go to the secrets store,
 * never out again), list a server's models, and hold conversations stored in the user volume
 * (`chat.send` runs one turn: see chatTurn.ts).
 */
import { WeftError } from '../core';
import { detectLocalServers, type LocalModel } from '../llm';
import type { Handlers } from './dispatcher';
import { deleteChat, listChats, readChat } from './chatStore';
import { type ChatDeps, sendChat } from './chatTurn';

type ChatOp = 'llm.providers' | 'llm.setProvider' | 'llm.removeProvider' | 'llm.setDefault' | 'llm.models' | 'llm.probe' | 'llm.load' | 'llm.detect' | 'chat.list' | 'chat.read' | 'chat.delete' | 'chat.send';

export interface ChatHandlerDeps extends ChatDeps {
  /** Told after the providers changed, so the kernel can announce it (`llm.providers.changed`). */
  readonly providersChanged: (id: string, change: 'set' | 'removed' | 'default') => void;
}

export function chatHandlers(deps: ChatHandlerDeps): Pick<Handlers, ChatOp> {
  const busy = new Set<string>();
  const { providers } = deps;
  const changed = <T>(id: string, change: 'set' | 'removed' | 'default', result: T): T => {
    deps.providersChanged(id, change);
    return result;
  };
  return {
    'llm.providers': () => providers.list(),
    'llm.setProvider': async (c) => {
      const info = await providers.set(c);
      return changed(info.id, 'set', info);
    },
    'llm.removeProvider': async (c) => {
      const result = await providers.remove(c.id);
      return result.removed ? changed(c.id, 'removed', result) : result;
    },
    'llm.setDefault': async (c) => changed(c.id, 'default', await providers.setDefault(c.id)),
    'llm.models': async (c) => {
      const info = await providers.get(c.id);
      const client = await providers.client(info, { fetch: deps.fetch, clock: deps.clock });
      if (!client.listModels) throw new WeftError('LLM_BAD_RESPONSE', `${info.label} cannot list its models. Type the model's name instead.`, { providerId: info.id });
      return client.listModels();
    },
    'llm.probe': (c) => deps.localModels.probe(c.url),
    'llm.load': async (c) => {
      const info = await providers.get(c.id);
      if (info.kind !== 'wllama') throw new WeftError('SYSCALL_INVALID', `${info.label} is a server, not an in-browser model: there is nothing to load.`, { field: 'id' });
      const model = (await providers.client(info, { fetch: deps.fetch, clock: deps.clock })) as LocalModel;
      await model.load();
      return model.status;
    },
    'llm.detect': () => detectLocalServers(deps.fetch),
    'chat.list': () => listChats(deps.workspace()),
    'chat.read': (c) => readChat(deps.workspace(), c.id),
    'chat.delete': (c) => deleteChat(deps.workspace(), c.id),
    'chat.send': (c) => sendChat(deps, c, busy),
  };
}
