export { toolSpecOf, TOOL_NAME } from './toolSpecOf';
export { ioSchema, type JsonSchema } from './ioSchema';
export { checkSchema } from './checkSchema';
export { checkArgumentsFor, checkToolArguments } from './checkToolArguments';
export { toolResultText } from './toolResultText';
