/**
 * The kernel: owns the process table, the span log and the dispatcher, and runs the programs
 * it knows. It has no idea where it runs: the browser worker and the Node tests build it with
 * their own clock, environment probe and panic behaviour.
 */
import { type Clock, newTraceId, type Pid, type TimerHandle, type TraceId, WeftError } from '../core';
import type { Span } from '../spans';
import { type CallContext, Dispatcher, type Handlers, type PolicyCheck } from './dispatcher';
import { formatDuration } from './formatDuration';
import { ProcessTable } from './processTable';
import type { ProgramRunner } from './programs/program';
import { runSleep } from './programs/sleep';
import type { KernelEnvironment, KernelEvent, KernelInfo, Program } from './protocol';
import type { RuntimeHost, RuntimeKind, RuntimeStatus } from '../runtimes';
import type { EnzymeDeps } from './enzymes';
import { type RunCompoundSkill, runtimeHandlers } from './runtimeHandlers';
import { runWorkflowSkill, workflowHandlers, type WorkflowDeps } from './workflowHandlers';
import { TraceStore, traceHandlers } from './traceHandlers';
import { Evolution, evolutionHandlers } from './evolutionHandlers';
import { PermissionGate, permissionHandlers } from './permissionGate';
import { recoverAfterCrash } from './recovery';
import { memoryMemoStore, type MemoStore, type WorkflowRun } from '../workflow';
import { SpanLog } from './spanLog';
import { OPS } from './syscallSchema';
import type { CommitPoint, RecoveryReport, SyncProgress, VolumeId, Workspace } from '../volumes';
import { volumeHandlers } from './volumeHandlers';
import { skillHandlers } from './skillHandlers';
import { SkillCatalog } from './skillCatalog';
import { chatHandlers } from './chatHandlers';
import { ProviderStore } from './providerStore';
import { AgentHost } from './agentHost';
import { agentHandlers } from './agentHandlers';
import { type InBrowserModelsDeps, LocalModels } from './localModels';
import type { LocalModelStatus } from '../llm';

/** What the kernel tells the workspace's host about, so it can forward it (e.g. to other tabs). */
export interface WorkspaceHooks {
  committed(volume: VolumeId, head: string): void;
  progress(volume: VolumeId, progress: SyncProgress): void;
  /** Each step of every commit (`kernel.panic` `hang-in-commit` stops the kernel at one). */
  checkpoint(volume: VolumeId, point: CommitPoint): void;
}

export interface KernelDeps {
  readonly clock: Clock;
  readonly version: string;
  /** Finds out what the host platform offers (cross-origin isolation, WebGPU…). */
  readonly probe: () => Promise<KernelEnvironment>;
  /** Carries out `kernel.panic` (the browser worker throws or spins; tests record the request). */
  readonly panic: (mode: 'throw' | 'hang') => void;
  /** Builds the runtime workers' host (real workers in the browser, in-process engines in tests); absent: no runtimes. */
  readonly runtimes?: (onStatus: (status: RuntimeStatus) => void) => RuntimeHost;
  readonly policy?: PolicyCheck;
  readonly traceId?: TraceId;
  /** Opens the volumes at boot (lightning-fs in the browser, a temp dir in tests); absent: no volumes. */
  readonly workspace?: (hooks: WorkspaceHooks) => Promise<Workspace>;
  /** Where workflow node results are memoised (IndexedDB in the browser); default: memory. */
  readonly memo?: MemoStore;
  /** How the kernel reaches language-model servers; default: globalThis.fetch. */
  readonly fetch?: typeof globalThis.fetch;
  /** Runs GGUF models in the browser (wllama in the kernel worker); absent: no in-browser models. */
  readonly inBrowserModels?: InBrowserModelsDeps;
  /** One scheduling priority level gained per this much waiting (default 2 s; tests shorten it). */
  readonly agingMs?: number;
}

