import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { McpBackend } from "./mcp-backend";

/** Where a remote Motif answers MCP, and the API key to present. */
export interface RemoteBackendOptions {
  /** The Motif server's base URL, e.g. http://localhost:3000. */
  url: string;
  apiKey: string;
}

/**
 * An MCP backend that forwards each request to a running Motif's `POST /api/mcp` with an API
 * key: `motif mcp` uses it while `motif serve` owns the data dir, or for a remote Motif. The
 * answers pass through unchanged, so an agent cannot tell the two apart.
 */
export function createRemoteBackend(options: RemoteBackendOptions): McpBackend & { close: () => Promise<void> } {
  let connected: Promise<Client> | undefined;
  const client = () => (connected ??= (async () => {
    const remote = new Client({ name: "motif-mcp-stdio", version: "0.1.0" });
    const transport = new StreamableHTTPClientTransport(new URL("/api/mcp", options.url), {
      requestInit: { headers: { authorization: `Bearer ${options.apiKey}` } },
    });
    await remote.connect(transport);
    return remote;
  })().catch((error: unknown) => {
    connected = undefined;
    throw new Error(`could not reach Motif's MCP endpoint at ${options.url}/api/mcp: ${(error as Error).message}`, { cause: error });
  }));
  return {
    callTool: async (name, args) => (await client()).callTool({ name, arguments: args }) as never,
    listPatternCards: async () => (await client()).listResources(),
    readPatternCard: async (uri) => (await client()).readResource({ uri }),
    close: async () => {
      const open = connected;
      connected = undefined;
      if (open) await (await open).close().catch(() => undefined);
    },
  };
}
