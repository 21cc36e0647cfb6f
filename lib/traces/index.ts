export { kindOf, rootOf, summarizeTrace, type TraceKind, type TraceSummary } from './summarize';
export { compareReplay, nondeterminism, replayPlan, type ReplayNode, type ReplayNodeStatus, type ReplayPlan } from './replay';