/** Reads that would flood the event log if every call were announced. */
const QUIET_OPS: ReadonlySet<string> = new Set([
  'kernel.ping', 'kernel.info', 'proc.list', 'proc.get', 'spans.recent',
  'volume.list', 'volume.read', 'volume.readBytes', 'volume.files', 'volume.log', 'volume.diff', 'volume.conflicts',
  'skill.list', 'skill.read', 'skills.search', 'skills.context', 'workflow.list', 'workflow.read', 'settings.get', 'runtime.list',
  'llm.providers', 'chat.list', 'chat.read',
]);
const KERNEL_PID = 0 as Pid;
/** Sync progress events are spaced at least this far apart (ms) within a phase. */
const PROGRESS_MS = 150;

export class Kernel {
  readonly traceId: TraceId;
  private readonly listeners = new Set<(event: KernelEvent) => void>();
  private readonly table: ProcessTable;
  private readonly spans = new SpanLog();
  private readonly dispatcher: Dispatcher;
  private readonly runners = new Map<Pid, ProgramRunner>();
  private readonly bootedAt: number;
  private info: KernelInfo | null = null;
  private workspace: Workspace | null = null;
  private catalog: SkillCatalog | null = null;
  private workspaceError: WeftError | null = null;
  private readonly lastProgress = new Map<VolumeId, { phase: string; at: number }>();
  private readonly runtimeHost: RuntimeHost | null;
  private readonly lastRuntimeStatus = new Map<RuntimeKind, { status: RuntimeStatus; at: number }>();
  private readonly pendingRuntimeStatus = new Map<RuntimeKind, RuntimeStatus>();
  private readonly runtimeStatusTimers = new Map<RuntimeKind, TimerHandle>();
  private readonly fetch: typeof globalThis.fetch;
  private readonly localModels: LocalModels;
  private readonly providers: ProviderStore;
  private readonly agents: AgentHost;
  private readonly permissions: PermissionGate;
  /** `kernel.panic` hang-in-commit: the commit step to stop at. */
  private hangAt: CommitPoint | null = null;
  private recovery: Promise<RecoveryReport | null> = Promise.resolve(null);

  constructor(private readonly deps: KernelDeps) {
    this.traceId = deps.traceId ?? newTraceId();
    this.bootedAt = deps.clock.now();
    this.table = new ProcessTable({ clock: deps.clock, emit: (e) => this.emit(e) });
    this.table.spawn({ name: 'kernel', kind: 'system', command: 'weft kernel', state: 'RUNNING', priority: 0, protected: true });
    this.runtimeHost = deps.runtimes?.((status) => this.runtimeStatus(status)) ?? null;
    this.fetch = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.localModels = new LocalModels({ engine: deps.inBrowserModels, fetch: this.fetch, clock: deps.clock, onStatus: (status) => this.emitModelStatus(status) });
    this.permissions = new PermissionGate({ settings: () => this.requireWorkspace().settings, clock: deps.clock, emit: (e) => this.emit(e) });
    this.providers = new ProviderStore(() => this.requireWorkspace(), this.localModels);
    this.agents = new AgentHost({
      clock: deps.clock,
      table: this.table,
      runners: this.runners,
      emit: (e) => this.emit(e),
      log: (level, message, pid) => this.log(level, message, pid),
      providers: this.providers,
      fetch: this.fetch,
      workspace: () => this.requireWorkspace(),
      catalog: () => this.requireCatalog(),
      spans: this.spans,
      traceId: this.traceId,
      syscall: (call, caller) => this.dispatcher.dispatch(call, { caller }),
      ...(deps.agingMs === undefined ? {} : { agingMs: deps.agingMs }),
    });
    this.dispatcher = new Dispatcher({
      handlers: this.handlers(),
      clock: deps.clock,
      spans: this.spans,
      traceId: this.traceId,
      policy: deps.policy ?? this.agents.policy,
      quiet: QUIET_OPS,
      charge: (cpuMs) => this.table.charge(KERNEL_PID, { cpuMs }),
      announce: (seal) => {
        void seal().then((span) => this.emit({ type: 'span.end', key: (span as Span).id, span: span as Span }));
      },
    });
  }

