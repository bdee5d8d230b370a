// The folder rules of STYLE.md as one ESLint rule, so `npm run lint` enforces them:
// - outside a capability folder of lib/, import it only through its index (`@/lib/<capability>`);
// - lib/domain imports nothing else from lib/;
// - lib/ never imports app/ or components/;
// - lib/extract, lib/embed and lib/quality never import lib/db (they compute; they do not store);
// - app/ (pages and route handlers) never imports lib/db: it goes through a capability folder.
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

// Second public faces a capability declares on purpose (browser code that must not pull the server
// side in; `motif ingest` sending its files to a running server, which must not load the database,
// the parsers or the clustering: discovery and the ingest's client side).
const publicEntries = new Set(["realtime/client", "ingest/client", "extract/discover"]);
const pureCapabilities = new Set(["extract", "embed", "quality"]);

/** The repository-relative path an import names, or null for a package. */
function targetOf(specifier, fromFile) {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return path.relative(root, path.resolve(path.dirname(fromFile), specifier)).split(path.sep).join("/");
  return null;
}

function stripExtension(target) {
  return target.replace(/\/index(\.[cm]?[jt]sx?)?$/, "").replace(/\.[cm]?[jt]sx?$/, "");
}

/** Why an import from `source` (repository-relative) to `target` crosses a boundary, or null. */
export function boundaryViolation(source, target) {
  const [sourceTop, sourceCapability] = source.split("/");
  const [targetTop, targetCapability, ...inside] = stripExtension(target).split("/");
  const fromLib = sourceTop === "lib";
  if (fromLib && (targetTop === "app" || targetTop === "components")) return `lib/ never imports ${targetTop}/`;
  if (targetTop !== "lib" || !targetCapability) return null;
  if (fromLib && sourceCapability === targetCapability) return null;
  if (fromLib && sourceCapability === "domain") return "lib/domain imports nothing else from lib/ (types and schemas only)";
  if (fromLib && pureCapabilities.has(sourceCapability) && targetCapability === "db") return `lib/${sourceCapability} never imports lib/db`;
  if (sourceTop === "app" && targetCapability === "db") return "app/ never imports lib/db: call the capability folder that owns the work";
  if (inside.length > 0 && !publicEntries.has(`${targetCapability}/${inside.join("/")}`)) {
    return `deep import: import "@/lib/${targetCapability}" (its index.ts), not "${stripExtension(target)}"`;
  }
  return null;
}

/** @type {import("eslint").Rule.RuleModule} */
const importBoundaries = {
  meta: { type: "problem", docs: { description: "Enforces Motif's folder boundaries (STYLE.md)" }, schema: [] },
  create(context) {
    const source = path.relative(root, context.filename).split(path.sep).join("/");
    function check(node) {
      const specifier = node.source?.value;
      if (typeof specifier !== "string") return;
      const target = targetOf(specifier, context.filename);
      const violation = target === null ? null : boundaryViolation(source, target);
      if (violation) context.report({ node: node.source, message: violation });
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

/** The local plugin: `motif/import-boundaries`. */
export default { rules: { "import-boundaries": importBoundaries } };
