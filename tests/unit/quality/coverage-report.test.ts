import { describe, expect, it } from "vitest";
import { MotifError } from "@/lib/errors";
import { coverageOfRange, createCoverageLookup, detectCoverageFormat, parseCoverageReport, readCoverageReport } from "@/lib/quality";

const fixtures = "tests/fixtures/coverage";
const sorted = (lines: Set<number>) => [...lines].sort((a, b) => a - b);

describe("readCoverageReport", () => {
  it("reads coverage.py JSON into executable and covered line sets", async () => {
    const report = await readCoverageReport(`${fixtures}/python-service.coverage.json`);
    expect(report.format).toBe("coverage.py");
    const db = report.files.get("shop/db.py")!;
    expect(sorted(db.covered)).toEqual([2, 3, 5, 8, 10, 11, 12, 16, 18, 19, 20, 21, 26]);
    expect(sorted(db.executable).filter((line) => !db.covered.has(line))).toEqual([22, 23, 24]);
  });

  it("reads Cobertura XML with the same lines as the coverage.py report of the same run", async () => {
    const [json, xml] = await Promise.all([
      readCoverageReport(`${fixtures}/python-service.coverage.json`),
      readCoverageReport(`${fixtures}/python-service.cobertura.xml`),
    ]);
    expect(xml.format).toBe("cobertura");
    expect([...xml.files.keys()]).toContain("/home/ci/builds/shop-service/shop/db.py");
    const lookup = createCoverageLookup(xml);
    for (const [path, lines] of json.files) {
      expect(sorted(lookup(path)!.covered)).toEqual(sorted(lines.covered));
      expect(sorted(lookup(path)!.executable)).toEqual(sorted(lines.executable));
    }
  });

  it("reads lcov DA records per SF block", async () => {
    const report = await readCoverageReport(`${fixtures}/ts-service.lcov.info`);
    expect(report.format).toBe("lcov");
    const fetchJson = report.files.get("/home/ci/builds/ts-service/src/http/fetch-json.ts")!;
    expect(sorted(fetchJson.covered)).toEqual([1, 4, 5, 6, 7, 8, 9, 10]);
    expect(fetchJson.executable.size).toBe(13);
  });

  it("fails with a bad_request error on unreadable or unknown input", async () => {
    await expect(readCoverageReport(`${fixtures}/missing.info`)).rejects.toBeInstanceOf(MotifError);
    expect(() => detectCoverageFormat("hello")).toThrow(MotifError);
    expect(() => parseCoverageReport('{"files": {"a.py": {}}}')).toThrow(/executed_lines/);
  });
});

describe("createCoverageLookup", () => {
  const report = parseCoverageReport("SF:/ci/app/src/db.ts\nDA:1,1\nDA:2,0\nend_of_record\nSF:/ci/app/lib/db.ts\nDA:1,0\nend_of_record\n");

  it("matches a relative path against an absolute report path by suffix", () => {
    expect(sorted(createCoverageLookup(report)("src/db.ts")!.covered)).toEqual([1]);
    expect(sorted(createCoverageLookup(report)("lib/db.ts")!.covered)).toEqual([]);
  });

  it("matches when the report path is the shorter one and misses unrelated files", () => {
    const short = parseCoverageReport("SF:db.ts\nDA:3,4\nend_of_record\n");
    expect(createCoverageLookup(short)("packages/api/db.ts")!.covered.has(3)).toBe(true);
    expect(createCoverageLookup(short)("packages/api/odb.ts")).toBeUndefined();
  });
});

describe("coverageOfRange", () => {
  it("is covered executable lines over executable lines in the range, null when none are known", () => {
    const coverage = { executable: new Set([10, 11, 12, 13, 20]), covered: new Set([10, 11, 20]) };
    expect(coverageOfRange(coverage, 10, 13)).toBe(0.5);
    expect(coverageOfRange(coverage, 10, 20)).toBe(0.6);
    expect(coverageOfRange(coverage, 14, 19)).toBeNull();
  });
});
