import type { CodeUnit } from "@/lib/domain";
import { splitTopLevel } from "./call-text";

/** A call entered by a `with` statement: the name called and its line. */
export interface WithItem {
  name: string;
  line: number;
}

const withLine = /^[ \t]*(?:async[ \t]+)?with[ \t]+(.+?):?[ \t]*$/;
const calledName = /^\s*(?:await\s+)?([A-Za-z_][\w.]*)\s*\(/;

/**
 * The calls a Python unit enters with `with` / `async with` (`with opened(path) as f, lock:`
 * gives `opened`), leaving out lines inside its nested units (they report their own).
 */
export function withItems(unit: CodeUnit, children: readonly CodeUnit[]): WithItem[] {
  return withItemsOfCode(unit.code, unit.startLine, children, 1);
}

/** The calls entered by `with` in a text starting at `startLine` (a module-level statement), from its line `fromIndex` on. */
export function withItemsOfCode(code: string, startLine: number, children: readonly CodeUnit[] = [], fromIndex = 0): WithItem[] {
  if (!code.includes("with")) return [];
  const items: WithItem[] = [];
  const lines = code.split("\n");
  for (let index = fromIndex; index < lines.length; index++) {
    const match = withLine.exec(lines[index]);
    if (!match) continue;
    const line = startLine + index;
    if (children.some((child) => child.startLine <= line && child.endLine >= line)) continue;
    for (const part of splitTopLevel(match[1])) {
      const name = calledName.exec(part)?.[1];
      if (name) items.push({ name, line });
    }
  }
  return items;
}
