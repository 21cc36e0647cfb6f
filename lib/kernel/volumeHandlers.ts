/**
 * The volume, workflow, trace and settings syscalls (skills: skillHandlers.ts): each checks its arguments with
 * lib/volumes (which owns the rules) and calls the workspace. Access rules live in the
 * workspace's write paths, so a syscall can never bypass them.
 */
import { asCommitOid, type CommitOid, WeftError } from '../core';
import { parseTrace } from '../spans';
import { parseVolumeId, type VolumeId, type Workspace } from '../volumes';
import type { Handlers } from './dispatcher';

export type VolumeOp = Exclude<Extract<keyof Handlers, `volume.${string}` | `workflow.${string}` | `trace.${string}` | `settings.${string}`>, 'workflow.check' | 'workflow.simulate' | 'workflow.run' | 'workflow.cancelNode' | 'workflow.draft' | 'trace.list' | 'trace.read' | 'trace.verify' | 'trace.replay'>;

/** Handlers over the workspace `get()` returns (it throws while volumes are unavailable). */
export function volumeHandlers(get: () => Workspace): Pick<Handlers, VolumeOp> {
  const vol = (id: string): VolumeId => {
    const parsed = parseVolumeId(id);
    if (!parsed.ok) throw parsed.error;
    return parsed.value;
  };
  const commit = (oid: string): CommitOid => asCommitOid(oid);
  return {
    'volume.list': () => get().listVolumes(),
    'volume.create': (c) => get().createTeam(c.team, { ...(c.title ? { title: c.title } : {}), ...(c.url ? { url: c.url } : {}), ...(c.token ? { token: c.token } : {}) }),
    'volume.setRemote': (c) => get().setRemote(vol(c.volume), c.url, c.token),
    'volume.sync': (c) => get().sync(vol(c.volume)),
    'volume.read': async (c) => ({ content: await get().volumes.read(vol(c.volume), c.path, c.at === undefined ? undefined : commit(c.at)) }),
    'volume.readBytes': async (c) => ({ bytes: await get().volumes.readBytes(vol(c.volume), c.path, c.at === undefined ? undefined : commit(c.at)) }),
    'volume.files': async (c) => (await get().volumes.open(vol(c.volume))).listFiles(c.dir ?? ''),
    'volume.log': (c) => get().volumes.log(vol(c.volume), { ...(c.limit ? { limit: c.limit } : {}), ...(c.skip ? { skip: c.skip } : {}), ...(c.from ? { from: commit(c.from) } : {}), ...(c.path ? { path: c.path } : {}) }),
    'volume.diff': (c) => get().volumes.diff(vol(c.volume), c.path, c.from === null ? null : commit(c.from), commit(c.to)),
    'volume.restore': (c) => get().volumes.restore(vol(c.volume), c.path, commit(c.at)),
    'volume.write': (c) => get().volumes.writeFile(vol(c.volume), c.path, c.content, c.message ?? `Edit ${c.path}`),
    'volume.conflicts': (c) => get().conflicts(vol(c.volume)),
    'volume.check': (c) => get().check(vol(c.volume)),
    'volume.resolve': (c) => get().resolve(vol(c.volume), c.theirs, c.choice),
    'workflow.list': (c) => get().volumes.listWorkflows(c.volume === undefined ? get().volumes.userVolume : vol(c.volume)),
    'workflow.read': (c) => get().volumes.readWorkflow(c.volume === undefined ? get().volumes.userVolume : vol(c.volume), c.name),
    'workflow.write': (c) => get().volumes.writeWorkflow(get().volumes.userVolume, c.name, c.workflow),
    'workflow.delete': (c) => get().volumes.deleteWorkflow(get().volumes.userVolume, c.name),
    'trace.append': (c) => {
      const parsed = parseTrace(c.trace);
      if (!parsed.ok) throw parsed.error;
      const trace = parsed.value;
      return get().appendTrace(trace, c.message ?? defaultTraceMessage(trace.spans));
    },
    'settings.get': () => ({ author: get().getAuthor(), userVolume: get().volumes.userVolume }),
    'settings.setAuthor': (c) => get().setAuthor({ name: c.name, email: c.email }),
  };
}

/** `Run <name>: <status>, <n> spans`, named after the trace's root span. */
function defaultTraceMessage(spans: readonly { parents: readonly unknown[]; name: string; status: string; kind: string }[]): string {
  const root = spans.find((s) => s.kind === 'run') ?? spans.find((s) => s.parents.length === 0);
  if (!root) throw new WeftError('TRACE_INVALID', 'The trace has no spans; there is nothing to commit.');
  return `Run ${root.name}: ${root.status}, ${spans.length} span${spans.length === 1 ? '' : 's'}`;
}
