/**
 * A labelling aid: lists the units Motif's unit finder sees in source files (qualname, kind,
 * lines), WITHOUT running any design-pattern detector, so labels are written from reading
 * the code and use the qualnames the evaluation will look up.
 *
 *   npx tsx tests/bench/detector-eval/list-units.ts FILE... [--grep REGEX] [--code]
 *
 * --grep keeps the units whose code matches REGEX; --code prints their code (60 lines at most).
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Language, UnitKind } from "@/lib/domain";
import { createParser, detectLanguage, mirrorTree, parseSource } from "@/lib/extract/syntax-tree";
import { findUnits } from "@/lib/extract/units/find-units";

/** A unit as the unit finder sees it, before any detector. */
export interface ListedUnit {
  qualname: string;
  kind: UnitKind;
  startLine: number;
  endLine: number;
  code: string;
}

const parsers = new Map<Language, ReturnType<typeof createParser>>();

/** The units of one file (no design-pattern detection). */
export async function unitsOfFile(file: string): Promise<ListedUnit[]> {
  const language = detectLanguage(file);
  if (!language) throw new Error(`${file}: not a parsed language`);
  const source = readFileSync(file, "utf8");
  if (!parsers.has(language)) parsers.set(language, createParser(language));
  const parser = await parsers.get(language)!;
  const { tree, module } = parseSource(parser, source);
  if (!tree) throw new Error(`${file}: no syntax tree`);
  const root = mirrorTree(tree, source, module);
  tree.delete();
  return findUnits({ root, source, language }).units.map((draft) => ({
    qualname: draft.qualname,
    kind: draft.kind,
    startLine: draft.headStart.startPosition.row + 1,
    endLine: draft.node.endPosition.row + 1,
    code: source.slice(draft.headStart.startIndex, draft.node.endIndex),
  }));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const grepAt = args.indexOf("--grep");
  const pattern = grepAt >= 0 ? new RegExp(args[grepAt + 1]!, "m") : undefined;
  const showCode = args.includes("--code");
  const files = args.filter((arg, index) => !arg.startsWith("--") && (grepAt < 0 || index !== grepAt + 1));
  for (const file of files) {
    if (!detectLanguage(file)) continue;
    console.log(`== ${file}`);
    for (const unit of await unitsOfFile(file)) {
      if (pattern && !pattern.test(unit.code)) continue;
      console.log(`L${unit.startLine}-${unit.endLine} ${unit.kind} ${unit.qualname}`);
      if (showCode) console.log(unit.code.split("\n").slice(0, 60).map((line) => `    ${line}`).join("\n"));
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await main();
