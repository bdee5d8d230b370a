/**
 * Agreement of Motif's JS/TS cyclomatic complexity with ESLint's `complexity` rule, on real
 * code outside this repository.
 *
 *   npx tsx tests/bench/compare-eslint.ts [dir ...]
 *
 * Without arguments it reads the hand-written sources of packages installed under
 * node_modules (zod, @tanstack/query-core, @supabase/*, eslint, commander, postgres, ...).
 * ESLint runs through its Linter API (typescript-eslint's parser for TS) with
 * `complexity: ["error", 0]`, so every function is reported with its complexity. A small
 * recording rule in the same run notes each function's name binding, so that each reported
 * function is matched to the unit with the same name ending on the same line.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Linter, type Rule } from "eslint";
import tseslint from "typescript-eslint";
import { extractFile } from "@/lib/extract/extract-file";
import { detectLanguage } from "@/lib/extract/syntax-tree";

const defaultRoots = [
  "zod/src",
  "@tanstack/query-core/src",
  "@supabase/auth-js/src",
  "@supabase/postgrest-js/src",
  "@supabase/supabase-js/src",
  "eslint/lib",
  "commander/lib",
  "postgres/src",
  "fast-xml-parser/src",
  "jose/dist/webapi",
].map((root) => path.join("node_modules", root));

interface EslintFunction {
  headLine: number;
  headColumn: number;
  endLine: number;
  /** The name it is bound to (key, variable, assignment target, own name), or undefined. */
  binding?: string;
  /** Its own name when it has one besides the binding (`const x = function y() {}`). */
  ownName?: string;
  kind: string;
}

const recorded: EslintFunction[] = [];

// Mirrors ESLint's getFunctionHeadLoc, so recorded functions line up with complexity reports.
const recordFunctions: Rule.RuleModule = {
  create(context) {
    const record = (node: Rule.Node) => {
      const fn = node as unknown as { type: string; id?: { name: string } | null; body: Rule.Node; loc: { start: { line: number; column: number }; end: { line: number } } };
      const parent = node.parent as unknown as { type: string; key?: { type: string; name?: string; value?: unknown }; computed?: boolean; kind?: string; id?: { type: string; name: string }; left?: { type: string; name?: string; property?: { name?: string }; computed?: boolean }; right?: unknown };
      let head = fn.loc.start;
      if (["Property", "MethodDefinition", "PropertyDefinition"].includes(parent.type)) head = (node.parent as unknown as { loc: typeof fn.loc }).loc.start;
      else if (fn.type === "ArrowFunctionExpression") {
        const arrow = context.sourceCode.getTokenBefore(fn.body as never, { filter: (token) => token.value === "=>" });
        if (arrow) head = arrow.loc.start;
      }
      recorded.push({ headLine: head.line, headColumn: head.column, endLine: fn.loc.end.line, binding: bindingOf(fn, parent), ownName: fn.id?.name, kind: parent.kind ?? fn.type });
    };
    return { FunctionDeclaration: record, FunctionExpression: record, ArrowFunctionExpression: record };
  },
};

function bindingOf(fn: { id?: { name: string } | null }, parent: { type: string; key?: { type: string; name?: string; value?: unknown }; computed?: boolean; id?: { type: string; name: string }; left?: { type: string; name?: string; property?: { name?: string }; computed?: boolean }; right?: unknown }): string | undefined {
  if (["Property", "MethodDefinition", "PropertyDefinition"].includes(parent.type) && parent.key) {
    if (parent.key.type === "PrivateIdentifier") return `#${parent.key.name}`;
    if (!parent.computed && parent.key.type === "Identifier") return parent.key.name;
    if (parent.key.type === "Literal") return String(parent.key.value);
    return undefined;
  }
  if (parent.type === "VariableDeclarator" && parent.id?.type === "Identifier") return parent.id.name;
  if (parent.type === "AssignmentExpression" && parent.left) {
    if (parent.left.type === "Identifier") return parent.left.name;
    if (parent.left.type === "MemberExpression" && !parent.left.computed) {
      const property = parent.left.property as { type?: string; name?: string } | undefined;
      return property?.type === "PrivateIdentifier" ? `#${property.name}` : property?.name;
    }
  }
  if (fn.id) return fn.id.name;
  if (parent.type === "ExportDefaultDeclaration") return "default";
  return undefined;
}

function sourceFiles(root: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(root)) {
    const full = path.join(root, entry);
    if (statSync(full).isDirectory()) {
      if (entry !== "node_modules" && !entry.startsWith(".")) files.push(...sourceFiles(full));
    } else if (detectLanguage(full) && !/\.d\.[cm]?ts$|\.min\.js$/.test(full)) files.push(full);
  }
  return files.sort();
}

