import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite and tree-sitter load .wasm/.data files from their own package folders at run
  // time; bundling them would break those relative paths.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-pgvector",
    "web-tree-sitter",
    "postgres",
  ],
  typedRoutes: false,
};

export default nextConfig;
