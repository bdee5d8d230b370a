// Random edit sequences over real code, for the tests that check an incremental computation
// against a whole one (clustering memory, incremental ingest).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { detectLanguage } from "@/lib/extract/syntax-tree";

// Real code to edit: a small service repository and the pattern fixtures (retries, caches,
// repositories, near copies and decoys), in Python, TypeScript and JavaScript.
const sources = ["tests/fixtures/repos/python-service", "tests/fixtures/repos/ts-service", "tests/fixtures/python/patterns", "tests/fixtures/python/units", "tests/fixtures/typescript/patterns", "tests/fixtures/javascript/patterns"];

async function listFiles(root: string, relative = ""): Promise<string[]> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? listFiles(root, path.posix.join(relative, entry.name)) : [path.posix.join(relative, entry.name)])));
  return nested.flat().filter((file) => detectLanguage(file)).sort();
}

/** The starting repository: path → source. */
export async function startingTree(): Promise<Map<string, string>> {
  const tree = new Map<string, string>();
  for (const root of sources) {
    for (const file of await listFiles(root)) tree.set(path.posix.join(path.basename(root), file), await readFile(path.join(root, file), "utf8"));
  }
  return tree;
}

/** A small seeded generator (mulberry32): the same edit sequence on every run. */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] };
}

// Top-level Python definitions: from a `def`/`class` line to the next line that starts a statement at column 0.
function topLevelBlocks(source: string): { start: number; end: number; name: string }[] {
  const lines = source.split("\n");
  const blocks: { start: number; end: number; name: string }[] = [];
  lines.forEach((line, index) => {
    const match = /^(?:async\s+)?(?:def|class)\s+(\w+)/.exec(line);
    if (!match) return;
    let end = index + 1;
    while (end < lines.length && (lines[end] === "" || /^\s/.test(lines[end]))) end++;
    blocks.push({ start: index, end, name: match[1] });
  });
  return blocks;
}

export type RandomSource = ReturnType<typeof randomSource>;

type Edit = (tree: Map<string, string>, random: RandomSource, step: number) => string | null;

const pythonFiles = (tree: Map<string, string>) => [...tree.keys()].filter((file) => file.endsWith(".py") && topLevelBlocks(tree.get(file)!).length > 0);

const edits: Record<string, Edit> = {
  // A definition copied into another file: a recurring shape, a group that grows and moves in the greedy order.
  copy(tree, random) {
    const from = random.pick(pythonFiles(tree));
    const to = random.pick(pythonFiles(tree));
    const block = random.pick(topLevelBlocks(tree.get(from)!));
    const text = tree.get(from)!.split("\n").slice(block.start, block.end).join("\n");
    tree.set(to, `${tree.get(to)!.trimEnd()}\n\n\n${text}\n`);
    return `copy ${block.name} from ${from} to ${to}`;
  },
  // A near copy: the same definition under another name with one statement more.
  nearCopy(tree, random, step) {
    const from = random.pick(pythonFiles(tree));
    const block = random.pick(topLevelBlocks(tree.get(from)!).filter((candidate) => candidate.end - candidate.start > 3));
    if (!block) return null;
    const lines = tree.get(from)!.split("\n").slice(block.start, block.end);
    const indent = /^\s+/.exec(lines.find((line, index) => index > 0 && line.trim()) ?? "    ")?.[0] ?? "    ";
    const renamed = [lines[0].replace(block.name, `${block.name}_variant_${step}`), `${indent}trace = ${step}`, ...lines.slice(1)];
    const to = random.pick(pythonFiles(tree));
    tree.set(to, `${tree.get(to)!.trimEnd()}\n\n\n${renamed.join("\n")}\n`);
    return `near copy of ${block.name} into ${to}`;
  },
  remove(tree, random) {
    const file = random.pick(pythonFiles(tree));
    const block = random.pick(topLevelBlocks(tree.get(file)!));
    const lines = tree.get(file)!.split("\n");
    tree.set(file, [...lines.slice(0, block.start), ...lines.slice(block.end)].join("\n"));
    return `remove ${block.name} from ${file}`;
  },
  // Every mention in the file: callers elsewhere stop resolving, a repository-wide unique name appears.
  rename(tree, random, step) {
    const file = random.pick(pythonFiles(tree));
    const block = random.pick(topLevelBlocks(tree.get(file)!));
    tree.set(file, tree.get(file)!.replace(new RegExp(`\\b${block.name}\\b`, "g"), `${block.name}_renamed_${step}`));
    return `rename ${block.name} in ${file}`;
  },
  // A statement more at the top of a definition's body: its shape changes.
  tweak(tree, random, step) {
    const file = random.pick(pythonFiles(tree));
    const block = random.pick(topLevelBlocks(tree.get(file)!));
    const lines = tree.get(file)!.split("\n");
    const body = lines.slice(block.start + 1, block.end).find((line) => line.trim());
    if (!body || /^\s*(@|"""|''')/.test(body)) return null;
    const indent = /^\s+/.exec(body)?.[0] ?? "    ";
    lines.splice(block.start + 1, 0, `${indent}checked_${step} = len(str(${step}))`);
    tree.set(file, lines.join("\n"));
    return `tweak ${block.name} in ${file}`;
  },
  // A new function calling one defined in another file, by its bare name.
  call(tree, random, step) {
    const from = random.pick(pythonFiles(tree));
    const target = random.pick(topLevelBlocks(tree.get(from)!));
    const to = random.pick(pythonFiles(tree));
    tree.set(to, `${tree.get(to)!.trimEnd()}\n\n\ndef use_${target.name}_${step}(value):\n    result = ${target.name}(value)\n    if result is None:\n        raise ValueError(value)\n    return result\n`);
    return `call ${target.name} from ${to}`;
  },
  // A new file (the set of paths changes: modules may resolve elsewhere).
  addFile(tree, random, step) {
    const from = random.pick([...tree.keys()]);
    const to = from.replace(/\/([^/]+)$/, `/copy_${step}/$1`);
    tree.set(to, tree.get(from)!);
    return `add ${to}`;
  },
  deleteFile(tree, random) {
    if (tree.size < 10) return null;
    const file = random.pick([...tree.keys()]);
    tree.delete(file);
    return `delete ${file}`;
  },
};

/** Applies one random edit to the tree; returns what it did, or null when the drawn edit did not apply. */
export function applyRandomEdit(tree: Map<string, string>, random: RandomSource, step: number): string | null {
  return edits[random.pick(Object.keys(edits))](tree, random, step);
}
