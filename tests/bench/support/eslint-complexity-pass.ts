import { readFileSync } from "node:fs";
import { Linter } from "eslint";
import typescriptEslint from "typescript-eslint";

/** What ESLint's complexity rule found, and how long it took in this process. */
export interface EslintPass {
  wallMs: number;
  cpuMs: number;
  functions: number;
  parseErrors: number;
}

/**
 * ESLint's `complexity` rule at threshold 0 (so it reports every function) with the
 * typescript-eslint parser, over the given files: the pass a team runs today to see
 * complexity. Timed from reading the first file to the last verdict.
 */
export function runEslintComplexityPass(files: readonly string[]): EslintPass {
  const linter = new Linter({ configType: "flat", cwd: "/" });
  const config: Linter.Config[] = [
    {
      files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
      languageOptions: { parser: typescriptEslint.parser as Linter.Parser, ecmaVersion: "latest", sourceType: "module" },
      rules: { complexity: ["error", 0] },
    },
  ];
  let functions = 0;
  let parseErrors = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  for (const file of files) {
    const messages = linter.verify(readFileSync(file, "utf8"), config, { filename: file });
    for (const message of messages) {
      if (message.ruleId === "complexity") functions += 1;
      else if (message.fatal) parseErrors += 1;
    }
  }
  const cpu = process.cpuUsage(cpuBefore);
  return { wallMs: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, functions, parseErrors };
}
