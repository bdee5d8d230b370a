import { describe, expect, it } from "vitest";
import { routePatternOf } from "@/lib/metrics";

describe("routePatternOf", () => {
  const routeOf = routePatternOf(["/api/v1/patterns/[id]", "/api/v1/patterns/match", "/projects/[slug]/patterns/[id]", "/api/v1/patterns", "/", "/docs/[...path]"]);

  it("labels a path with the route pattern that serves it, static routes first", () => {
    expect(routeOf("/api/v1/patterns/match")).toBe("/api/v1/patterns/match");
    expect(routeOf("/api/v1/patterns/5b0c2a4e-0000-4000-8000-000000000000")).toBe("/api/v1/patterns/[id]");
    expect(routeOf("/projects/shop/patterns/abc")).toBe("/projects/[slug]/patterns/[id]");
    expect(routeOf("/api/v1/patterns?limit=5")).toBe("/api/v1/patterns");
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/docs/a/b/c")).toBe("/docs/[...path]");
  });

  it("keeps unknown paths and Next.js assets to one label each", () => {
    expect(routeOf("/wp-admin/setup.php")).toBe("other");
    expect(routeOf("/api/v1/patterns/a/b")).toBe("other");
    expect(routeOf("/_next/static/chunks/app.js")).toBe("/_next");
  });
});
