/**
 * The kernel's message protocol: every request the UI (or a console script through
 * `window.weft`) can make is one member of the `Syscall` union, and everything the kernel
 * tells the UI is one member of `KernelEvent`. Both are plain data, so they cross
 * `postMessage` as they are, and the same objects become `syscall` spans.
 */
import type { PermissionGrant, PermissionRequest } from './permissionGate';
import type { Pid, SpanId, WeftErrorData } from '../core';
import type { JsEngine, LogStream, RunResult, RuntimeKind, RuntimeStatus, TensorBackendChoice } from '../runtimes';
import type { NodeResult, Workflow, WorkflowEvent, WorkflowProblem, WorkflowSimulation } from '../workflow';
import type { BuiltContext, ImportResult, SkillProblem } from '../skills';
import type { Energy, Span, SpanStart, Trace } from '../spans';
import type { CatalogHit } from './skillCatalog';
import type { ChatListEntry, StoredChat } from './chatStore';
import type { ChatSendResult } from './chatTurn';
import type { ProviderInfo } from './providerStore';
import type { ModelProbeResult } from './localModels';
import type { DetectedServer, LocalModelStatus, ModelInfo, TurnEvent } from '../llm';
import type { AgentResult, AgentSpawnArgs, BusMessageInfo } from './agentTypes';
import type { Process, ProcState, Program } from './processTypes';
import type { EvolutionReport, ReplayReport, SkillSuggestion, TraceEntry, TraceListArgs, TraceVerification } from './traceTypes';

import type {
  Author,
  CommitPoint,
  Conflict,
  ConflictChoice,
  FileDiff,
  LogEntry,
  PromoteResult,
  RecoveryReport,
  RemoteConfig,
  SyncResult,
  VolumeCheck,
  VolumeId,
  WorkspaceVolume,
  WriteResult,
} from '../volumes';

export type { AgentResult, AgentSpawnArgs, BusMessageInfo } from './agentTypes';
export type { Budget, Denial, ProcExit, Process, ProcKind, ProcState, Program } from './processTypes';
export type { EvolutionReport, ReplayNodeStatus, ReplayReport, SkillSuggestion, TraceEntry, TraceKind, TraceListArgs, TracePattern, TraceVerification } from './traceTypes';

/** A drafted workflow: what the model proposed, parsed, and what checking it found (empty: runnable). */
export interface WorkflowDraft {
  readonly workflow: Workflow;
  readonly problems: readonly WorkflowProblem[];
  /** The model's own words beside the workflow, if any. */
  readonly note: string;
}

/** A skill as the library shows it: where it resolves, and which farther copies it shadows. */
export interface SkillEntry {
  readonly name: string;
  readonly volume: VolumeId;
  readonly shadows: readonly VolumeId[];
}

/** A finished enzyme run: the runtime's result plus where it was recorded. */
export interface EnzymeRun extends RunResult {
  readonly pid: Pid;
  /** `workflow` for a compound skill run by `skill.run` (its pid is the run's process). */
  readonly runtime: RuntimeKind | 'workflow';
  /** The seed the run used (given, or chosen by the kernel): run again with it to get the same outputs. */
  readonly seed: number;
  /** The `node` span recorded for the run (null inside a workflow run, which records its own). */
  readonly spanId: SpanId | null;
  /** Wall-clock milliseconds from the request to the result (waiting for a worker included). */
  readonly durationMs: number;
}

/** A finished workflow run, as the canvas shows it: every node's result (outputs included) and where its trace went. */
export interface WorkflowRunSummary {
  readonly runId: string;
  /** The run's process (suspend, resume and kill it from the process list). */
  readonly pid: Pid;
  readonly status: 'ok' | 'error' | 'cancelled';
  readonly error: WeftErrorData | null;
  readonly nodes: readonly NodeResult[];
  readonly traceId: string;
  /** Where the trace was committed in the user volume, or null (no volumes, or the commit failed: see `traceError`). */
  readonly trace: { readonly path: string; readonly commit: string; readonly spans: number } | null;
  readonly traceError: WeftErrorData | null;
  readonly energy: Energy;
  readonly durationMs: number;
  readonly seed: number;
}

