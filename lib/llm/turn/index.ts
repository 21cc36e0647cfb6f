export { runChatTurn, DEFAULT_MAX_TOOL_ROUNDS, toolLimitNote } from './runChatTurn';
export { buildTurnTrace, TurnAttr, type TurnRound, type TurnSpanInput } from './turnSpans';
export { callModel, estimateTextTokens, type ModelCall } from './callModel';
export { runToolCall, type ToolCallRecord } from './runToolCall';
export { cancelledError, raceAbort } from './raceAbort';
export type { ChatTurnOptions, ChatTurnResult, ToolRun, ToolStatus, TurnEvent, TurnStatus, TurnUsage } from './types';
