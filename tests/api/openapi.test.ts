import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { callRoute } from "./api-harness";

// Every route handler under app/api/v1, as "METHOD /api/v1/path/{param}", read from the files.
function routesOnDisk(): string[] {
  const root = path.resolve("app/api/v1");
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const route = `/api/v1/${path.relative(root, folder).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
        for (const [, method] of fs.readFileSync(full, "utf8").matchAll(/^export const (GET|POST|PATCH|PUT|DELETE)\b/gm)) found.push(`${method} ${route}`);
      }
    }
  };
  walk(root);
  return found.sort();
}

describe("GET /api/v1/openapi.json", () => {
  it("documents exactly the routes that exist, each with an operation id", async () => {
    const answer = await callRoute(openapi);
    expect(answer.status).toBe(200);
    const document = answer.body;
    expect(document.openapi).toBe("3.1.0");
    const documented = Object.entries(document.paths as Record<string, Record<string, { operationId: string }>>)
      .flatMap(([route, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${route}`))
      .sort();
    expect(documented).toEqual(routesOnDisk());
    const ids = Object.values(document.paths as Record<string, Record<string, { operationId: string }>>).flatMap((operations) => Object.values(operations).map((operation) => operation.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("carries the zod schemas: bodies, query and path parameters, with their bounds", async () => {
    const { body: document } = await callRoute(openapi);
    const list = document.paths["/api/v1/patterns"].get;
    const limit = list.parameters.find((parameter: { name: string }) => parameter.name === "limit");
    expect(limit).toMatchObject({ in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } });
    const sort = list.parameters.find((parameter: { name: string }) => parameter.name === "sort");
    expect(sort.schema.enum).toEqual(["prominence", "quality_score", "success_rate", "usage_count", "match_count", "created_at", "updated_at", "name"]);
    expect(sort.schema.default).toBe("prominence");
    expect(list.parameters.find((parameter: { name: string }) => parameter.name === "recurring")).toMatchObject({ in: "query", required: false });
    const match = document.paths["/api/v1/patterns/match"].post.requestBody.content["application/json"].schema;
    expect(match.required).toContain("intent");
    expect(match.properties.limit).toMatchObject({ minimum: 1, maximum: 100, default: 5 });
    const enhance = document.paths["/api/v1/prompts/enhance"].post.requestBody.content["application/json"].schema;
    expect(enhance.required).toEqual(["prompt", "token_budget"]);
    const usage = document.paths["/api/v1/patterns/{id}/usage"].post;
    expect(usage.parameters).toEqual([{ name: "id", in: "path", required: true, schema: expect.objectContaining({ type: "string", format: "uuid" }) }]);
    expect(usage.requestBody.content["application/json"].schema.properties.outcome.enum).toEqual(["successful", "failed", "partial", "pending"]);
    expect(Object.keys(document.paths["/api/v1/extract"].post.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "404", "413"]));
    expect(document.paths["/api/v1/auth/sign-in"].post.security).toEqual([]);
  });

  it("has no dangling references", async () => {
    const { body: document } = await callRoute(openapi);
    const references = [...JSON.stringify(document).matchAll(/"\$ref":"#\/([^"]+)"/g)].map(([, pointer]) => pointer);
    expect(references.length).toBeGreaterThan(0);
    for (const pointer of references) {
      const target = pointer.split("/").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
      expect(target, pointer).toBeDefined();
    }
  });
});