/** Optional arguments of every run: `tag` is echoed on its `enzyme.*` events so a caller can follow its own run. */
export interface RunOptions {
  readonly inputs?: Record<string, unknown>;
  readonly seed?: number;
  readonly timeoutMs?: number;
  readonly tag?: string;
}

/** What the kernel's worker found about the browser it runs in. */
export interface KernelEnvironment {
  readonly crossOriginIsolated: boolean;
  readonly sharedArrayBuffer: boolean;
  readonly webAssembly: boolean;
  readonly webGpu: boolean;
  readonly indexedDb: boolean;
  readonly userAgent: string;
}

export interface KernelInfo {
  readonly version: string;
  readonly bootedAt: number;
  readonly environment: KernelEnvironment;
  readonly runtimes: readonly RuntimeStatus[];
  readonly ops: readonly Op[];
}

/**
 * Every syscall: its arguments and its result. `Syscall` and `SyscallResult` below are
 * derived from this map; `syscallSchema.ts` validates the arguments at run time.
 */
export interface SyscallMap {
  /** No-op round trip; echoes `payload`. */
  'kernel.ping': { args: { payload?: unknown }; result: { payload?: unknown } };
  'kernel.info': { args: object; result: KernelInfo };
  /**
   * Fault injection for testing recovery: `throw` raises an uncaught error in the kernel worker,
   * `hang` blocks it, `hang-in-commit` blocks it at point `at` of its next commit (as a crash there would).
   */
  'kernel.panic': { args: { mode: 'throw' | 'hang' | 'hang-in-commit'; at?: CommitPoint }; result: { accepted: true } };
  /** What this start found after a crash (traces being saved, volumes checked); null after a clean exit. */
  'kernel.recovery': { args: object; result: RecoveryReport | null };
  'proc.list': { args: { includeTerminated?: boolean }; result: Process[] };
  'proc.get': { args: { pid: Pid }; result: Process };
  'proc.spawn': { args: { name?: string; program: Program; priority?: number; parent?: Pid }; result: Process };
  'proc.kill': { args: { pid: Pid; reason?: string }; result: Process };
  'proc.suspend': { args: { pid: Pid }; result: Process };
  'proc.resume': { args: { pid: Pid }; result: Process };
  'proc.setPriority': { args: { pid: Pid; priority: number }; result: Process };
  /** Gives a process more tokens; one suspended because its budget ran out goes on. */
  'proc.addBudget': { args: { pid: Pid; tokens: number }; result: Process };

  // Agents, the bus and the policy (DESIGN.md section 1). A process may make these only with the
  // capability the policy names (lib/agents/capabilities.ts); the person at the UI may make any.
  /** Starts an agent process on a task; returns at once (its answer comes as `agent.done`; `agent.wait` waits for it). */
  'agent.spawn': { args: AgentSpawnArgs; result: Process };
  /** Waits (at most `timeoutMs`, default 10 min) for an agent's result. */
  'agent.wait': { args: { pid: Pid; timeoutMs?: number }; result: AgentResult };
  /** Sends a message to a process (from the caller; from pid 0 when the person sends). */
  'bus.send': { args: { to: Pid; body: unknown; topic?: string }; result: BusMessageInfo };
  /** Waits for the caller's next message (a process only); BUS_TIMEOUT after `timeoutMs`. */
  'bus.receive': { args: { timeoutMs: number; from?: Pid; topic?: string }; result: BusMessageInfo };
  /** Sends to every live agent (needs BROADCAST). */
  'bus.broadcast': { args: { body: unknown; topic?: string }; result: { delivered: number } };
  'bus.readContext': { args: { region: string }; result: Record<string, unknown> };
  'bus.writeContext': { args: { region: string; key: string; value?: unknown }; result: { region: string; keys: number } };
  /** Asks the model for a workflow that does `description` with the executable skills there are; checked, not saved. */
  'workflow.draft': { args: { description: string; providerId?: string }; result: WorkflowDraft };
  /** The most recent spans the kernel recorded (newest last). */
  'spans.recent': { args: { limit?: number; kind?: Span['kind'] }; result: Span[] };

