// The floor under the match endpoint's throughput, measured in the same run on the same
// machine: the same requests at concurrency 16 through less and less of the stack, so that
// the figure for the whole request can be read against what the machine gives at all.
//   empty route     node:http, the Request/Response conversion and the client: nothing else
//   caller + SQL 1  the route's body parsed, the API key resolved (cached), one RLS
//                   transaction as the caller (begin, claims, `select 1`, commit)
//   embed only      the route's body parsed and the intent embedded, no database
//   SQL only        the match statement in the caller's transaction, at concurrency 16
//                   through the same pool, without HTTP or embedding (embeddings made before)
import { POST as matchRoute } from "@/app/api/v1/patterns/match/route";
import { asCaller, jsonResponse, parseBody } from "@/lib/http";
import { getDatabase, matchPatternsWithDetails, withUser } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { matchSchema } from "@/app/api/v1/patterns/match/schema";
import { matchQueryTexts } from "@/lib/search";
import type { MatchFilters } from "@/lib/domain";
import { throughput } from "./latency";
import { serveMatchRoute } from "./match-http-server";
import type { BenchWorld } from "./match-world";

const embedder = createBuiltinProvider();

type Handler = Parameters<typeof serveMatchRoute>[0];

interface Query {
  intent: string;
  filters: MatchFilters;
}

const handlers: Record<string, Handler> = {
  "empty route": async () => Response.json({ matched_patterns: [] }),
  "caller + select 1": async (request) => {
    await parseBody(request, matchSchema);
    const [{ one }] = await asCaller(request, (transaction) => transaction.query<{ one: number }>(`select 1 as one`));
    return jsonResponse({ one });
  },
  "embed only": async (request) => {
    const body = await parseBody(request, matchSchema);
    const [embedding] = await embedder.embed([matchQueryTexts(body).embedding]);
    return jsonResponse({ dimensions: embedding.length });
  },
  "whole match route": matchRoute,
};

/** Requests per second and p99 at concurrency 16 through each layer of the match request. */
export async function runFloor(world: BenchWorld, queries: readonly Query[]) {
  const results: Record<string, { requestsPerSecond: number; p50: number; p99: number }> = {};
  for (const [label, handler] of Object.entries(handlers)) {
    const server = await serveMatchRoute(handler);
    const post = async (query: Query) => {
      const response = await fetch(`${server.url}/api/v1/patterns/match`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${world.apiKey}` },
        body: JSON.stringify({ intent: query.intent, filters: Object.keys(query.filters).length ? query.filters : undefined, limit: 5 }),
      });
      if (response.status !== 200) throw new Error(`${label} answered ${response.status}: ${await response.text()}`);
      return response.arrayBuffer();
    };
    await throughput(queries.slice(0, 32), 16, post); // warm-up
    const { requestsPerSecond, latency } = await throughput(queries, 16, post);
    results[`HTTP: ${label}`] = { requestsPerSecond, p50: latency.p50, p99: latency.p99 };
    await server.close();
  }
  const database = await getDatabase();
  const embedded = await Promise.all(queries.map(async (query) => ({
    query, embedding: (await embedder.embed([matchQueryTexts({ intent: query.intent }).embedding]))[0],
  })));
  const sqlOnly = ({ query, embedding }: (typeof embedded)[number]) => withUser(database, world.claims, (transaction) =>
    matchPatternsWithDetails({
      transaction, projectId: world.projectId, embedding, queryText: query.intent, filters: query.filters,
      limit: 5, minSimilarity: 0, occurrenceLimit: 50,
    }));
  await throughput(embedded.slice(0, 32), 16, sqlOnly);
  const sql = await throughput(embedded, 16, sqlOnly);
  results["no HTTP: match statement in the caller's transaction"] = { requestsPerSecond: sql.requestsPerSecond, p50: sql.latency.p50, p99: sql.latency.p99 };
  return results;
}
