/** The workflow canvas: the editor, its toolbar, and the stores behind them. */
export { Canvas } from './Canvas';
export { CanvasToolbar } from './CanvasToolbar';
export { useCanvasStore } from './useCanvasStore';
export { useCanvasRun } from './useCanvasRun';
export { SKILL_DRAG_TYPE } from './flowTypes';