  // Volumes (DESIGN.md section 4). The user writes only the user volume; teams change through
  // skill.promote and volume.sync; the system volume never changes (VOLUME_READONLY).
  'volume.list': { args: object; result: WorkspaceVolume[] };
  /** Adds a team volume; with `url`, it is filled from (or published to) that remote. */
  'volume.create': { args: { team: string; title?: string; url?: string; token?: string }; result: { volume: VolumeId; sync: SyncResult | null } };
  /** Sets or removes (`url: null`) a volume's remote; the token stays in browser storage. */
  'volume.setRemote': { args: { volume: string; url: string | null; token?: string | null }; result: RemoteConfig | null };
  'volume.sync': { args: { volume: string }; result: SyncResult };
  'volume.read': { args: { volume: string; path: string; at?: string }; result: { content: string } };
  /** A file's bytes as stored (images, fonts: anything `volume.read` would decode as text). */
  'volume.readBytes': { args: { volume: string; path: string; at?: string }; result: { bytes: Uint8Array } };
  'volume.files': { args: { volume: string; dir?: string }; result: string[] };
  /**
   * History newest first, every parent walked like `git log` (a sync merge brings teammates'
   * commits: `mainline: false`); `path` for one file's history; `from` (where the walk starts,
   * default the head) with `skip` (entries already shown) to page on.
   */
  'volume.log': { args: { volume: string; path?: string; limit?: number; skip?: number; from?: string }; result: LogEntry[] };
  'volume.diff': { args: { volume: string; path: string; from: string | null; to: string }; result: FileDiff };
  'volume.restore': { args: { volume: string; path: string; at: string }; result: WriteResult };
  /** Writes one file (text, or bytes as they are) of the user volume by hand (one commit, "Edit <path>"); other volumes are read-only here. */
  'volume.write': { args: { volume: string; path: string; content: string | Uint8Array; message?: string }; result: WriteResult };
  'volume.conflicts': { args: { volume: string }; result: Conflict[] };
  /** Checks a volume's repository like `git fsck --full`: every ref and reachable object, re-hashed. */
  'volume.check': { args: { volume: string }; result: VolumeCheck };
  'volume.resolve': { args: { volume: string; theirs: string; choice: ConflictChoice }; result: WriteResult & { kept: string[] } };
  'skill.list': { args: object; result: SkillEntry[] };
  /** Reads a skill, resolved user → team → system unless `volume` is given. */
  'skill.read': { args: { name: string; volume?: string }; result: SkillEntry & { content: string } };
  /**
   * Saves a skill to the user volume; refused with SKILL_PARSE (every problem listed) unless
   * `allowInvalid`. With `create`, refused with SKILL_EXISTS rather than replacing a skill.
   */
  'skill.write': { args: { name: string; content: string; allowInvalid?: boolean; create?: boolean }; result: WriteResult & { warnings: SkillProblem[] } };
  'skill.delete': { args: { name: string }; result: WriteResult };
  'skill.promote': { args: { name: string; team: string; reason: string }; result: PromoteResult };
  'workflow.list': { args: { volume?: string }; result: string[] };
  'workflow.read': { args: { name: string; volume?: string }; result: unknown };
  'workflow.write': { args: { name: string; workflow: unknown }; result: WriteResult };
  'workflow.delete': { args: { name: string }; result: WriteResult };
  /** Commits a trace to the user volume; the message defaults to `Run <name>: <status>, <n> spans`. */
  'trace.append': { args: { trace: Trace; message?: string }; result: WriteResult & { path: string } };

