export { buildOpenApiDocument, type ApiOperation, type ApiInfo, type HttpMethod } from "./build-openapi-document";
