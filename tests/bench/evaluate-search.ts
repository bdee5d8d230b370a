/**
 * Search-quality evaluation of the built-in embedder: developer intents
 * (tests/fixtures/intents/*.json) against the units of real open-source code on this
 * machine (the Python standard library, packages under node_modules), plus distractor
 * units from the same roots. Prints the top-5 hit rate overall and for the intents that
 * share no word with their target's identifiers (a claim this harness checks).
 *
 *   npx tsx tests/bench/evaluate-search.ts [--verbose] [--json]
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { createBuiltinProvider, embeddingTextForUnit, splitIdentifier, stemWord } from "@/lib/embed";
import { textFeatures } from "@/lib/embed/text-features";
import type { CodeUnit, FileExtraction, Language } from "@/lib/extract/types";
import { createParser, detectLanguage, type SyntaxNode } from "@/lib/parse";

const repository = path.resolve(import.meta.dirname, "../..");
const roots: Record<string, string> = {
  "python-stdlib": execFileSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" }).trim(),
  node_modules: path.join(repository, "node_modules"),
};

const targetSchema = z.object({ root: z.enum(["python-stdlib", "node_modules"]), file: z.string(), qualname: z.string() });
const intentSchema = z.object({
  intent: z.string().min(3),
  targets: z.array(targetSchema).min(1),
  no_shared_words: z.boolean().default(false),
});
type Intent = z.infer<typeof intentSchema> & { source: string };
type Target = z.infer<typeof targetSchema>;

/** Distractor files: whole modules from the same roots that no intent points at. */
const distractors: Target[] = [
  ...["poplib.py", "calendar.py", "locale.py", "gettext.py", "plistlib.py"].map(
    (file) => ({ root: "python-stdlib" as const, file, qualname: "" }),
  ),
  ...["semver/classes/range.js", "commander/lib/command.js", "debug/src/common.js", "picomatch/lib/parse.js"].map(
    (file) => ({ root: "node_modules" as const, file, qualname: "" }),
  ),
];

function loadIntents(): Intent[] {
  const directory = path.join(repository, "tests/fixtures/intents");
  return readdirSync(directory)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .flatMap((name) => {
      const list = z.array(intentSchema).parse(JSON.parse(readFileSync(path.join(directory, name), "utf8")));
      return list.map((intent) => ({ ...intent, source: name }));
    });
}

type ExtractFile = (input: { file: string; source: string; language: Language }) => Promise<FileExtraction>;

// Until lib/extract/extract-file.ts lands, a small tree-sitter walk stands in for it: it
// finds functions, methods and classes with their names, docstrings, parameters and calls.
async function loadExtractFile(): Promise<ExtractFile> {
  const modulePath = "@/lib/extract/extract-file";
  try {
    const module = (await import(/* @vite-ignore */ modulePath)) as { extractFile: ExtractFile };
    return module.extractFile;
  } catch {
    console.log("(lib/extract/extract-file.ts not available yet: using the interim tree-sitter walk)");
    return interimExtractFile;
  }
}

const definitionTypes = new Set(["function_definition", "class_definition", "function_declaration", "generator_function_declaration", "class_declaration", "method_definition"]);
const anonymousFunctionTypes = new Set(["arrow_function", "function_expression", "function", "class"]);

function definitionName(node: SyntaxNode): string | undefined {
  if (definitionTypes.has(node.type)) return node.childForFieldName("name")?.text;
  if (!anonymousFunctionTypes.has(node.type) || !node.parent) return undefined;
  const parent = node.parent;
  if (parent.type === "variable_declarator") return parent.childForFieldName("name")?.text;
  if (parent.type === "assignment_expression") return parent.childForFieldName("left")?.text.split(".").pop();
  if (parent.type === "pair") return parent.childForFieldName("key")?.text;
  return undefined;
}

function docstringOf(node: SyntaxNode, language: Language): string | undefined {
  if (language === "python") {
    const first = node.childForFieldName("body")?.namedChildren[0];
    const literal = first?.type === "expression_statement" ? first.namedChildren[0] : undefined;
    return literal?.type === "string" ? literal.text.replace(/^[rbuf]*("""|\'\'\'|"|')|("""|\'\'\'|"|')$/g, "").trim() : undefined;
  }
  let holder: SyntaxNode | null = node;
  while (holder?.parent && !["program", "class_body", "statement_block"].includes(holder.parent.type)) holder = holder.parent;
  const previous = holder?.previousNamedSibling;
  return previous?.type === "comment" && previous.text.startsWith("/**") ? previous.text.replace(/^\/\*\*|\*\/$|^\s*\* ?/gm, "").trim() : undefined;
}

