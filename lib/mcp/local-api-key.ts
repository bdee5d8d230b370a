import fs from "node:fs";
import path from "node:path";
import { generateApiKey } from "@/lib/auth";
import { asService, createApiKeyByProjectId, getOperatorProjectBySlug, type Database } from "@/lib/db";
import { MotifError } from "@/lib/errors";

/** The name the local MCP key carries in the project's key list (admins see and may revoke it). */
export const localMcpKeyName = "motif mcp (local)";

/**
 * Creates the member API key `motif mcp` acts with for one project, as the local operator
 * (embedded mode: whoever owns the data dir). Agents then run under RLS as that key, exactly
 * like a key an admin created in Settings, and the key shows there.
 */
export async function createLocalMcpKey({ database, slug }: { database: Database; slug: string }): Promise<string> {
  return asService(database, async (transaction) => {
    const project = await getOperatorProjectBySlug({ transaction, slug });
    if (!project) throw new MotifError("not_found:resource", `project "${slug}" not found (motif ingest <path> --project ${slug} creates it)`);
    const generated = generateApiKey();
    await createApiKeyByProjectId({ transaction, projectId: project.id, name: localMcpKeyName, role: "member", keyPrefix: generated.prefix, keyHash: generated.hash });
    return generated.key;
  });
}

const keyFileName = "mcp-keys.json";

/** The local MCP key of a project kept in the data dir (mode 0600), if one was made. */
export function readLocalMcpKey(dataDir: string, slug: string): string | undefined {
  try {
    const keys = JSON.parse(fs.readFileSync(path.join(dataDir, keyFileName), "utf8")) as Record<string, string>;
    return typeof keys[slug] === "string" ? keys[slug] : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a project's local MCP key in the data dir, readable by its owner only. */
export function writeLocalMcpKey(dataDir: string, slug: string, key: string): string {
  const file = path.join(dataDir, keyFileName);
  let keys: Record<string, string> = {};
  try {
    keys = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
  } catch {
    // none yet
  }
  fs.writeFileSync(file, JSON.stringify({ ...keys, [slug]: key }), { mode: 0o600 });
  return file;
}
