// The local edge runtime `motif serve` starts: every function folder here (one holding an
// index.ts; not "_shared", not Deno's node_modules) is imported through its own index.ts and served at /<name>/... on one port, which the
// Motif server proxies /functions/v1/<name> to. Prints `{"listening": <port>}` once ready.
import type { FunctionHandler } from "@/lib/edge-functions/index.ts";
import { installLocalRouter } from "./serve-function.ts";

const functionsFolder = new URL("../", import.meta.url);
const handlers = new Map<string, FunctionHandler>();

async function loadFunctions(): Promise<void> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(functionsFolder)) {
    if (!entry.isDirectory || entry.name.startsWith("_") || entry.name === "node_modules") continue;
    const entryFile = await Deno.stat(new URL(`${entry.name}/index.ts`, functionsFolder)).catch(() => undefined);
    if (entryFile?.isFile) names.push(entry.name);
  }
  for (const name of names.sort()) {
    installLocalRouter({ register: (handler) => handlers.set(name, handler) });
    await import(new URL(`${name}/index.ts`, functionsFolder).href);
    if (!handlers.has(name)) throw new Error(`supabase/functions/${name}/index.ts did not call serveFunction`);
  }
}

function route(request: Request): Promise<Response> | Response {
  const name = new URL(request.url).pathname.split("/")[1] ?? "";
  const handler = handlers.get(name);
  if (handler) return handler(request);
  const known = [...handlers.keys()].join(", ");
  return Response.json({ error: { code: "not_found:resource", message: `no function named "${name}" (functions: ${known})` } }, { status: 404 });
}

await loadFunctions();
Deno.serve({
  hostname: "127.0.0.1",
  port: Number(Deno.env.get("MOTIF_FUNCTIONS_PORT") ?? "0"),
  onListen: ({ port }) => console.log(JSON.stringify({ listening: port, functions: [...handlers.keys()] })),
}, route);

// `motif serve` holds this process's stdin: when the server goes, however it goes, so does this.
(async () => {
  for await (const _chunk of Deno.stdin.readable) { /* nothing is sent; this only waits for the end */ }
  Deno.exit(0);
})();