function callsIn(node: SyntaxNode): string[] {
  const calls = node.descendantsOfType(["call", "call_expression"]).map((call) => call?.childForFieldName("function")?.text ?? "");
  return [...new Set(calls.filter((call) => call && call.length < 60))];
}

function parametersOf(node: SyntaxNode): CodeUnit["parameters"] {
  const list = node.childForFieldName("parameters") ?? node.childForFieldName("parameter");
  if (!list) return [];
  const names = list.type === "identifier" ? [list] : list.namedChildren.map((child) => (child?.type === "identifier" ? child : child?.descendantsOfType("identifier")[0]));
  return names.filter((name): name is SyntaxNode => Boolean(name)).map((name) => ({ name: name.text, hasDefault: false }));
}

async function interimExtractFile(input: { file: string; source: string; language: Language }): Promise<FileExtraction> {
  const parser = await createParser(input.language);
  const tree = parser.parse(input.source);
  const units: CodeUnit[] = [];
  const visit = (node: SyntaxNode, scope: { qualname: string; isClass: boolean } | undefined) => {
    const name = definitionName(node);
    let inner = scope;
    if (name) {
      const isClass = node.type.startsWith("class");
      const qualname = scope ? `${scope.qualname}.${name}` : name;
      const kind = isClass ? "class" : scope?.isClass ? "method" : "function";
      const startLine = node.startPosition.row + 1;
      units.push({
        id: `${input.file}:${startLine}:${qualname}`, file: input.file, language: input.language, kind, name, qualname, startLine,
        endLine: node.endPosition.row + 1, signature: "", parameters: parametersOf(node), docstring: docstringOf(node, input.language),
        decorators: [], bases: [], calls: callsIn(node), importsUsed: [], isAsync: node.text.startsWith("async"), isGenerator: false,
        parentQualname: scope?.qualname, code: node.text, patterns: [], fingerprint: "",
        metrics: { cyclomatic: 0, cognitive: 0, maxNesting: 0, parameterCount: 0, linesOfCode: 0 },
      });
      inner = { qualname, isClass };
    }
    for (const child of node.namedChildren) if (child) visit(child, inner);
  };
  visit(tree!.rootNode, undefined);
  return { file: input.file, language: input.language, imports: {}, units, lines: input.source.split("\n").length, bytes: input.source.length };
}

async function extractTargetFiles(files: Target[], extractFile: ExtractFile): Promise<CodeUnit[]> {
  const units: CodeUnit[] = [];
  for (const { root, file } of files) {
    const language = detectLanguage(file);
    if (!language) throw new Error(`not a source file: ${file}`);
    const source = readFileSync(path.join(roots[root], file), "utf8");
    const extraction = await extractFile({ file: `${root}/${file}`, source, language });
    units.push(...extraction.units);
  }
  return units;
}

