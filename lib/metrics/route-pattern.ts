/** Maps a request path to the route pattern that serves it: a bounded label for metrics. */
export type RouteMatcher = (pathname: string) => string;

function segmentsMatch(pattern: string[], path: string[]): boolean {
  const catchAll = pattern.at(-1)?.startsWith("[...") || pattern.at(-1)?.startsWith("[[...");
  if (catchAll ? path.length < pattern.length - 1 : path.length !== pattern.length) return false;
  return pattern.every((segment, index) => segment.startsWith("[") || segment === path[index]);
}

/**
 * A matcher over an app's route patterns (`/api/v1/patterns/[id]`, as Next.js lists them):
 * static routes win over dynamic ones, as in Next.js. Next's own assets are one label, and any
 * other path is "other", so a scan of random URLs cannot blow up the number of series.
 */
export function routePatternOf(patterns: readonly string[]): RouteMatcher {
  const dynamicness = (pattern: string) => pattern.split("/").filter((segment) => segment.startsWith("[")).length;
  const ordered = [...new Set(patterns)].sort((a, b) => dynamicness(a) - dynamicness(b)).map((pattern) => ({ pattern, segments: pattern.split("/").filter(Boolean) }));
  return (pathname) => {
    if (pathname.startsWith("/_next/")) return "/_next";
    const segments = pathname.split("?")[0].split("/").filter(Boolean);
    return ordered.find((route) => segmentsMatch(route.segments, segments))?.pattern ?? "other";
  };
}
