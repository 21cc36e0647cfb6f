export { localModel, modelNameOf, type LocalModel, type LocalModelOptions, type LocalModelState, type LocalModelStatus, type WllamaEngine } from './localModel';
export { checkModelUrl, LARGE_MODEL_BYTES, probeModel, type ModelProbe } from './probeModel';