// Identifiers only: comments and string literals removed, then every name split into
// stemmed words. An intent "shares no word" when none of its stems is among these.
function identifierStems(code: string, language: Language): Set<string> {
  const withoutStrings =
    language === "python"
      ? code.replace(/("""|''')[\s\S]*?\1|#[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, " ")
      : code.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|`(?:\\.|[^`\\])*`|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, " ");
  return new Set(splitIdentifier(withoutStrings).filter((word) => !keywords.has(word)).map(stemWord));
}

// Language keywords are syntax, not identifiers: "return" in an intent is plain English.
const keywords = new Set(
  `and as assert async await break case catch class const continue def del do elif else except export extends
  false finally for from function global if import in is lambda let new none nonlocal not null or pass raise
  return self switch this throw true try typeof var void while with yield`.split(/\s+/),
);

const meaningless = new Set(["a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "it", "is", "with", "by", "from", "as", "at", "be", "that", "this", "so", "my", "its", "into", "if"].map(stemWord));

function sharedWords(intent: Intent, target: CodeUnit): string[] {
  const stems = identifierStems(target.code, target.language);
  return splitIdentifier(intent.intent).map(stemWord).filter((stem) => !meaningless.has(stem) && stems.has(stem));
}

function cosine(left: Float32Array, right: Float32Array): number {
  let dot = 0;
  for (let index = 0; index < left.length; index++) dot += left[index] * right[index];
  return dot;
}

// A plain BM25 over the same stemmed words, standing in for the SQL full-text side of the
// hybrid match; fused with the vector ranking by reciprocal rank fusion (k = 60).
function bm25Scorer(documents: string[][]): (query: string[]) => number[] {
  const frequencies = documents.map((words) => {
    const counts = new Map<string, number>();
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
    return counts;
  });
  const documentFrequency = new Map<string, number>();
  for (const counts of frequencies) for (const word of counts.keys()) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  const averageLength = documents.reduce((sum, words) => sum + words.length, 0) / documents.length;
  return (query) =>
    frequencies.map((counts, index) => {
      let score = 0;
      for (const word of new Set(query)) {
        const frequency = counts.get(word) ?? 0;
        if (!frequency) continue;
        const idf = Math.log(1 + (documents.length - (documentFrequency.get(word) ?? 0) + 0.5) / ((documentFrequency.get(word) ?? 0) + 0.5));
        score += (idf * frequency * 2.2) / (frequency + 1.2 * (0.25 + (0.75 * documents[index].length) / averageLength));
      }
      return score;
    });
}

function ranksOf(scores: number[]): number[] {
  const order = scores.map((score, index) => ({ score, index })).sort((left, right) => right.score - left.score);
  const ranks = new Array<number>(scores.length);
  order.forEach((entry, rank) => (ranks[entry.index] = entry.score > 0 ? rank + 1 : Number.POSITIVE_INFINITY));
  return ranks;
}

function meaningfulStems(text: string): string[] {
  return splitIdentifier(text).map(stemWord).filter((stem) => !meaningless.has(stem) && !keywords.has(stem));
}

function unitKey(unit: { file: string; qualname: string }): string {
  return `${unit.file}#${unit.qualname}`;
}

// `--list <root>/<file>` prints a file's units and qualnames, for writing intents.
async function listUnits(spec: string): Promise<void> {
  const [root, ...rest] = spec.split("/");
  const units = await extractTargetFiles([{ root: targetSchema.shape.root.parse(root), file: rest.join("/"), qualname: "" }], await loadExtractFile());
  for (const unit of units) console.log(`${unit.startLine}\t${unit.kind}\t${unit.qualname}\t${(unit.docstring ?? "").split("\n")[0].slice(0, 80)}`);
}

// `--explain <root>/<file>#<qualname> "<intent>"` prints a unit's embedding text and the features it shares with an intent.
async function explain(spec: string, intent: string): Promise<void> {
  const [location, qualname] = spec.split("#");
  const [root, ...rest] = location.split("/");
  const units = await extractTargetFiles([{ root: targetSchema.shape.root.parse(root), file: rest.join("/"), qualname }], await loadExtractFile());
  const unit = units.find((candidate) => candidate.qualname === qualname);
  if (!unit) throw new Error(`no unit ${qualname} in ${location}`);
  const text = embeddingTextForUnit(unit);
  const unitFeatures = textFeatures(text);
  const intentFeatures = textFeatures(intent);
  const shared = [...intentFeatures].filter(([key]) => unitFeatures.has(key)).map(([key, weight]) => `${key} ${weight.toFixed(2)}/${unitFeatures.get(key)?.toFixed(2)}`);
  const [left, right] = await createBuiltinProvider().embed([intent, text]);
  console.log(`${text}\n\nintent features: ${[...intentFeatures.keys()].join(" ")}\nshared: ${shared.join(", ")}\ncosine ${cosine(left, right).toFixed(3)}, unit features ${unitFeatures.size}`);
}

async function main(): Promise<void> {
  const listed = process.argv.indexOf("--list");
  if (listed > 0) return listUnits(process.argv[listed + 1]);
  const explained = process.argv.indexOf("--explain");
  if (explained > 0) return explain(process.argv[explained + 1], process.argv[explained + 2]);
  const verbose = process.argv.includes("--verbose");
  const intents = loadIntents();
  const extractFile = await loadExtractFile();
  const targetFiles = new Map<string, Target>();
  for (const intent of intents) for (const target of intent.targets) targetFiles.set(`${target.root}/${target.file}`, target);
  const started = performance.now();
  const units = await extractTargetFiles([...targetFiles.values(), ...distractors.filter((file) => !targetFiles.has(`${file.root}/${file.file}`))], extractFile);
  const extractedMs = performance.now() - started;
  const byKey = new Map(units.map((unit) => [unitKey(unit), unit]));

  const provider = createBuiltinProvider();
  const embedStarted = performance.now();
  const vectors = await provider.embed(units.map(embeddingTextForUnit));
  const embedMs = performance.now() - embedStarted;

  const lexical = bm25Scorer(units.map((unit) => meaningfulStems(embeddingTextForUnit(unit))));
  const problems: string[] = [];
  let fusedHits = 0;
  let fusedNoSharedHits = 0;
  let hits = 0;
  let noSharedHits = 0;
  let noSharedTotal = 0;
  const rows: string[] = [];
  for (const intent of intents) {
    const targets = intent.targets.map((target) => byKey.get(unitKey({ file: `${target.root}/${target.file}`, qualname: target.qualname })));
    const missing = intent.targets.filter((_, index) => !targets[index]);
    if (missing.length > 0) {
      problems.push(`${intent.source}: "${intent.intent}": no unit ${missing.map((target) => `${target.file}#${target.qualname}`).join(", ")}`);
      continue;
    }
    if (intent.no_shared_words) {
      const shared = targets.flatMap((target) => sharedWords(intent, target as CodeUnit));
      if (shared.length > 0) problems.push(`${intent.source}: "${intent.intent}" is marked no_shared_words but shares ${[...new Set(shared)].join(", ")}`);
    }
    const [query] = await provider.embed([intent.intent]);
    const ranked = units
      .map((unit, index) => ({ unit, score: cosine(query, vectors[index]) }))
      .sort((left, right) => right.score - left.score);
    const wanted = new Set(targets.map((target) => unitKey(target as CodeUnit)));
    const rank = ranked.findIndex((entry) => wanted.has(unitKey(entry.unit))) + 1;
    const hit = rank >= 1 && rank <= 5;
    const vectorRanks = ranksOf(units.map((_, index) => cosine(query, vectors[index])));
    const lexicalRanks = ranksOf(lexical(meaningfulStems(intent.intent)));
    const fused = units.map((unit, index) => ({ unit, score: 1 / (60 + vectorRanks[index]) + 1 / (60 + lexicalRanks[index]) }));
    fused.sort((left, right) => right.score - left.score);
    const fusedHit = fused.slice(0, 5).some((entry) => wanted.has(unitKey(entry.unit)));
    hits += hit ? 1 : 0;
    fusedHits += fusedHit ? 1 : 0;
    if (intent.no_shared_words) {
      noSharedTotal += 1;
      noSharedHits += hit ? 1 : 0;
      fusedNoSharedHits += fusedHit ? 1 : 0;
    }
    if (verbose || !hit) {
      const top = ranked.slice(0, 3).map((entry) => `${entry.unit.qualname} ${entry.score.toFixed(2)}`).join(" | ");
      rows.push(`${hit ? "HIT " : "MISS"} rank ${String(rank).padStart(4)} ${intent.no_shared_words ? "[no-shared] " : ""}${intent.intent}\n       top: ${top}`);
    }
  }
  const evaluated = intents.length - problems.filter((problem) => problem.includes(": no unit ")).length;
  console.log(rows.join("\n"));
  if (problems.length > 0) console.log(`\nProblems:\n${problems.join("\n")}`);
  console.log(
    [
      "",
      `units: ${units.length} (from ${targetFiles.size} target files and ${distractors.length} distractor files), extracted in ${extractedMs.toFixed(0)} ms, embedded in ${embedMs.toFixed(0)} ms`,
      `intents: ${evaluated} evaluated, ${noSharedTotal} share no word with their target's identifiers`,
      `top-5 hit rate overall: ${hits}/${evaluated} = ${((100 * hits) / evaluated).toFixed(1)}%`,
      `top-5 hit rate, no shared words: ${noSharedHits}/${noSharedTotal} = ${((100 * noSharedHits) / Math.max(1, noSharedTotal)).toFixed(1)}%`,
      `with BM25 fused by RRF: overall ${fusedHits}/${evaluated} = ${((100 * fusedHits) / evaluated).toFixed(1)}%, no shared words ${fusedNoSharedHits}/${noSharedTotal} = ${((100 * fusedNoSharedHits) / Math.max(1, noSharedTotal)).toFixed(1)}%`,
    ].join("\n"),
  );
  if (problems.length > 0) process.exitCode = 1;
}

await main();
