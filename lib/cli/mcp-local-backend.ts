import { claimsForApiKey } from "@/lib/auth";
import { openDatabase, readLockOwner, type Database } from "@/lib/db";
import type { EmbeddingProvider } from "@/lib/embed";
import { getEnvironment } from "@/lib/env";
import { intentRewriterFor } from "@/lib/intent-rewrite";
import { createDatabaseBackend, createRemoteBackend, type McpBackend } from "@/lib/mcp";

/**
 * The backend of `motif mcp` on this machine's data. Each request goes to the `motif serve` that
 * owns the data dir when one runs, or else opens the data dir for that request only: an agent's
 * MCP process, alive for a whole session, never keeps the dashboard from starting.
 * In Supabase mode there is no lock: one connection serves every request.
 */
export function createLocalBackend(options: { apiKey: string; embedder: EmbeddingProvider }): McpBackend & { close: () => Promise<void> } {
  const environment = getEnvironment();
  const remotes = new Map<string, ReturnType<typeof createRemoteBackend>>();
  let shared: Promise<Database> | undefined;
  const viaServer = (url: string) => {
    let remote = remotes.get(url);
    if (!remote) remotes.set(url, (remote = createRemoteBackend({ url, apiKey: options.apiKey })));
    return remote;
  };
  const direct = async <T>(fn: (backend: McpBackend) => Promise<T>): Promise<T> => {
    if (environment.mode === "supabase") {
      const database = await (shared ??= openDatabase({ command: "motif mcp" }));
      return fn(createDatabaseBackend({ database, claims: await claimsForApiKey(database, options.apiKey), embedder: options.embedder, rewriteIntent: intentRewriterFor(database) }));
    }
    const database = await openDatabase({ command: "motif mcp" });
    try {
      return await fn(createDatabaseBackend({ database, claims: await claimsForApiKey(database, options.apiKey), embedder: options.embedder, rewriteIntent: intentRewriterFor(database) }));
    } finally {
      await database.close();
    }
  };
  const route = <T>(fn: (backend: McpBackend) => Promise<T>): Promise<T> => {
    const owner = environment.mode === "embedded" ? readLockOwner(environment.dataDir) : undefined;
    return owner?.url && owner.pid !== process.pid ? fn(viaServer(owner.url)) : direct(fn);
  };
  return {
    callTool: (name, args) => route((backend) => backend.callTool(name, args)),
    listPatternCards: () => route((backend) => backend.listPatternCards()),
    readPatternCard: (uri) => route((backend) => backend.readPatternCard(uri)),
    close: async () => {
      await Promise.all([...remotes.values()].map((remote) => remote.close()));
      if (shared) await (await shared).close();
    },
  };
}
