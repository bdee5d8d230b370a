// The floor of any extractor built on web-tree-sitter: the same files, the same grammars,
// the same number of worker threads, and nothing but parsing (no units, metrics, detectors,
// clustering or output). Plain JavaScript, so no TypeScript loader adds to its start-up.
//
//   node tests/bench/support/parse-only.mjs <folder> <threads>   prints {files, bytes, nodes}
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

function sourceFiles(folder) {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && path.extname(entry.name) in grammars)
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function parseShare(files) {
  const { Language, Parser } = await import("web-tree-sitter");
  await Parser.init();
  const parsers = new Map();
  let nodes = 0;
  let bytes = 0;
  for (const file of files) {
    const grammar = grammars[path.extname(file)];
    if (!parsers.has(grammar)) {
      const parser = new Parser();
      parser.setLanguage(await Language.load(readFileSync(require.resolve(grammar))));
      parsers.set(grammar, parser);
    }
    const source = readFileSync(file, "utf8");
    const tree = parsers.get(grammar).parse(source);
    nodes += tree.rootNode.descendantCount;
    bytes += Buffer.byteLength(source);
    tree.delete();
  }
  return { files: files.length, bytes, nodes };
}

if (isMainThread) {
  const [folder, threads] = [process.argv[2], Number(process.argv[3] ?? 1)];
  const shares = Array.from({ length: threads }, () => []);
  sourceFiles(folder).forEach((file, index) => shares[index % threads].push(file));
  const counts = await Promise.all(
    shares.map((files) => new Promise((resolve, reject) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: files });
      worker.once("message", resolve);
      worker.once("error", reject);
    })),
  );
  const total = counts.reduce((sum, count) => ({ files: sum.files + count.files, bytes: sum.bytes + count.bytes, nodes: sum.nodes + count.nodes }));
  process.stdout.write(`${JSON.stringify(total)}\n`);
} else {
  parentPort.postMessage(await parseShare(workerData));
}
