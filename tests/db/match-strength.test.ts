import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withUser, type Database } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { extractPaths } from "@/lib/extract";
import { ingestExtraction } from "@/lib/ingest";
import { matchPatterns } from "@/lib/search";
import { createTestDatabase } from "@/tests/support/test-database";
import { userClaims } from "./support/run-as";
import { buildWorld, type World } from "./support/world";

// Real code: a few modules of this machine's Python standard library, hundreds of patterns.
const stdlib = execFileSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" }).trim();
const modules = ["shutil.py", "tempfile.py", "zipfile.py", "gzip.py", "json", "csv.py", "textwrap.py", "difflib.py"];

let database: Database;
let world: World;
const embedder = createBuiltinProvider();

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database);
  const result = await extractPaths({ paths: modules.map((module) => path.join(stdlib, module)), cwd: stdlib, jobs: 1 });
  await ingestExtraction({ database, claims: "service_role", projectId: world.alpha.id, result, embedder });
});
afterAll(() => database.close());

const match = (intent: string) =>
  withUser(database, userClaims(world.users.bob), (transaction) =>
    matchPatterns({ transaction, projectId: world.alpha.id, request: { intent, limit: 5 }, embedder }),
  );

describe("match strength on real code", () => {
  it("calls the first result strong when the strength model gives it a high enough chance of being right", async () => {
    const answer = await match("move a file or directory to another location");
    const [first] = answer.matched_patterns;
    expect(first.occurrences[0]).toMatchObject({ file_path: "shutil.py", qualname: "move" });
    expect(first.strength).toBe("strong");
    expect(first.metadata.ranking).toMatchObject({ text_rank: 1, position: 1 });
    // "move", "file", "directori", "anoth", "locat": the SQL counts the intent's lexemes found in the pattern.
    expect(first.metadata.ranking.intent_words).toBe(5);
    expect(first.metadata.ranking.words_found).toBe(5);
    expect(first.metadata.ranking.similarity_z).toBeGreaterThan(2);
    // Its score leads the next result's: the lead is part of the reason.
    expect(first.metadata.ranking.final_score).toBeGreaterThan(answer.matched_patterns[1].metadata.ranking.final_score);
    expect(first.strength_reason).toMatch(/^#1 by the intent's words, #\d by meaning, 5 of the intent's 5 words found in it, \d+\.\d σ above the other candidates, score \d+\.\d\d× the next result's, re-ranker's pick of its candidates at [01]\.\d\d: chance of being right 0\.\d\d \(strong from 0\.90\)$/);
    expect(answer.matched_patterns.slice(1).every((pattern) => pattern.strength === "weak")).toBe(true);
    expect(answer.strong_matches).toBe(1);
    expect(answer.summary).toBe("1 strong match");
  });

  it("calls a right first result weak when words and meaning do not both single it out", async () => {
    // Text Wrapper leads, but it is #2 in both lists: the model's chance stays under the threshold.
    const answer = await match("wrap a paragraph of text to a fixed width");
    const [first] = answer.matched_patterns;
    expect(first.occurrences[0].file_path).toBe("textwrap.py");
    expect(first.strength).toBe("weak");
    expect(first.strength_reason).toMatch(/^chance of being right 0\.\d\d \(strong from 0\.90\): #\d by the intent's words/);
    expect(answer.summary).toMatch(/^no strong match/);
  });

  it("answers 'no strong match' for code the project does not hold", async () => {
    for (const intent of ["render a 3D mesh with WebGL shaders", "detect faces in a photo"]) {
      const answer = await match(intent);
      expect(answer.matched_patterns.length).toBeGreaterThan(0);
      expect(answer.strong_matches).toBe(0);
      expect(answer.summary).toMatch(/^no strong match/);
      expect(answer.matched_patterns.every((pattern) => pattern.strength === "weak")).toBe(true);
    }
  });
});