  /** Probes the environment and returns what the UI shows in its header. */
  async boot(): Promise<KernelInfo> {
    const environment = await this.deps.probe();
    if (this.deps.workspace) {
      try {
        this.workspace = await this.deps.workspace({
          committed: (volume, head) => this.volumeChanged(volume, head, 'this-tab'),
          progress: (volume, p) => this.progress(volume, p),
          checkpoint: (_volume, point) => {
            if (this.hangAt !== point) return;
            this.hangAt = null;
            this.deps.panic('hang');
          },
        });
        this.recovery = recoverAfterCrash(this.workspace, (level, message) => this.log(level, message));
        this.catalog = new SkillCatalog(this.workspace);
        await this.catalog.refresh();
      } catch (error) {
        this.workspaceError = WeftError.from(error);
        this.log('error', `Volumes could not be opened: ${this.workspaceError.message}`);
      }
    }
    this.info = { version: this.deps.version, bootedAt: this.bootedAt, environment, runtimes: this.runtimeHost?.list() ?? [], ops: OPS };
    this.log('info', `Kernel ${this.deps.version} booted${environment.crossOriginIsolated ? ', cross-origin isolated' : ' (not cross-origin isolated)'}`);
    return this.info;
  }

  /** Handles one request from outside; resolves with its result or rejects with a `WeftError`. */
  dispatch(raw: unknown, ctx?: CallContext): Promise<unknown> {
    return this.dispatcher.dispatch(raw, ctx);
  }

  /** Sync progress, at most one event per volume every PROGRESS_MS, plus every change of phase and each phase's end. */
  private progress(volume: VolumeId, p: SyncProgress): void {
    const now = this.deps.clock.now();
    const last = this.lastProgress.get(volume);
    const done = p.total !== undefined && p.loaded >= p.total;
    if (last && last.phase === p.phase && now - last.at < PROGRESS_MS && !done) return;
    this.lastProgress.set(volume, { phase: p.phase, at: now });
    this.emit({ type: 'volume.progress', volume, phase: p.phase, loaded: p.loaded, ...(p.total === undefined ? {} : { total: p.total }), at: now });
  }

  /**
   * Runtime status changes. A change of state goes out at once; changes within a state (loading
   * progress, how many workers are busy) at most every PROGRESS_MS per runtime, the latest one last,
   * so a burst of short runs does not flood the UI with events.
   */
  private runtimeStatus(status: RuntimeStatus): void {
    const now = this.deps.clock.now();
    const last = this.lastRuntimeStatus.get(status.kind);
    if (last && JSON.stringify(last.status) === JSON.stringify(status)) return;
    if (last && last.status.state === status.state && now - last.at < PROGRESS_MS) {
      this.pendingRuntimeStatus.set(status.kind, status);
      if (!this.runtimeStatusTimers.has(status.kind)) {
        const timer = this.deps.clock.setTimeout(() => {
          this.runtimeStatusTimers.delete(status.kind);
          const pending = this.pendingRuntimeStatus.get(status.kind);
          this.pendingRuntimeStatus.delete(status.kind);
          if (pending) this.runtimeStatus(pending);
        }, PROGRESS_MS - (now - last.at));
        this.runtimeStatusTimers.set(status.kind, timer);
      }
      return;
    }
    this.pendingRuntimeStatus.delete(status.kind);
    this.lastRuntimeStatus.set(status.kind, { status, at: now });
    if (this.info) this.info = { ...this.info, runtimes: this.runtimeHost?.list() ?? [] };
    this.emit({ type: 'runtime.status', status, at: now });
  }

  private requireRuntimes(): RuntimeHost {
    if (this.runtimeHost) return this.runtimeHost;
    throw new WeftError('RUNTIME_UNAVAILABLE', 'This kernel runs without runtimes, so no code can run here.');
  }

