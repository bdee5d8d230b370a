export { jsonResponse, errorResponse } from "./json-response";
export { parseBody, parseWith, describeZodError } from "./parse-body";
export { routeHandler, asMotifError, type RouteContext } from "./route-handler";
export { asCaller } from "./as-caller";
export { parseQuery } from "./parse-query";
export { readLimitedJson, formatBytes } from "./read-limited-json";
export { buildOpenApiDocument, type ApiOperation, type ApiInfo, type HttpMethod } from "./build-openapi-document";
export { ndjsonResponse } from "./ndjson-response";
