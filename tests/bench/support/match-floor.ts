// The floor under the match endpoint's throughput, measured in the same run on the same
// machine: the same requests at concurrency 16 through less and less of the stack, with the
// CPU each layer costs, so that the whole request's figure reads against what the machine
// gives at all.
//   empty route        node:http, the Request/Response conversion and the client, nothing else
//   caller + select 1  the body parsed, the API key resolved (cached), one RLS transaction
//                      as the caller (begin, claims, `select 1`, commit)
//   embed only         the body parsed and the intent embedded, no database
//   whole match route  what the benchmark measures
//   SQL only           the match statement in the caller's transaction through the same pool,
//                      without HTTP or embedding (embeddings made before)
import { POST as matchRoute } from "@/app/api/v1/patterns/match/route";
import { matchSchema } from "@/app/api/v1/patterns/match/schema";
import { asCaller, jsonResponse, parseBody } from "@/lib/http";
import { getDatabase, matchPatternsWithDetails, withUser } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { matchQueryTexts } from "@/lib/search";
import type { MatchFilters } from "@/lib/domain";
import { loadInProcess, loadOverHttp, type LoadResult } from "./load-over-http";
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

/** The JSON body of the match request for a query, as an agent sends it. */
export function matchBody(query: Query, limit = 5): string {
  return JSON.stringify({ intent: query.intent, filters: Object.keys(query.filters).length ? query.filters : undefined, limit });
}

/** Requests/s, latency and CPU at concurrency 16 through each layer of the match request. */
export async function runFloor(world: BenchWorld, queries: readonly Query[]): Promise<Record<string, LoadResult>> {
  const database = await getDatabase();
  const results: Record<string, LoadResult> = {};
  const bodies = queries.map((query) => matchBody(query));
  for (const [label, handler] of Object.entries(handlers)) {
    const server = await serveMatchRoute(handler);
    const url = `${server.url}/api/v1/patterns/match`;
    await loadOverHttp({ url, apiKey: world.apiKey, bodies: bodies.slice(0, 32), concurrency: 16 }); // warm-up
    results[`HTTP: ${label}`] = await loadOverHttp({ url, apiKey: world.apiKey, bodies, concurrency: 16, database });
    await server.close();
  }
  const embedded = await Promise.all(queries.map(async (query) => ({
    query, embedding: (await embedder.embed([matchQueryTexts({ intent: query.intent }).embedding]))[0],
  })));
  const task = ({ query, embedding }: (typeof embedded)[number]) => withUser(database, world.claims, (transaction) =>
    matchPatternsWithDetails({
      transaction, projectId: world.projectId, embedding, queryText: query.intent, filters: query.filters,
      limit: 5, minSimilarity: 0, occurrenceLimit: 50,
    }));
  await loadInProcess({ inputs: embedded.slice(0, 32), concurrency: 16, task });
  results["no HTTP: match statement in the caller's transaction"] = await loadInProcess({ inputs: embedded, concurrency: 16, task, database });
  return results;
}
