import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realPostgresLane } from "@/tests/support/real-postgres";

const repository = path.resolve(import.meta.dirname, "../..");
const motif = path.join(repository, "bin/motif");
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "motif-mcp-stdio-"));
const dataDir = path.join(workspace, "data");
const environment = (): Record<string, string> => {
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  delete env.DATABASE_URL;
  delete env.MOTIF_API_KEY;
  return { ...env, MOTIF_DATA_DIR: dataDir };
};

function run(args: string[]) {
  const result = spawnSync(process.execPath, [motif, ...args], { cwd: workspace, encoding: "utf8", env: environment() as NodeJS.ProcessEnv, timeout: 120_000 });
  if (result.status !== 0) throw new Error(`motif ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

async function connect(project: string): Promise<Client> {
  const client = new Client({ name: "motif-test", version: "1.0.0" });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [motif, "mcp", "--project", project], cwd: workspace, env: environment(), stderr: "pipe" }));
  return client;
}

afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

// A data dir of its own, served by `motif mcp` processes: not a suite for the real-Postgres lane.
describe.skipIf(realPostgresLane)("motif mcp (stdio)", { timeout: 120_000 }, () => {
  beforeAll(() => {
    fs.cpSync(path.join(repository, "tests/fixtures/repos/python-service"), path.join(workspace, "service"), { recursive: true });
    run(["ingest", "service", "--project", "shop", "--jobs", "1"]);
    run(["ingest", "service/shop/repositories", "--project", "other", "--jobs", "1"]);
  }, 180_000);

  it("lists the tools and answers search_patterns with the same matches as motif search", async () => {
    const client = await connect("shop");
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(["enhance_prompt", "get_pattern", "list_recent_patterns", "report_outcome", "search_patterns"]);
    const intent = "retry a flaky http call with exponential backoff";
    const result = await client.callTool({ name: "search_patterns", arguments: { intent, limit: 3 } });
    const viaMcp = JSON.parse((result.content as { text: string }[])[0].text);
    const viaCli = JSON.parse(run(["search", intent, "--project", "shop", "--limit", "3", "--json"]));
    const essentials = (answer: typeof viaCli) => answer.matched_patterns.map(({ pattern_id, name, occurrences }: Record<string, unknown>) => ({ pattern_id, name, occurrences }));
    expect(viaMcp.matched_patterns[0].kind).toBe("retry_backoff");
    expect(essentials(viaMcp)).toEqual(essentials(viaCli));
    await client.close();
  });

  it("acts as the project's own member key: another project's patterns are not found", async () => {
    const client = await connect("other");
    const refused = await client.callTool({ name: "search_patterns", arguments: { project: "shop", intent: "retry" } });
    expect(refused.isError).toBe(true);
    expect((refused.content as { text: string }[])[0].text).toBe('not_found:resource: project "shop" not found');
    await client.close();
    const keys = JSON.parse(fs.readFileSync(path.join(dataDir, "mcp-keys.json"), "utf8"));
    expect(Object.keys(keys).sort()).toEqual(["other", "shop"]);
    expect(fs.statSync(path.join(dataDir, "mcp-keys.json")).mode & 0o777).toBe(0o600);
  });

  it("holds no lock between requests, so the data dir stays free for motif serve", async () => {
    const client = await connect("shop");
    await client.callTool({ name: "list_recent_patterns", arguments: { limit: 1 } });
    expect(fs.existsSync(path.join(dataDir, "motif.lock"))).toBe(false);
    await client.close();
  });
});