  // Traces (the user volume's traces/): list, read, verify, replay; evolution mines them.
  /** The traces in the user volume, newest first, filtered; `total` counts the matches before `limit`. */
  'trace.list': { args: TraceListArgs; result: { readonly entries: TraceEntry[]; readonly total: number } };
  /** One stored trace, parsed (TRACE_INVALID says what is wrong with a file that is not a trace). */
  'trace.read': { args: { path: string }; result: Trace };
  /** Re-checks a stored trace span by span: ids re-hash, parents exist, causal order, root hash. */
  'trace.verify': { args: { path: string }; result: TraceVerification };
  /**
   * Re-runs a run trace's workflow with the same params and seeds, nothing from the cache, and
   * compares every node's output hash with the recorded one. Skills that changed since are listed;
   * `recorded: true` replays with the versions the trace recorded (from the volume's git history).
   */
  'trace.replay': { args: { path: string; recorded?: boolean }; result: ReplayReport };
  /** Mines the user's traces for recurring successful patterns; returns them and the suggestions they yield. */
  'evolution.mine': { args: { minCount?: number; minSuccess?: number }; result: EvolutionReport };
  /** The open suggestions (accepted and rejected ones are left out). */
  'evolution.suggestions': { args: object; result: SkillSuggestion[] };
  /** Commits a suggestion as a compound skill in the user volume (`Evolution: create skill <name> from <n> traces`). */
  'evolution.accept': { args: { id: string; name?: string }; result: WriteResult & { name: string; path: string } };
  /** Declines a suggestion; it is not suggested again. */
  'evolution.reject': { args: { id: string }; result: { rejected: true } };

  // Permissions the person grants to untrusted (team) skills: see permissionGate.ts.
  /** Answers a `permission.request`; an allowance is remembered for that skill's current code. */
  'permission.answer': { args: { id: string; allow: boolean }; result: { answered: true } };
  /** Requests waiting for an answer. */
  'permission.open': { args: object; result: PermissionRequest[] };
  /** What the person has allowed, newest first. */
  'permission.grants': { args: object; result: PermissionGrant[] };
  /** Forgets an allowance: the skill is asked about again. */
  'permission.revoke': { args: { skill: string; volume: string }; result: { revoked: boolean } };
  /** Full-text search over every visible skill (the copy that wins resolution), best first. */
  'skills.search': { args: { query: string; limit?: number }; result: CatalogHit[] };
  /** Skill context for a model: a catalogue of relevant skills, then full bodies within the budget. */
  'skills.context': { args: { query: string; tokenBudget: number }; result: BuiltContext };
  /**
   * Imports a skill (SKILL.md, a skill folder's files, or the older single-file format), or every
   * skill of a folder of skill folders, into the user volume in one commit. Files are text or bytes.
   */
  'skill.import': { args: { files: { path: string; content: string | Uint8Array }[] }; result: ImportResult };
  /** Checks a workflow against the skills it uses: every problem at once (cycles, unbound inputs, edge types…). */
  'workflow.check': { args: { workflow: unknown }; result: WorkflowProblem[] };
  /** Predicts each node's duration, energy and cache hit, certain failures, and the critical path. */
  'workflow.simulate': { args: { workflow: unknown; seed?: number }; result: WorkflowSimulation };
  /**
   * Runs a workflow as a process; its trace is verified and committed to the user volume.
   * `only`: run just these nodes (upstream from the cache); `force`: ignore the cache for these.
   * `seed` defaults to 0, so runs repeat and hit the cache; pass another to explore.
   * Follow it with `node.status`, `node.log` and `run.status` events (`runId` is `tag` when given).
   */
  'workflow.run': { args: { workflow: unknown; seed?: number; only?: string[]; force?: string[]; concurrency?: number; tag?: string }; result: WorkflowRunSummary };
  /** Cancels one node of a running workflow (its descendants are skipped); kill the run's process to cancel it all. */
  'workflow.cancelNode': { args: { runId: string; nodeId: string }; result: { cancelled: boolean } };
  // Runtimes (DESIGN.md section 5): each in its own worker, loaded on first use and kept warm.
  'runtime.list': { args: object; result: RuntimeStatus[] };
  /** Starts loading a runtime ahead of need; resolves when it is ready. */
  'runtime.warm': { args: { runtime: RuntimeKind }; result: RuntimeStatus };
  /** Runs code in a runtime as an enzyme process (killing the process cancels the run). */
  /** `engine`: JavaScript only; `quickjs` runs the code in the bounded sandbox (untrusted code does by itself). */
  'runtime.run': { args: RunOptions & { runtime: RuntimeKind; code: string; permissions?: string[]; engine?: JsEngine }; result: EnzymeRun };
  /** Runs an executable skill (resolved user → team → system) with its defaults under `inputs`. */
  'skill.run': { args: RunOptions & { name: string; volume?: string }; result: EnzymeRun };
  /** Chooses the tensor backend (`auto`: the fastest measured); the tensor workers restart with it. */
  'runtime.setTensorBackend': { args: { backend: TensorBackendChoice }; result: RuntimeStatus };
  /** The ceiling of a Python worker's memory in MB (0: none but the browser's); idle Python workers restart with it. */
  'runtime.setPythonMemory': { args: { mb: number }; result: RuntimeStatus };
  'settings.get': { args: object; result: { author: Author & { isDefault: boolean }; userVolume: VolumeId } };
  'settings.setAuthor': { args: { name: string; email: string }; result: Author };