  private enzymeDeps(): EnzymeDeps {
    return {
      clock: this.deps.clock,
      table: this.table,
      spans: this.spans,
      traceId: this.traceId,
      runtimes: () => this.requireRuntimes(),
      runners: this.runners,
      emit: (event) => this.emit(event),
      permissions: this.permissions,
      running: (name, runtime) => this.workspace?.running(name, runtime) ?? (() => {}),
    };
  }

  /** Announces a volume's new head (committed here, or in another tab: see workers/kernel.worker.ts). */
  volumeChanged(volume: VolumeId, head: string, source: 'this-tab' | 'other-tab'): void {
    void this.catalog?.volumeChanged(volume, head).catch((error: unknown) => this.log('error', `The skill index could not be updated: ${WeftError.from(error).message}`));
    this.emit({ type: 'volume.changed', volume, head, source, at: this.deps.clock.now() });
  }

  private requireWorkspace(): Workspace {
    if (this.workspace) return this.workspace;
    if (this.workspaceError) {
      throw new WeftError('SYSCALL_FAILED', `Volumes are unavailable: ${this.workspaceError.message} Reload the page; if it persists, the browser may be blocking storage (IndexedDB) for this site.`, { cause: this.workspaceError.toJSON() });
    }
    throw new WeftError('SYSCALL_FAILED', this.deps.workspace ? 'Volumes are still opening. Wait for the "kernel.ready" event and try again.' : 'This kernel runs without volumes.');
  }

