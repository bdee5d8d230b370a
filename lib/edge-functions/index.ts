export { extractFunction } from "./extract-function";
export { matchFunction } from "./match-function";
export { ingestFunction } from "./ingest-function";
export { functionHandler, type FunctionHandler } from "./function-handler";
export { functionLimits, readFunctionBody, type FunctionName } from "./function-limits";
export { functionRuntime, type FunctionRuntime } from "./function-runtime";
export { extractFunctionSchema, type ExtractFunctionBody } from "./extract-function-schema";
