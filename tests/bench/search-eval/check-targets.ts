/**
 * Checks the intent fixtures without ranking anything: every target (original and
 * `added`) must name a file of the evaluation corpus and a unit the product's extractor
 * prints for that file, and each added target must lie in a file the corpus already holds
 * (a target file of some intent or a distractor). An intent marked `no_shared_words` must share
 * no word with the identifiers of its original targets (tests/bench/search-eval/shared-words.ts).
 *
 *   npx tsx tests/bench/search-eval/check-targets.ts [--intents <directory>] [--units <root>/<file>]
 *
 * `--units` prints the qualnames the extractor finds in one corpus file (for labelling).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { extractFile } from "@/lib/extract/extract-file";
import { detectLanguage } from "@/lib/extract/syntax-tree";
import type { CodeUnit } from "@/lib/domain";
import { codeRoots, distractorFiles } from "./corpus";
import { sharedWords } from "./shared-words";
import { intentSets, loadIntents, type Target } from "./intents";

const repository = path.resolve(import.meta.dirname, "../../..");
const intentsArgument = process.argv.indexOf("--intents");
const intentDirectory = intentsArgument > 0 ? path.resolve(process.argv[intentsArgument + 1] ?? "") : path.join(repository, "tests/fixtures/intents");
const roots = codeRoots(repository);

async function unitsOf(root: Target["root"], file: string): Promise<Map<string, CodeUnit>> {
  const language = detectLanguage(file);
  if (!language) throw new Error(`not a source file: ${root}/${file}`);
  const source = readFileSync(path.join(roots[root], file), "utf8");
  const extraction = await extractFile({ file: `${root}/${file}`, source, language });
  return new Map(extraction.units.map((unit) => [unit.qualname, unit]));
}

async function main(): Promise<void> {
  const unitsArgument = process.argv.indexOf("--units");
  if (unitsArgument > 0) {
    const key = process.argv[unitsArgument + 1] ?? "";
    const slash = key.indexOf("/");
    const root = key.slice(0, slash) as Target["root"];
    if (!(root in roots)) throw new Error(`--units takes <root>/<file> with root one of ${Object.keys(roots).join(", ")}`);
    for (const [qualname, unit] of await unitsOf(root, key.slice(slash + 1))) console.log(`${qualname}\t${unit.kind} ${unit.startLine}-${unit.endLine}`);
    return;
  }
  const intents = intentSets.flatMap((set) => loadIntents(intentDirectory, set));
  const corpusFiles = new Set([
    ...intents.flatMap((intent) => intent.targets.filter((target) => target.added === undefined).map((target) => `${target.root}/${target.file}`)),
    ...distractorFiles.map((file) => `${file.root}/${file.file}`),
  ]);
  const units = new Map<string, Map<string, CodeUnit>>();
  const problems: string[] = [];
  let targets = 0;
  let added = 0;
  for (const intent of intents) {
    const seen = new Set<string>();
    for (const target of intent.targets) {
      targets++;
      const key = `${target.root}/${target.file}`;
      if (target.added !== undefined) {
        added++;
        if (!corpusFiles.has(key)) problems.push(`${intent.source}: "${intent.intent}": added target in a file outside the corpus: ${key}`);
      }
      if (seen.has(`${key}#${target.qualname}`)) problems.push(`${intent.source}: "${intent.intent}": duplicate target ${key}#${target.qualname}`);
      seen.add(`${key}#${target.qualname}`);
      if (!units.has(key)) units.set(key, await unitsOf(target.root, target.file));
      const unit = units.get(key)?.get(target.qualname);
      if (!unit) {
        problems.push(`${intent.source}: "${intent.intent}": no unit ${target.qualname} in ${key}`);
        continue;
      }
      const shared = intent.no_shared_words && target.added === undefined ? sharedWords(intent.intent, unit) : [];
      if (shared.length > 0) problems.push(`${intent.source}: "${intent.intent}" is marked no_shared_words but shares ${[...new Set(shared)].join(", ")} with ${target.qualname}`);
    }
  }
  console.log(`${intents.length} intents, ${targets} targets (${added} added), ${units.size} files extracted`);
  if (problems.length > 0) {
    console.log(problems.join("\n"));
    process.exitCode = 1;
  }
}

await main();
