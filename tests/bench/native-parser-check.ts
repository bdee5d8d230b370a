/**
 * Would a native tree-sitter parser in Node give the trees the WebAssembly one (which Deno
 * uses) gives, and how much faster? Parses every file of a folder with both, walks each
 * native tree with its cursor, compares every node (type, named, field, start, end) with
 * Motif's mirror of the WebAssembly tree, and times parsing and walking.
 *
 *   NATIVE_TREE_SITTER_DIR=<folder whose node_modules hold tree-sitter and the grammar
 *   packages> npx tsx tests/bench/native-parser-check.ts <folder>
 *
 * The native packages are not Motif dependencies (see docs/extraction-benchmark.md).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { discoverFiles } from "@/lib/extract/discover";
import { createParser, mirrorTree, parseSource, type MirrorNode } from "@/lib/extract/syntax-tree";

interface NativeCursor {
  nodeType: string;
  nodeIsNamed: boolean;
  currentFieldName: string | null;
  startIndex: number;
  endIndex: number;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
}
interface NativeParser {
  setLanguage(language: unknown): void;
  parse(source: string): { walk(): NativeCursor };
}

const folder = process.argv[2];
const nativeDir = process.env.NATIVE_TREE_SITTER_DIR;
if (!folder || !nativeDir) throw new Error("usage: NATIVE_TREE_SITTER_DIR=<dir> npx tsx tests/bench/native-parser-check.ts <folder>");
const load = createRequire(path.join(path.resolve(nativeDir), "package.json"));
const Parser = load("tree-sitter") as new () => NativeParser;
const typescript = load("tree-sitter-typescript") as { typescript: unknown; tsx: unknown };
const grammars: Record<string, unknown> = { python: load("tree-sitter-python"), javascript: load("tree-sitter-javascript"), typescript: typescript.typescript, tsx: typescript.tsx };

function nativeNodes(cursor: NativeCursor): string[] {
  const nodes: string[] = [];
  for (;;) {
    nodes.push(`${cursor.nodeType}|${cursor.nodeIsNamed}|${cursor.currentFieldName ?? null}|${cursor.startIndex}|${cursor.endIndex}`);
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return nodes;
  }
}

const describe = (node: MirrorNode) => `${node.type}|${node.isNamed}|${node.field}|${node.startIndex}|${node.endIndex}`;
const files = (await discoverFiles({ paths: [folder], cwd: folder })).files;
const ms = { wasmParse: 0, wasmMirror: 0, nativeParse: 0, nativeWalk: 0 };
let nodes = 0;
const differing: string[] = [];
for (const file of files) {
  const source = readFileSync(file.path, "utf8");
  const parser = await createParser(file.language);
  let mark = performance.now();
  const { tree, module } = parseSource(parser, source);
  ms.wasmParse += performance.now() - mark;
  mark = performance.now();
  const root = mirrorTree(tree!, source, module);
  ms.wasmMirror += performance.now() - mark;
  tree!.delete();
  const native = new Parser();
  native.setLanguage(grammars[file.language]);
  mark = performance.now();
  const nativeTree = native.parse(source);
  ms.nativeParse += performance.now() - mark;
  mark = performance.now();
  const walked = nativeNodes(nativeTree.walk());
  ms.nativeWalk += performance.now() - mark;
  const mirrored = root.tree.nodes;
  nodes += mirrored.length;
  if (mirrored.length !== walked.length || mirrored.some((node, index) => describe(node) !== walked[index])) differing.push(file.file);
}
const rounded = Object.fromEntries(Object.entries(ms).map(([phase, value]) => [phase, Math.round(value)]));
process.stdout.write(`${JSON.stringify({ files: files.length, nodes, differing_files: differing, ms: rounded }, null, 2)}\n`);
