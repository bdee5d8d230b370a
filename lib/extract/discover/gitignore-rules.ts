import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";

/** The .gitignore files in force at one folder, outermost first. */
export interface GitignoreRules {
  entries: ReadonlyArray<{ base: string; rules: Ignore }>;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    // Absent or unreadable: git itself would apply no rules from it either.
    return undefined;
  }
}

function readRules(folder: string, ...names: string[]): Ignore | undefined {
  const texts = names.map((name) => readText(path.join(folder, name))).filter((text): text is string => text !== undefined);
  return texts.length === 0 ? undefined : ignore().add(texts.join("\n"));
}

/** Adds the .gitignore of `folder` (if any) to the rules in force above it. */
export function descendInto(parent: GitignoreRules, folder: string): GitignoreRules {
  const rules = readRules(folder, ".gitignore");
  return rules ? { entries: [...parent.entries, { base: folder, rules }] } : parent;
}

/**
 * Whether git would ignore a path under these rules: deeper files override shallower
 * ones, and a `!negation` re-includes what an outer file ignored.
 */
export function isGitIgnored(gitignore: GitignoreRules, absolutePath: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const { base, rules } of gitignore.entries) {
    const relative = path.relative(base, absolutePath).split(path.sep).join("/");
    if (!relative || relative.startsWith("..")) continue;
    const result = rules.test(isDirectory ? `${relative}/` : relative);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

function findRepositoryRoot(folder: string): string | undefined {
  for (let current = folder; ; current = path.dirname(current)) {
    if (existsSync(path.join(current, ".git"))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/**
 * The rules in force above a folder the user named: .git/info/exclude and the .gitignore
 * files from the repository root down to its parent (the folder's own file is read when
 * the walk enters it). A folder named explicitly is always searched, so when those outer
 * rules would ignore the folder itself they are dropped.
 */
export function gitignoreRulesAbove(folder: string): GitignoreRules {
  const root = findRepositoryRoot(folder);
  if (!root || root === folder) return { entries: [] };
  const exclude = readRules(path.join(root, ".git", "info"), "exclude");
  let rules: GitignoreRules = { entries: exclude ? [{ base: root, rules: exclude }] : [] };
  const chain: string[] = [];
  for (let current = path.dirname(folder); current !== root; current = path.dirname(current)) chain.unshift(current);
  for (const current of [root, ...chain]) rules = descendInto(rules, current);
  return isGitIgnored(rules, folder, true) ? { entries: [] } : rules;
}
