import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Runs git in a folder with a fixed identity and no user configuration; returns its output. */
export function git(folder: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Motif Test", "-c", "user.email=test@motif.invalid", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", ...args], {
    cwd: folder, encoding: "utf8", env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", HOME: folder },
  }).trim();
}

/** One commit of a test history: files written (path → text) and files deleted. */
export interface HistoryStep {
  message: string;
  write?: Record<string, string>;
  remove?: string[];
  rename?: Record<string, string>;
}

/** Makes a real git repository in `folder` from a starting tree and steps; returns each commit's sha. */
export function makeGitHistory(folder: string, initial: string, steps: HistoryStep[]): string[] {
  fs.cpSync(initial, folder, { recursive: true });
  git(folder, "init", "-q");
  git(folder, "add", "-A");
  git(folder, "commit", "-q", "-m", "initial import");
  return [git(folder, "rev-parse", "HEAD"), ...commitSteps(folder, steps)];
}

/** Commits the steps one by one on the checked-out branch; returns their shas. */
export function commitSteps(folder: string, steps: HistoryStep[]): string[] {
  const shas: string[] = [];
  for (const step of steps) {
    for (const [file, text] of Object.entries(step.write ?? {})) {
      fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      fs.writeFileSync(path.join(folder, file), text);
    }
    for (const file of step.remove ?? []) git(folder, "rm", "-q", file);
    for (const [from, to] of Object.entries(step.rename ?? {})) git(folder, "mv", from, to);
    git(folder, "add", "-A");
    git(folder, "commit", "-q", "-m", step.message);
    shas.push(git(folder, "rev-parse", "HEAD"));
  }
  return shas;
}
