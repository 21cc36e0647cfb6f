/** Output previews: shared by the canvas, the chat and the skill Run panel. */
export { OutputPreview, type OutputPreviewProps } from './OutputPreview/OutputPreview';
export { previewKind, type PreviewKind } from './OutputPreview/previewKind';
export { TensorPreview } from './OutputPreview/TensorPreview';
export { Plot, type PlotProps } from './Plot/Plot';
export { Table, type TableProps } from './Table/Table';
export { JsonTree, type JsonTreeProps } from './JsonTree/JsonTree';
export { ImagePreview, type ImagePreviewProps } from './Image/ImagePreview';
export { Scene3D, type Scene3DProps } from './Scene3D/Scene3D';
export { Circuit, type CircuitProps } from './Circuit/Circuit';
export { circuitSpec, toCircuitView, type CircuitPlot } from './Circuit/circuitPlots';
export { PreviewBoundary } from './shared/PreviewBoundary';
export { PreviewError } from './shared/PreviewError';
