export { startServer, type ServeOptions, type RunningServer } from "./start-server";
export { ensureBuild, isBuildCurrent } from "./ensure-build";
export { stopServer, type ServerParts } from "./stop-server";
export { createRequestTracker, type RequestTracker } from "./request-tracker";
export { denoCommand, denoServeArguments, startDenoFunctions, type DenoFunctions, type DenoFunctionsOptions } from "./deno-functions";
