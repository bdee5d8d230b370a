import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { git, makeGitHistory } from "@/tests/support/git-history";

const repository = path.resolve(import.meta.dirname, "../../..");
const motif = path.join(repository, "bin/motif");
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "motif-cli-root-"));
const checkout = path.join(workspace, "service");

function run(args: string[], cwd: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, MOTIF_DATA_DIR: path.join(workspace, ".motif") };
  delete env.DATABASE_URL; // embedded mode
  const result = spawnSync(process.execPath, [motif, ...args], { cwd, encoding: "utf8", env, timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  makeGitHistory(checkout, path.join(repository, "tests/fixtures/repos/python-service"), []);
});
afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

describe("motif ingest in a git repository", { timeout: 240_000 }, () => {
  it("stores paths from the git root, so ingesting again from a sub-folder changes nothing and extracts nothing", () => {
    const first = run(["ingest", ".", "--project", "svc", "--json", "--jobs", "1"], checkout);
    expect(first.status).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary.root).toBe(checkout);
    expect(summary.files).toMatchObject({ reused: 0, removed: 0 });

    const again = run(["ingest", ".", "--project", "svc", "--json", "--jobs", "1"], path.join(checkout, "shop"));
    expect(again.status).toBe(0);
    const second = JSON.parse(again.stdout);
    expect(second.files).toEqual({ extracted: 0, reused: summary.files.extracted, removed: 0 });
    expect(second.patterns).toMatchObject({ created: 0, updated: 0 });
    expect(second.occurrences).toMatchObject({ added: 0, moved: 0, revived: 0, removed: 0 });
    expect(second.relationships).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(second.events).toBe(0);

    const search = JSON.parse(run(["search", "retry a flaky http call with exponential backoff", "--project", "svc", "--limit", "1", "--json"], workspace).stdout);
    expect(search.matched_patterns[0].occurrences[0].file_path).toBe("shop/clients/inventory.py");
  });

  it("re-extracts the one file a commit changed", () => {
    const file = path.join(checkout, "shop/clients/inventory.py");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("base_delay=0.2", "base_delay=0.3"));
    git(checkout, "commit", "-qam", "longer first wait");
    const sha = git(checkout, "rev-parse", "HEAD");
    const result = JSON.parse(run(["ingest", "shop", "--project", "svc", "--json", "--jobs", "1", "--commit", sha], checkout).stdout);
    expect(result.files).toMatchObject({ extracted: 1, removed: 0 });
  });

  it("keeps the repository's last write in the data dir, so the next process writes only its difference", () => {
    const whole = () => JSON.parse(run(["ingest", ".", "--project", "svc", "--json", "--jobs", "1"], checkout).stdout);
    // The scoped ingests above could not be remembered (only a whole repository is): this one writes everything.
    expect(whole().staged).toBe("everything");
    const memoryFiles = path.join(workspace, ".motif", "ingest-memory", "embedded");
    expect(fs.readdirSync(memoryFiles)).toHaveLength(1);
    const file = path.join(checkout, "shop/clients/inventory.py");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("base_delay=0.3", "base_delay=0.4"));
    const next = whole();
    expect(next.files).toMatchObject({ extracted: 1, removed: 0 });
    expect(next.staged).toBe("difference");
    expect(next.patterns.updated).toBeGreaterThan(0);
    // A file that names another state of the project is not used: everything is written again, nothing changes.
    const [name] = fs.readdirSync(memoryFiles);
    const kept = JSON.parse(fs.readFileSync(path.join(memoryFiles, name), "utf8"));
    fs.writeFileSync(path.join(memoryFiles, name), JSON.stringify({ ...kept, digest: `${kept.digest}0` }));
    const again = whole();
    expect(again.staged).toBe("everything");
    expect(again.patterns).toMatchObject({ created: 0, updated: 0 });
    expect(whole().staged).toBe("difference");
  });

  it("ingests a folder outside any repository from another folder, with paths from that folder", () => {
    const plain = path.join(workspace, "plain-copy");
    fs.cpSync(path.join(repository, "tests/fixtures/repos/python-service"), plain, { recursive: true });
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "motif-cli-elsewhere-"));
    const result = run(["ingest", plain, "--project", "plain", "--json", "--jobs", "1"], elsewhere);
    fs.rmSync(elsewhere, { recursive: true, force: true });
    expect(result.stderr).not.toContain("outside the repository root");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).root).toBe(plain);
    const search = JSON.parse(run(["search", "retry a flaky http call with exponential backoff", "--project", "plain", "--limit", "1", "--json"], workspace).stdout);
    expect(search.matched_patterns[0].occurrences[0].file_path).toBe("shop/clients/inventory.py");
  });

  it("takes --root over the git root, and refuses paths outside it", () => {
    const outside = run(["ingest", checkout, "--project", "svc", "--root", path.join(checkout, "shop")], workspace);
    expect(outside.status).toBe(1);
    expect(outside.stderr).toContain(`is outside the repository root ${path.join(checkout, "shop")}`);
  });
});
