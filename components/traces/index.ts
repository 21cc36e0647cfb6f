export { TracesPanel } from './TracesPanel/TracesPanel';
export { TraceOverlay } from './TraceView/TraceOverlay';
export { useTraceStore } from './useTraceStore';
