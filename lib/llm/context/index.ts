export { fitHistory, isSummaryMessage, SUMMARY_PREFIX, type FitHistoryOptions, type FittedHistory } from './fitHistory';
export { contextFill } from './contextFill';
export { estimateHistoryTokens, estimateMessageTokens } from './estimateMessageTokens';
