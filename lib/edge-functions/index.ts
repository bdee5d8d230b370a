export { extractFunction } from "./extract-function";
export { matchFunction } from "./match-function";
export { ingestFunction } from "./ingest-function";
export { functionHandler, type FunctionHandler } from "./function-handler";
export { readFunctionBody } from "./function-limits";
export { functionRuntime, type FunctionRuntime } from "./function-runtime";
export { githubWebhookFunction } from "./github-webhook-function";
