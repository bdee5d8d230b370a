// The functions' handlers and entry wrapper in real Deno. The caller look-up goes to a local
// HTTP server that answers as `motif serve`'s /_motif/functions/caller does (claims for a
// known token, the server's 401 otherwise); extraction needs no database.
import { assertEquals } from "./assert.ts";
import { corsHeaders, withCors } from "../../supabase/functions/_shared/serve-function.ts";

const secret = "s".repeat(43);
const claims = { role: "authenticated", sub: "00000000-0000-4000-8000-000000000001", email: "alice@example.com" };
const motifServer = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, (request) => {
  if (new URL(request.url).pathname !== "/_motif/functions/caller" || request.headers.get("x-motif-functions-secret") !== secret) {
    return Response.json({ error: { code: "not_found:resource", message: "not found" } }, { status: 404 });
  }
  if (request.headers.get("authorization") === "Bearer alice-token") return Response.json({ claims });
  return Response.json({ error: { code: "unauthorized:auth", message: "sign in or present an API key" } }, { status: 401 });
});
Deno.env.set("MOTIF_FUNCTIONS_SERVER_URL", `http://127.0.0.1:${motifServer.addr.port}`);
Deno.env.set("MOTIF_FUNCTIONS_SECRET", secret);
const { extractFunction, matchFunction } = await import("@/lib/edge-functions/index.ts");

const post = (body: unknown, token = "alice-token") =>
  new Request("http://functions.local/extract", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const retrying = `import time


def fetch_with_retry(call, attempts=5):
    """Calls \`call\`, retrying with exponential backoff."""
    for attempt in range(attempts):
        try:
            return call()
        except ConnectionError:
            time.sleep(2 ** attempt)
    raise RuntimeError("gave up")
`;

Deno.test("the functions", async (context) => {
  try {
    await context.step("extract answers `motif extract --json`'s shape, the units with their patterns", async () => {
      const response = await extractFunction(post({ files: [{ path: "client.py", content: retrying }] }));
      assertEquals(response.status, 200);
      const body = await response.json();
      assertEquals(Object.keys(body), ["units", "patterns", "relationships", "stats", "failures"]);
      assertEquals(body.units.map((unit: { qualname: string; startLine: number; endLine: number }) => [unit.qualname, unit.startLine, unit.endLine]), [["fetch_with_retry", 4, 11]]);
      assertEquals(body.units[0].patterns.map((pattern: { kind: string }) => pattern.kind), ["retry_backoff"]);
      assertEquals(body.stats.jobs, 1);
    });

    await context.step("extract decodes base64 bytes as motif extract decodes a file (a PEP 263 latin-1 file)", async () => {
      const latin1 = Uint8Array.from([...'# -*- coding: latin-1 -*-\ndef caf\u00e9():\n    return "\u00e9"\n'].map((character) => character.charCodeAt(0)));
      const response = await extractFunction(post({ files: [{ path: "latin.py", content_base64: btoa(String.fromCharCode(...latin1)) }] }));
      const body = await response.json();
      assertEquals(body.failures, []);
      assertEquals(body.units[0].qualname, "caf\u00e9");
    });

    await context.step("extract refuses a caller the server refuses, a bad body and an oversized one", async () => {
      const refused = await extractFunction(post({ files: [{ path: "a.py", content: "x = 1" }] }, "stolen-token"));
      assertEquals([refused.status, (await refused.json()).error.code], [401, "unauthorized:auth"]);
      const bad = await extractFunction(post({ files: [{ path: "a.py" }] }));
      assertEquals([bad.status, (await bad.json()).error.message], [400, "files.0: give exactly one of content and content_base64"]);
      const notJson = await extractFunction(post("{"));
      assertEquals([notJson.status, (await notJson.json()).error.message], [400, "the request body must be JSON"]);
      const big = await extractFunction(post({ files: [{ path: "big.py", content: "x = 1\n".repeat(200_000) }] }));
      const message = (await big.json()).error.message as string;
      assertEquals(big.status, 413);
      assertEquals(message.startsWith("the request body exceeds the extract function's limit of 1 MB"), true);
    });

    await context.step("match names the bad field before it touches the database", async () => {
      const response = await matchFunction(post({ project: "shop", limit: 500, intent: "retry" }));
      assertEquals([response.status, (await response.json()).error.message], [400, "limit: must be at most 100"]);
    });

    await context.step("a function answers GET with 405 and a browser's preflight with CORS", async () => {
      const get = await extractFunction(new Request("http://functions.local/extract"));
      assertEquals(get.status, 405);
      await get.body?.cancel();
      const served = withCors(extractFunction);
      const preflight = await served(new Request("http://functions.local/extract", { method: "OPTIONS" }));
      assertEquals(preflight.status, 204);
      assertEquals(preflight.headers.get("access-control-allow-headers"), corsHeaders["access-control-allow-headers"]);
    });
  } finally {
    await motifServer.shutdown();
  }
});
