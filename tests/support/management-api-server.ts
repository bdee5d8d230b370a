import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

/** One function as `supabase functions deploy --use-api` uploaded it. */
export interface UploadedFunction {
  slug: string;
  /** The `metadata` form field: entrypoint_path, import_map_path, static_patterns, verify_jwt, name. */
  metadata: { entrypoint_path: string; import_map_path?: string; static_patterns?: string[]; verify_jwt?: boolean; name: string };
  /** Every uploaded file, by the path the CLI gave it (relative to the project folder). */
  files: Map<string, Buffer>;
}

/**
 * A local server speaking the part of the Supabase Management API that `supabase functions
 * deploy --use-api` calls (`POST /v1/projects/{ref}/functions/deploy?slug=` with a multipart
 * body of `metadata` and `file` parts; `GET /v1/projects/{ref}`), and a CLI profile pointing the
 * CLI at it (`--profile <file>`), so the real CLI can be run here and what it would upload read.
 */
export async function startManagementApiServer(): Promise<{ profile: string; uploads: UploadedFunction[]; close: () => Promise<void> }> {
  const uploads: UploadedFunction[] = [];
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? "/", "http://localhost");
    const send = (status: number, body: unknown) => response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (request.method === "POST" && url.pathname.endsWith("/functions/deploy")) {
      const form = await new Response(Buffer.concat(chunks), { headers: { "content-type": request.headers["content-type"] ?? "" } }).formData();
      const files = new Map<string, Buffer>();
      for (const part of form.getAll("file")) {
        if (typeof part !== "string") files.set(part.name, Buffer.from(await part.arrayBuffer()));
      }
      const slug = url.searchParams.get("slug") ?? "";
      uploads.push({ slug, metadata: JSON.parse(String(form.get("metadata"))), files });
      const now = Date.now();
      return send(201, { id: `function-${uploads.length}`, slug, name: slug, status: "ACTIVE", version: 1, created_at: now, updated_at: now });
    }
    if (request.method === "GET" && /^\/v1\/projects\/[a-z]+$/.test(url.pathname)) {
      return send(200, { id: url.pathname.split("/").pop(), ref: url.pathname.split("/").pop(), name: "motif-test", status: "ACTIVE_HEALTHY", region: "eu-central-1", organization_id: "org", created_at: new Date().toISOString() });
    }
    send(404, { message: `no route ${request.method} ${url.pathname}` });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "motif-management-api-"));
  const profile = path.join(folder, "profile.yaml");
  fs.writeFileSync(profile, `name: motif-local-test\napi_url: ${base}\ndashboard_url: ${base}/dashboard\nproject_host: supabase.red\n`);
  return {
    profile,
    uploads,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