  // Language models and chat (DESIGN.md section 6). Keys live in browser storage (the secrets
  // store), go only to their own provider, and never appear in a result, a volume, a trace or an event.
  /** The configured providers; `hasKey` says whether a key is stored, never what it is. */
  'llm.providers': { args: object; result: ProviderInfo[] };
  /**
   * Adds or updates a provider (`id` given: update). `preset` (openai, ollama, llama-cpp, lm-studio,
   * vllm) fills the base URL and label. `apiKey`: a new key; null removes it; absent keeps it.
   * The first provider becomes the default. `kind: 'wllama'` with `modelUrl` (a GGUF file) adds a
   * model that runs in this browser; its model name defaults to the file name; `llm.load` fetches it.
   */
  'llm.setProvider': {
    args: { id?: string; kind?: 'openai-compatible' | 'wllama'; modelUrl?: string; preset?: string; label?: string; baseUrl?: string; model?: string; apiKey?: string | null; contextLength?: number; maxTokens?: number | null };
    result: ProviderInfo;
  };
  /** Removes a provider and its key; the default moves to the first one left. */
  'llm.removeProvider': { args: { id: string }; result: { removed: boolean } };
  'llm.setDefault': { args: { id: string }; result: ProviderInfo };
  /** The models the provider's server offers (`GET /models`); errors are coded LLM_* (LLM_AUTH, LLM_UNREACHABLE…). */
  'llm.models': { args: { id: string }; result: ModelInfo[] };
  /** Checks a GGUF URL before downloading: reachable, really GGUF, its size (`large` above 500 MB), or already cached. */
  'llm.probe': { args: { url: string }; result: ModelProbeResult };
  /** Downloads (once; then from the browser's cache) and loads an in-browser provider's model; progress as `llm.model` events. */
  'llm.load': { args: { id: string }; result: LocalModelStatus };
  /** Local model servers that answer right now (Ollama, LM Studio, llama.cpp, vLLM on their usual ports), with their models. */
  'llm.detect': { args: object; result: DetectedServer[] };
  /** The conversations in the user volume (`chats/*.json`), the most recently updated first. */
  'chat.list': { args: object; result: ChatListEntry[] };
  /** One stored conversation: every message (tool calls and results included), its summaries, and each turn's usage, skills, provider, model and trace. */
  'chat.read': { args: { id: string }; result: StoredChat };
  /** Deletes a conversation (a commit; its history and its turns' traces stay). */
  'chat.delete': { args: { id: string }; result: { deleted: boolean; commit: string } };
  /**
   * Runs one turn as a process (kind `agent`; kill it to stop the turn): without `chatId`, starts a
   * conversation titled by the message. Skill context and the most relevant executable skills (as
   * tools) come from the catalogue; each tool call runs as an enzyme. Streams `chat.event`s; at the
   * end the trace and `chats/<id>.json` are committed. A provider error is returned (`status: 'error'`)
   * and stored with the user's message; with no provider configured it fails with SYSCALL_FAILED (`data.reason: 'no-provider'`).
   */
  'chat.send': { args: { chatId?: string; text: string; providerId?: string; model?: string; tag?: string }; result: ChatSendResult };
}

