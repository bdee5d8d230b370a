// The floor of any extractor built on web-tree-sitter: the same files, the same grammars,
// the same number of worker threads, and nothing but parsing (no units, metrics, detectors,
// clustering or output). Plain JavaScript, so no TypeScript loader adds to its start-up.
//
// With "locate", each tree is also searched once by a tree-sitter query for the least that
// any complexity pass must find: function and class definitions, calls, and the branch
// points radon and ESLint count (a subset of their rules). The query walks the tree inside
// WebAssembly, the cheapest way web-tree-sitter offers to look at every node; it reads no
// names, computes no metric and writes nothing. Its time is a floor for an extractor that
// reports units and complexity, not an estimate of one.
//
//   node tests/bench/support/parse-only.mjs <folder> <threads> [locate]
//   prints {files, bytes, nodes, located}
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

const require = createRequire(import.meta.url);
const grammars = {
  ".py": "tree-sitter-python/tree-sitter-python.wasm",
  ".ts": "tree-sitter-typescript/tree-sitter-typescript.wasm",
  ".tsx": "tree-sitter-typescript/tree-sitter-tsx.wasm",
  ".js": "tree-sitter-javascript/tree-sitter-javascript.wasm",
  ".mjs": "tree-sitter-javascript/tree-sitter-javascript.wasm",
  ".cjs": "tree-sitter-javascript/tree-sitter-javascript.wasm",
  ".jsx": "tree-sitter-javascript/tree-sitter-javascript.wasm",
};

const locateQueries = {
  python: `[(function_definition) (class_definition) (call)] @unit
    [(if_statement) (elif_clause) (for_statement) (while_statement) (except_clause) (boolean_operator)
     (conditional_expression) (for_in_clause) (if_clause) (case_clause)] @branch`,
  script: `[(function_declaration) (generator_function_declaration) (function_expression) (arrow_function)
     (method_definition) (class_declaration) (call_expression)] @unit
    [(if_statement) (for_statement) (for_in_statement) (while_statement) (do_statement) (catch_clause)
     (ternary_expression) (switch_case)] @branch
    (binary_expression operator: ["&&" "||" "??"]) @branch`,
};

function sourceFiles(folder) {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && path.extname(entry.name) in grammars)
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function parseShare(files, locate) {
  const { Language, Parser, Query } = await import("web-tree-sitter");
  await Parser.init();
  const parsers = new Map();
  const queries = new Map();
  let nodes = 0;
  let bytes = 0;
  let located = 0;
  for (const file of files) {
    const grammar = grammars[path.extname(file)];
    if (!parsers.has(grammar)) {
      const parser = new Parser();
      const language = await Language.load(readFileSync(require.resolve(grammar)));
      parser.setLanguage(language);
      parsers.set(grammar, parser);
      if (locate) queries.set(grammar, new Query(language, grammar.includes("python") ? locateQueries.python : locateQueries.script));
    }
    const source = readFileSync(file, "utf8");
    const tree = parsers.get(grammar).parse(source);
    nodes += tree.rootNode.descendantCount;
    if (locate) located += queries.get(grammar).captures(tree.rootNode).length;
    bytes += Buffer.byteLength(source);
    tree.delete();
  }
  return { files: files.length, bytes, nodes, located };
}

if (isMainThread) {
  const [folder, threads, locate] = [process.argv[2], Number(process.argv[3] ?? 1), process.argv[4] === "locate"];
  const shares = Array.from({ length: threads }, () => []);
  sourceFiles(folder).forEach((file, index) => shares[index % threads].push(file));
  const counts = await Promise.all(
    shares.map((files) => new Promise((resolve, reject) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { files, locate } });
      worker.once("message", resolve);
      worker.once("error", reject);
    })),
  );
  const total = counts.reduce((sum, count) => ({ files: sum.files + count.files, bytes: sum.bytes + count.bytes, nodes: sum.nodes + count.nodes, located: sum.located + count.located }));
  process.stdout.write(`${JSON.stringify(total)}\n`);
} else {
  parentPort.postMessage(await parseShare(workerData.files, workerData.locate));
}
