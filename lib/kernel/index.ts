export * from './protocol';
export { KernelClient, type KernelClientOptions, type KernelStatus, type PortFactory, type PortHandle, type PortHandlers } from './client';
export { Kernel, type KernelDeps, type WorkspaceHooks } from './kernel';
export { serveKernel, type HostPort } from './host';
export { probeEnvironment } from './environment';
export { parseSyscall, OPS } from './syscallSchema';
export { allowAll, type CallContext, type PolicyCheck, type PolicyDecision } from './dispatcher';
export { formatDuration } from './formatDuration';
