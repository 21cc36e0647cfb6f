/** The tensor runtime: TensorFlow.js in its own worker, on the backend that measured fastest here. */
export { createTensorEngine, backendOverride, type TensorEngineDeps } from './tensorEngine';
export { chooseBackend, HARDWARE_GPU_HEADROOM, type BackendCandidate, type BackendChoice } from './chooseBackend';
export { calibrateBackends, type BackendFacts, type Calibration, type CalibrationHooks, type CalibrationOptions } from './calibrateBackends';
export { measureMatmul, type MatmulMeasurement, type MeasureOptions } from './measureMatmul';
export { fromTensorOutputs, toTensorInputs, looksLikeTensorDescriptor, TENSOR_DTYPES, type TensorDescriptor, type TensorDtype, type TensorOutput } from './tensorValues';
export { probeBackendFacts, webgpuFacts, webglFacts, wasmFacts, SOFTWARE_GPU, type GpuNavigatorLike } from './backendFacts';
export { startWasmBackend, type WasmScope, type WasmStart, type WasmStartOptions } from './startWasmBackend';
export { tensorWorkerHooks, type TensorWorkerEnvironment } from './tensorWorkerHooks';
export { withRunScope } from './withRunScope';
export { TENSOR_BACKENDS, isTensorBackend, type BackendOverride, type TensorBackend, type Tf } from './tf';
