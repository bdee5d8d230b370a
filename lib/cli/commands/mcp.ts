import type { Command } from "commander";
import { z } from "zod";
import { getEnvironment } from "@/lib/env";
import { MotifError } from "@/lib/errors";
import { parseOptions } from "../parse-options";

const mcpOptionsSchema = z.object({
  project: z.string().trim().min(1).max(100).optional(),
  url: z.url().optional(),
});

/**
 * The API key `motif mcp` acts with: MOTIF_API_KEY when set; else (embedded) the project's local
 * member key, made once as the local operator (through the running server when there is one).
 */
async function localApiKey(project: string | undefined): Promise<string> {
  const environment = getEnvironment();
  if (environment.MOTIF_API_KEY) return environment.MOTIF_API_KEY;
  if (environment.mode === "supabase" || !project) {
    throw new MotifError("bad_request:input", "set MOTIF_API_KEY to a project API key (Settings → API keys), or run against the embedded data with --project <slug>");
  }
  const [{ createLocalMcpKey, readLocalMcpKey, writeLocalMcpKey }, { withDatabaseAccess }] = await Promise.all([import("@/lib/mcp"), import("../database-access")]);
  const stored = readLocalMcpKey(environment.dataDir, project);
  if (stored) return stored;
  const key = await withDatabaseAccess<string>({
    direct: (database) => createLocalMcpKey({ database, slug: project }),
    viaServer: async (fetchOwner) => {
      const response = await fetchOwner("/api/operator/mcp-key", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ project }) });
      return ((await response.json()) as { key: string }).key;
    },
  });
  const file = writeLocalMcpKey(environment.dataDir, project, key);
  process.stderr.write(`motif mcp: made the member API key "motif mcp (local)" for ${project}, kept in ${file}\n`);
  return key;
}

async function runMcp(rawOptions: unknown): Promise<void> {
  const options = parseOptions(mcpOptionsSchema, rawOptions);
  if (!options.project && !options.url) throw new MotifError("bad_request:input", "--project <slug> is required (or --url with MOTIF_API_KEY for a remote Motif)");
  const [{ StdioServerTransport }, { createMcpServer, createRemoteBackend }, { createEmbeddingProvider }, { createLocalBackend }] = await Promise.all([
    import("@modelcontextprotocol/sdk/server/stdio.js"),
    import("@/lib/mcp"),
    import("@/lib/embed"),
    import("../mcp-local-backend"),
  ]);
  const apiKey = options.url ? getEnvironment().MOTIF_API_KEY : await localApiKey(options.project);
  if (!apiKey) throw new MotifError("bad_request:input", "--url needs MOTIF_API_KEY: a project API key of that Motif");
  const backend = options.url ? createRemoteBackend({ url: options.url, apiKey }) : createLocalBackend({ apiKey, embedder: createEmbeddingProvider() });
  const server = createMcpServer(backend);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => (transport.onclose = resolve));
  await server.connect(transport);
  // Runs until the agent closes stdin (or stops the process).
  await Promise.race([closed, new Promise((resolve) => process.stdin.once("end", resolve))]);
  await server.close();
  await backend.close();
}

/** `motif mcp --project <slug>`: Motif's MCP server over stdio, for agents started locally. */
export function registerMcpCommand(program: Command): void {
  program
    .command("mcp")
    .description("Serve Motif's MCP tools (search, get, enhance, report, recent) to a coding agent over stdio")
    .option("-p, --project <slug>", "the project the agent works in (embedded: a local member key is made for it)")
    .option("--url <url>", "forward to a remote Motif's /api/mcp instead, with MOTIF_API_KEY")
    .action(runMcp);
}
