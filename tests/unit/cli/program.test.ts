import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const motif = path.resolve(import.meta.dirname, "../../../bin/motif");

function run(...args: string[]) {
  return spawnSync(process.execPath, [motif, ...args], { cwd: os.tmpdir(), encoding: "utf8", env: { ...process.env, MOTIF_DATA_DIR: path.join(os.tmpdir(), `motif-cli-${process.pid}`) } });
}

describe("the motif command line", () => {
  it("prints help for the program and for every command, from any working directory", () => {
    const help = run("--help");
    expect(help.status).toBe(0);
    const commands = [...help.stdout.matchAll(/^ {2}([a-z-]+)(?: |\[)/gm)].map((match) => match[1]).filter((name) => name !== "help");
    expect(commands).toEqual(expect.arrayContaining(["serve", "projects", "db"]));
    for (const command of commands) {
      const commandHelp = run(command, "--help");
      expect(commandHelp.status, command).toBe(0);
      expect(commandHelp.stdout, command).toContain(`Usage: motif ${command}`);
    }
  });

  it("exits non-zero with a one-line reason on a bad option", () => {
    const result = run("serve", "--port", "banana");
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^motif: invalid --port: /);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("refuses to reset without confirmation", () => {
    const result = run("db", "reset");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("run again with --yes to confirm");
  });
});
