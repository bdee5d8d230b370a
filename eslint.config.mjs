// `npm run lint`: typescript-eslint's recommended rules (syntax only: no type information, so
// it stays fast), Motif's folder boundaries (eslint/import-boundaries.mjs) and no import cycles.
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";
import motif from "./eslint/import-boundaries.mjs";

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "tests/fixtures/**", ".motif/**", "supabase/functions/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mts,mjs,js}"],
    plugins: { "import-x": importX, motif },
    settings: {
      // Dependencies are parsed as TypeScript and `@/` resolves through tsconfig.json; without
      // these, import-x cannot read a dependency and sees no cycle at all.
      "import-x/extensions": [".ts", ".tsx", ".mts", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx", ".mts"] },
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "tsconfig.json" })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      // A leading underscore marks a value left out on purpose (`const { secret: _secret, ...rest }`).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    files: ["lib/**", "app/**", "components/**", "scripts/**", "bin/**"],
    rules: { "motif/import-boundaries": "error" },
  },
);
