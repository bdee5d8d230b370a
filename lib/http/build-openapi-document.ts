import { z } from "zod";

/** An HTTP method a route handler exports. */
export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** One operation of the API: its path (OpenAPI `{param}` style), schemas and answers. */
export interface ApiOperation {
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  /** false for operations anyone may call (sign-up, sign-in, the document itself). */
  authenticated?: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The success status and what it carries. */
  success: { status: number; description: string; contentType?: string };
  /** Error statuses this operation answers besides 400/401 (which every validated, authenticated route may). */
  errors?: number[];
}

/** Identifies the document. */
export interface ApiInfo {
  title: string;
  version: string;
  description: string;
}

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

const errorDescriptions: Record<number, string> = {
  400: "A field is invalid; the message names it",
  401: "No valid session, token or API key",
  402: "The project's LLM budget (daily or monthly) does not allow the call; the message names it",
  403: "The caller's role does not allow this",
  404: "Not found, or hidden by row-level security",
  409: "Conflicts with the current state (for example, no LLM provider is configured)",
  413: "The request is larger than this operation accepts",
  415: "A cookie-authenticated write whose body is not sent as application/json",
  429: "Too many attempts or open streams; Retry-After says when to come back",
  503: "A dependency (database, embedding or LLM provider) cannot answer",
};

// Request schemas are documented as clients write them (`io: "input"`: defaults optional,
// before transforms); what zod cannot express in JSON Schema becomes an unconstrained schema.
function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function parameters(operation: ApiOperation): unknown[] {
  const pathSchema = operation.params ? jsonSchema(operation.params) : undefined;
  const inPath = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: pathSchema?.properties?.[name] ?? { type: "string" },
  }));
  const querySchema = operation.query ? jsonSchema(operation.query) : undefined;
  const inQuery = Object.entries(querySchema?.properties ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: querySchema?.required?.includes(name) ?? false,
    ...(typeof schema.description === "string" ? { description: schema.description } : {}),
    schema,
  }));
  return [...inPath, ...inQuery];
}

function responses(operation: ApiOperation): Record<string, unknown> {
  const errorContent = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };
  const statuses = new Set([
    ...(operation.body || operation.query || operation.params ? [400] : []),
    ...(operation.authenticated === false ? [] : [401]),
    ...(operation.errors ?? []),
  ]);
  const answers: Record<string, unknown> = {
    [operation.success.status]: {
      description: operation.success.description,
      content: { [operation.success.contentType ?? "application/json"]: { schema: { type: operation.success.contentType === "text/event-stream" ? "string" : "object" } } },
    },
  };
  for (const status of [...statuses].sort()) answers[status] = { description: errorDescriptions[status] ?? "Error", content: errorContent };
  return answers;
}

function operationId(operation: ApiOperation): string {
  const words = operation.path.replace(/^\/api\/v1\//, "").split(/[^A-Za-z0-9]+/).filter(Boolean);
  return [operation.method.toLowerCase(), ...words.map((word) => word[0].toUpperCase() + word.slice(1))].join("");
}

/**
 * An OpenAPI 3.1 document from the operations' zod schemas (zod 4's JSON Schema output is
 * draft 2020-12, the dialect OpenAPI 3.1 uses), with the bearer (JWT or API key) and session
 * cookie schemes and the one error shape `{error: {code, message}}`.
 */
export function buildOpenApiDocument(info: ApiInfo, operations: ApiOperation[], sessionCookieName: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    paths[operation.path][operation.method.toLowerCase()] = {
      operationId: operationId(operation),
      summary: operation.summary,
      tags: [operation.tag],
      ...(operation.authenticated === false ? { security: [] } : {}),
      parameters: parameters(operation),
      ...(operation.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(operation.body) } } } } : {}),
      responses: responses(operation),
    };
  }
  return {
    openapi: "3.1.0",
    info,
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A session JWT (Supabase or local) or a project API key (motif_…)" },
        session: { type: "apiKey", in: "cookie", name: sessionCookieName, description: "The browser session of a signed-in user" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: { code: { type: "string", examples: ["bad_request:input"] }, message: { type: "string" } },
            },
          },
        },
      },
    },
  };
}
