/** Workflows (DESIGN.md sections 3 and 7): model, parse/serialize, checks, graph helpers, executor, memo cache, simulation. */
export * from './types';
export { WorkflowErrorCode } from './errorCodes';
export { WORKFLOW_LIMITS, type WorkflowLimits } from './limits';
export { parseWorkflow, type ParseWorkflowOptions } from './parseWorkflow';
export type { ParseIssue } from './parseIssues';
export { serializeWorkflow } from './serializeWorkflow';
export { NODE_ID, PORT_NAME } from './workflowSchema';
export { canConnect, connectionProblem } from './canConnect';
export { checkWorkflow, type CheckWorkflowOptions, type ResolveSkill } from './checkWorkflow';
export { WORKFLOW_PROBLEM_CODES, type WorkflowProblem, type WorkflowProblemCode } from './workflowProblem';
export { topologicalLevels } from './topologicalLevels';
export { downstreamOf, upstreamOf, wouldCreateCycle } from './reachable';
export { deriveNodeSeed } from './nodeSeed';
export { nodeCacheKey, type CacheKeyParts } from './nodeCacheKey';
export { memoryMemoStore, type MemoEntry, type MemoStore } from './memoStore';
export { runWorkflow } from './runWorkflow';
export { runRefusal, type RefusalOptions } from './runRefusal';
export type {
  LogStreamName,
  NodeResult,
  NodeRunOutput,
  NodeRunStatus,
  ResolvedSkill,
  RunNode,
  RunNodeContext,
  RunStatus,
  RunWorkflowDeps,
  RunWorkflowOptions,
  WorkflowEvent,
  WorkflowRun,
  WorkflowRunResult,
} from './runTypes';
export { simulateWorkflow, type NodePrediction, type PredictedOutcome, type SimulateOptions, type WorkflowSimulation } from './simulateWorkflow';
export type { CriticalPath } from './criticalPath';
export { historyFromSpans, type HistorySample, type SkillHistory } from './history';
export { EXAMPLE_WORKFLOWS } from './examples';
export { expandCompound, MAX_COMPOUND_DEPTH, parseCompound, type CompoundSpec } from './compound';
