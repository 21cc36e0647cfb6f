/** Enzyme runtimes (DESIGN.md section 5): one `Runtime` interface, one worker per runtime, pooled by the host. */
export { RUNTIME_KINDS, JS_ENGINES, type JsEngine, type LogStream, type RunDetails, type RunLog, type RunRequest, type RunResult, type Runtime, type RuntimeKind, type RuntimeState, type RuntimeStatus } from './types';
export { RuntimeHost, POOL_SIZES, type RuntimeHostOptions } from './runtimeHost';
export { RuntimePool, type RuntimePoolOptions } from './runtimePool';
export { RuntimeWorker, LABELS as RUNTIME_LABELS } from './runtimeWorker';
export { inProcessWorker, type WorkerLike } from './workerLike';
export { serveEngine, type Engine, type EngineJob, type EngineResult, type EngineScope } from './engine';
export type { FromWorker, LoadOptions, ToWorker } from './workerProtocol';
export { checkOutputs, byteSize, toHashable } from './outputs';
export { seededRandom } from './seededRandom';
export { QUICKJS_LIMITS } from './javascript/quickjsRun';
export { PYTHON_MEMORY_MB } from './python/memoryCeiling';
export { parseScene3d, SCENE_LIMITS, type Scene3d } from './scene3d';
export { TENSOR_BACKENDS, type BackendOverride as TensorBackendChoice, type TensorBackend } from './tensor/tf';
export { routeConsole, formatLogArgs } from './routeConsole';
