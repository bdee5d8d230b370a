import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { Language } from "@/lib/domain";
import { collectPythonImports } from "./python-imports";
import { PythonWalker } from "./python-walker";
import { collectScriptImports } from "./script-imports";
import { ScriptWalker } from "./script-walker";
import type { WalkResult } from "./walk-result";

/** Units and comments of one parsed file, plus its module-level imports. */
export interface FoundUnits extends WalkResult {
  imports: Record<string, string>;
}

/** Finds every unit of a parsed file in one walk, with its metrics counted on the way. */
export function findUnits(input: { root: SyntaxNode; source: string; language: Language }): FoundUnits {
  if (input.language === "python") {
    const imports = collectPythonImports(input.root);
    return { imports, ...new PythonWalker(input.source, imports).walk(input.root) };
  }
  const imports = collectScriptImports(input.root);
  return { imports, ...new ScriptWalker(input.source, imports).walk(input.root) };
}
