import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { motifMetrics, routePatternOf, type RouteMatcher } from "@/lib/metrics";

/**
 * The route patterns of the built app (`/api/v1/patterns/[id]`, `/projects/[slug]`), from the
 * manifest `next build` writes, so that request metrics are labelled by route, not by URL.
 */
export function builtRouteMatcher(home: string): RouteMatcher {
  const manifest = path.join(home, ".next", "app-path-routes-manifest.json");
  const routes = JSON.parse(fs.readFileSync(manifest, "utf8")) as Record<string, string>;
  return routePatternOf(Object.values(routes));
}

/** Observes one request's duration, labelled by method, route pattern and status, once it is answered. */
export function observeRequest(matcher: RouteMatcher, request: http.IncomingMessage, response: http.ServerResponse): void {
  const startedAt = performance.now();
  const histogram = motifMetrics.requestDuration();
  response.once("finish", () => {
    const route = matcher(new URL(request.url ?? "/", "http://motif.invalid").pathname);
    histogram.observe({ method: request.method ?? "GET", route, status: String(response.statusCode) }, (performance.now() - startedAt) / 1000);
  });
}