  /** Subscribes to kernel events; returns the unsubscribe function. */
  on(listener: (event: KernelEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: KernelEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private log(level: 'info' | 'warn' | 'error', message: string, pid?: Pid): void {
    this.emit({ type: 'log', level, message, at: this.deps.clock.now(), ...(pid === undefined ? {} : { pid }) });
  }

  private spawn(name: string | undefined, program: Program, priority: number | undefined, parent: Pid | undefined) {
    const command = `sleep ${formatDuration(program.ms)}`;
    const proc = this.table.spawn({ name: name ?? program.type, kind: 'system', command, state: 'READY', priority, parent: parent ?? KERNEL_PID });
    const pid = proc.pid;
    const runner = runSleep(program.ms, {
      pid,
      clock: this.deps.clock,
      table: this.table,
      exit: (status, reason) => {
        this.runners.delete(pid);
        this.table.setState(pid, 'TERMINATED', { status, reason });
      },
    });
    this.runners.set(pid, runner);
    return this.table.get(pid);
  }

  private handlers(): Handlers {
    const workflows = this.workflows();
    return {
      'kernel.ping': (call) => (call.payload === undefined ? {} : { payload: call.payload }),
      'kernel.info': () => {
        if (!this.info) throw new WeftError('SYSCALL_FAILED', 'The kernel is still starting. Wait for the "kernel.ready" event and ask again.');
        return this.info;
      },
      'kernel.panic': (call) => {
        if (call.mode === 'hang-in-commit') {
          this.hangAt = call.at ?? 'pack-written';
          this.log('warn', `kernel.panic (hang-in-commit) requested: the kernel will stop responding at "${this.hangAt}" of its next commit`);
          return { accepted: true };
        }
        const mode = call.mode;
        this.log('warn', `kernel.panic (${mode}) requested: the kernel will ${mode === 'throw' ? 'fail' : 'stop responding'}`);
        this.deps.clock.setTimeout(() => this.deps.panic(mode), 0);
        return { accepted: true };
      },
      'kernel.recovery': () => this.recovery,
      'proc.list': (call) => this.table.list(call.includeTerminated ?? false),
      'proc.get': (call) => this.table.get(call.pid),
      'proc.spawn': (call) => this.spawn(call.name, call.program, call.priority, call.parent),
      'proc.kill': (call) => {
        const row = this.table.mutable(call.pid, 'kill');
        this.runners.get(row.pid)?.kill();
        this.runners.delete(row.pid);
        return this.table.setState(row.pid, 'TERMINATED', { status: 'killed', reason: call.reason ?? 'killed by the user' });
      },
      'proc.suspend': (call) => {
        const row = this.table.mutable(call.pid, 'suspend');
        if (row.state === 'SUSPENDED') throw new WeftError('PROC_STATE', `Process ${row.pid} (${row.name}) is already suspended. Resume it with proc.resume.`, { pid: row.pid, state: row.state });
        this.runners.get(row.pid)?.suspend();
        return this.table.setState(row.pid, 'SUSPENDED');
      },
      'proc.resume': (call) => {
        const row = this.table.mutable(call.pid, 'resume');
        if (row.state !== 'SUSPENDED') throw new WeftError('PROC_STATE', `Process ${row.pid} (${row.name}) is ${row.state}, not suspended, so there is nothing to resume.`, { pid: row.pid, state: row.state });
        const state = this.runners.get(row.pid)?.resume() ?? 'READY';
        return this.table.setState(row.pid, state);
      },
      'proc.setPriority': (call) => {
        const p = this.table.setPriority(call.pid, call.priority);
        this.agents.scheduler.wake();
        return p;
      },
      ...agentHandlers({
        agents: this.agents,
        table: this.table,
        clock: this.deps.clock,
        fetch: this.fetch,
        providers: this.providers,
        workspace: () => this.requireWorkspace(),
        catalog: () => this.requireCatalog(),
      }),
      ...permissionHandlers(this.permissions),
      'spans.recent': (call) => this.spans.recent(call.limit ?? 100, call.kind),
      ...volumeHandlers(() => this.requireWorkspace()),
      ...runtimeHandlers(this.enzymeDeps(), () => this.requireWorkspace(), workflows.runSkill),
      ...workflows.handlers,
      ...skillHandlers(
        () => this.requireWorkspace(),
        () => {
          this.requireWorkspace();
          return this.catalog!;
        },
      ),
      ...this.chat(),
    };
  }

  private chat() {
    return chatHandlers({
      enzymes: this.enzymeDeps(),
      clock: this.deps.clock,
      fetch: this.fetch,
      localModels: this.localModels,
      workspace: () => this.requireWorkspace(),
      catalog: () => this.requireCatalog(),
      providers: this.providers,
      log: (level, message, pid) => this.log(level, message, pid),
      providersChanged: (id, change) => this.emit({ type: 'llm.providers.changed', id, change, at: this.deps.clock.now() }),
    });
  }

  private workflows() {
    const runs = new Map<string, WorkflowRun>();
    const traces = new TraceStore(() => this.requireWorkspace());
    const evolution = new Evolution({
      traces,
      workspace: () => this.requireWorkspace(),
      clock: this.deps.clock,
      emit: (e) => this.emit(e),
      log: (level, message) => this.log(level, message),
    });
    const deps: WorkflowDeps = {
      enzymes: this.enzymeDeps(),
      clock: this.deps.clock,
      spans: this.spans,
      workspace: () => this.requireWorkspace(),
      memo: this.deps.memo ?? memoryMemoStore(),
      log: (level, message, pid) => this.log(level, message, pid),
      agents: this.agents,
      afterRun: () => evolution.soon(),
    };
    const runSkill: RunCompoundSkill = (skill, where, request) => runWorkflowSkill(deps, runs, skill, where, request);
    return { handlers: { ...workflowHandlers(deps, runs), ...traceHandlers({ ...deps, traces, runs }), ...evolutionHandlers(evolution) }, runSkill };
  }

  private requireCatalog(): SkillCatalog {
    this.requireWorkspace();
    return this.catalog!;
  }

  private lastModelEvent = 0;
  /** Download progress is spaced like sync progress; state changes always go out. */
  private lastModelState = '';
  private emitModelStatus(status: LocalModelStatus): void {
    const now = this.deps.clock.now();
    const key = `${status.url}:${status.state}`;
    if (key === this.lastModelState && now - this.lastModelEvent < PROGRESS_MS && status.loaded < status.total) return;
    this.lastModelState = key;
    this.lastModelEvent = now;
    this.emit({ type: 'llm.model', status, at: now });
  }
}