export type Op = keyof SyscallMap;
/** One syscall request: `{ op, ...args }`. */
export type Syscall = { [K in Op]: { readonly op: K } & Readonly<SyscallMap[K]['args']> }[Op];
export type SyscallOf<K extends Op> = Extract<Syscall, { op: K }>;
export type SyscallResult<K extends Op> = SyscallMap[K]['result'];

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type KernelEvent =
  | { readonly type: 'kernel.ready'; readonly info: KernelInfo }
  | { readonly type: 'span.start'; readonly span: SpanStart }
  | { readonly type: 'span.end'; readonly key: string; readonly span: Span }
  | { readonly type: 'proc.state'; readonly pid: Pid; readonly state: ProcState; readonly process: Process; readonly at: number }
  | { readonly type: 'log'; readonly level: LogLevel; readonly message: string; readonly at: number; readonly pid?: Pid }
  /** A volume has a new head, committed by this tab or (via BroadcastChannel) another. */
  | { readonly type: 'volume.changed'; readonly volume: VolumeId; readonly head: string; readonly source: 'this-tab' | 'other-tab'; readonly at: number }
  /** A workflow run's node changed state, printed something, or the run itself changed state. */
  | WorkflowEvent
  /** A runtime's state changed (loading progress included: "Loading Python… 60%"). */
  | { readonly type: 'runtime.status'; readonly status: RuntimeStatus; readonly at: number }
  | { readonly type: 'enzyme.start'; readonly pid: Pid; readonly runtime: RuntimeKind; readonly name: string; readonly tag?: string; readonly at: number }
  /** Output of a running enzyme, as it is printed. */
  | { readonly type: 'enzyme.log'; readonly pid: Pid; readonly stream: LogStream; readonly text: string; readonly tag?: string; readonly at: number }
  /** A running chat turn's text, tool calls and end, as they happen (`tag` as given to chat.send). */
  /** An in-browser model's download and load progress. */
  | { readonly type: 'llm.model'; readonly status: LocalModelStatus; readonly at: number }
  /** The configured providers changed (`llm.setProvider`, `llm.removeProvider`, `llm.setDefault`): views of them refetch. */
  | { readonly type: 'llm.providers.changed'; readonly id: string; readonly change: 'set' | 'removed' | 'default'; readonly at: number }
  /** An agent's text, tool calls and end of each step, as they happen. */
  | { readonly type: 'agent.event'; readonly pid: Pid; readonly event: TurnEvent; readonly at: number }
  | { readonly type: 'agent.done'; readonly result: AgentResult; readonly at: number }
  /** Evolution found new suggestions (mining runs after runs, in the background). */
  | { readonly type: 'evolution.suggestions'; readonly count: number; readonly at: number }
  /** A team skill wants the network: the run waits for `permission.answer`. */
  | { readonly type: 'permission.request'; readonly request: PermissionRequest; readonly at: number }
  /** A request was answered, or withdrawn (its run was cancelled: `allow` false). */
  | { readonly type: 'permission.answered'; readonly id: string; readonly allow: boolean; readonly at: number }
  /** The policy refused a process a syscall. */
  | { readonly type: 'policy.denied'; readonly pid: Pid; readonly op: string; readonly reason: string; readonly at: number }
  | { readonly type: 'chat.event'; readonly chatId: string; readonly pid: Pid; readonly tag?: string; readonly event: TurnEvent; readonly at: number }
  | { readonly type: 'volume.progress'; readonly volume: VolumeId; readonly phase: string; readonly loaded: number; readonly total?: number; readonly at: number };

/** Client → kernel. Messages travel in arrays: one `postMessage` per tick carries every call made in it. */
export type ClientMessage =
  | { readonly t: 'call'; readonly id: number; readonly call: unknown }
  /** Liveness probe, answered by the host itself without a syscall. */
  | { readonly t: 'heartbeat' };

/** Kernel → client. */
export type HostMessage =
  | { readonly t: 'reply'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly t: 'reply'; readonly id: number; readonly ok: false; readonly error: WeftErrorData }
  | { readonly t: 'event'; readonly event: KernelEvent }
  | { readonly t: 'heartbeat' };