function eslintConfig(file: string): Linter.Config[] {
  const language = detectLanguage(file);
  const isTypeScript = language === "typescript" || language === "tsx";
  return [
    {
      files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
      plugins: { motif: { rules: { functions: recordFunctions } } },
      languageOptions: {
        ...(isTypeScript ? { parser: tseslint.parser as Linter.Parser } : {}),
        ecmaVersion: "latest",
        sourceType: file.endsWith(".cjs") ? "commonjs" : "module",
        parserOptions: { ecmaFeatures: { jsx: language === "tsx" || file.endsWith(".jsx") } },
      },
      rules: { complexity: ["error", 0], "motif/functions": "error" },
    },
  ];
}

interface Tally {
  functions: number;
  found: number;
  equal: number;
  mismatches: string[];
}

const newTally = (): Tally => ({ functions: 0, found: 0, equal: 0, mismatches: [] });

function eslintFunctions(linter: Linter, file: string, source: string): { fn: EslintFunction; complexity: number; named: boolean }[] | undefined {
  recorded.length = 0;
  // ESLint ignores anything under node_modules by name, so it sees the file under a neutral path.
  const messages = linter.verify(source, eslintConfig(file), `corpus/${path.basename(file)}`);
  if (messages.some((message) => message.fatal)) return undefined;
  const byHead = new Map(recorded.map((fn) => [`${fn.headLine}:${fn.headColumn}`, fn]));
  const found: { fn: EslintFunction; complexity: number; named: boolean }[] = [];
  for (const message of messages) {
    if (message.ruleId !== "complexity") continue;
    const fn = byHead.get(`${message.line}:${message.column - 1}`);
    const match = /has a complexity of (\d+)/.exec(message.message);
    // Field initializers and static blocks are code paths, not functions: no unit to compare.
    if (!fn || !match) continue;
    found.push({ fn, complexity: Number(match[1]), named: /'[^']*'|#\S+/.test(message.message.split(" has a complexity")[0]) });
  }
  return found;
}

async function compareFile(linter: Linter, file: string, tallies: { named: Tally; bound: Tally }): Promise<boolean> {
  const source = readFileSync(file, "utf8");
  const reported = eslintFunctions(linter, file, source);
  if (!reported) return false;
  const language = detectLanguage(file)!;
  const extraction = await extractFile({ file, source, language });
  const units = new Map<string, number>();
  for (const unit of extraction.units) if (unit.kind !== "class") units.set(`${unit.endLine}:${unit.name}`, unit.metrics.cyclomatic);
  for (const { fn, complexity, named } of reported) {
    if (fn.binding === undefined) continue;
    const ours = units.get(`${fn.endLine}:${fn.binding}`) ?? units.get(`${fn.endLine}:${fn.ownName}`);
    for (const tally of named ? [tallies.named, tallies.bound] : [tallies.bound]) {
      tally.functions++;
      if (ours === undefined) {
        tally.mismatches.push(`missing ${file}:${fn.headLine} ${fn.binding} (eslint ${complexity})`);
        continue;
      }
      tally.found++;
      if (ours === complexity) tally.equal++;
      else tally.mismatches.push(`differs ${file}:${fn.headLine} ${fn.binding}: eslint ${complexity}, motif ${ours}`);
    }
  }
  return true;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(2)}%`;
}

async function main(): Promise<void> {
  const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2) : defaultRoots;
  const files = roots.flatMap((root) => sourceFiles(root));
  const linter = new Linter({ configType: "flat" });
  const tallies = { named: newTally(), bound: newTally() };
  let skipped = 0;
  for (const file of files) if (!(await compareFile(linter, file, tallies))) skipped++;
  console.log(`files: ${files.length - skipped} compared, ${skipped} ESLint could not parse`);
  for (const [label, tally] of [["ESLint-named functions/methods/constructors/accessors", tallies.named], ["all functions bound to a name", tallies.bound]] as const) {
    console.log(`${label}: ${tally.functions}; found as units ${percent(tally.found, tally.functions)}; CC equal ${percent(tally.equal, tally.found)} of found`);
  }
  const shown = tallies.bound.mismatches.slice(0, Number(process.env.SHOW_MISMATCHES ?? 20));
  if (shown.length > 0) console.log(`first ${shown.length} of ${tallies.bound.mismatches.length} differences:\n  ${shown.join("\n  ")}`);
}

await main();
