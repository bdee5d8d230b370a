/**
 * Precision and recall of the design-pattern detectors on hand-labelled real code.
 *
 *   npx tsx tests/bench/evaluate-detectors.ts [--verbose]
 *     the in-sample labels the detectors were written against (tests/fixtures/labels/design-patterns.json:
 *     Python standard library, site-packages, the repository's node_modules)
 *   npm run bench:detectors -- --set dev --split tune|held-out|never-tuned|blind-13|blind-14 [--package NAME] [--verbose]
 *     one split of the development set (tests/fixtures/labels/dev-set, packages the tests do not use;
 *     fetch its npm part first with `npm run labels:fetch`)
 *   npm run bench:detectors -- --set dev --counts
 *     what the set holds (packages, versions, positives per kind and split), no detector runs
 *   npm run bench:detectors -- --set dev --by-split
 *     leave-package-out: the figures on the tune packages and, separately, on the held-out packages
 *     (never-tuned and the blind splits are left out unless --split asks for one; only the coordinator scores
 *     never-tuned and blind-14, once, at the end)
 *   add --by-package to either for one overall row per package (which packages a change helps or hurts)
 *   --halves (tune as its two halves, tests/fixtures/labels/tune-halves.json) or --tune-half A|B (one of them):
 *     write a rule from one half's misses, keep it only if the other half's recall rises at no loss of precision
 *   --packages a,b / --exclude-packages a,b (names or ecosystem:name) narrow any of the above
 *   each package of the dev set is extracted whole (its folder, tests/bench/detector-eval/package-files.ts) and the
 *   repository-level usage stage runs over it, as in the product; --without-usage leaves that stage out (the "before")
 *   --with-tests also extracts the tests and examples `npm run labels:fetch -- --sources` fetched
 *   (tests/fixtures/labels/package-sources.json); --without-tests leaves out even those a package ships;
 *   either prints which packages had test or example files; only labelled (library) units are scored
 *   --usage-rules a,b runs these usage rules (lib/extract/usage `candidateUsageRules`, plus the shipped ones) instead of the shipped ones
 *
 * The method and the figures are in docs/detector-evaluation.md.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CodeUnit, DesignPatternKind } from "@/lib/domain";
import {
  installedVersion,
  packageKey,
  packageRoot,
  readLabelSet,
  readTuneHalves,
  splits,
  tuneHalfOf,
  tuneHalves,
  type PackageLabels,
  type Split,
  type TuneHalf,
} from "./detector-eval/label-set";
import { formatLabelCounts } from "./detector-eval/label-counts";
import { packageUnits } from "./detector-eval/package-units";
import { candidateUsageRules, usageRulesShipped } from "@/lib/extract/usage";
import { isTestOrExample, packageFiles, type TestFiles } from "./detector-eval/package-files";
import { formatScore, overallCounts, scoreLabels, type LocatedLabel } from "./detector-eval/score-labels";

interface InSampleEntry {
  path: string;
  qualname: string;
  kinds: DesignPatternKind[];
}

const repositoryRoot = path.resolve(import.meta.dirname, "../..");

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function inSampleLabels(): LocatedLabel[] {
  const python = (key: string): string | undefined => {
    try {
      return execFileSync("python3", ["-c", `import sysconfig; print(sysconfig.get_paths()["${key}"])`], { encoding: "utf8" }).trim();
    } catch {
      return undefined;
    }
  };
  const roots: Record<string, string | undefined> = { "python-stdlib": python("stdlib"), "python-site": python("purelib"), node_modules: path.join(repositoryRoot, "node_modules") };
  const labels = JSON.parse(readFileSync(path.join(repositoryRoot, "tests/fixtures/labels/design-patterns.json"), "utf8")) as { entries: InSampleEntry[] };
  return labels.entries.map((entry) => {
    const [rootName, relative] = entry.path.split(/:(.*)/s) as [string, string];
    const root = roots[rootName];
    return { file: root ? path.join(root, relative) : "", qualname: entry.qualname, kinds: entry.kinds, origin: entry.path };
  });
}

function devLabels(packages: PackageLabels[]): LocatedLabel[] {
  return packages.flatMap((labels) =>
    labels.entries.map((entry) => ({
      file: path.join(packageRoot(labels), entry.path),
      qualname: entry.qualname,
      line: entry.line,
      kinds: entry.kinds,
      ...(entry.looksLike ? { looksLike: entry.looksLike } : {}),
      origin: `${labels.package}@${labels.version} ${entry.path}`,
    })),
  );
}

// Per package: its files extracted whole, with (or, under --without-usage, without) the repository-level stage.
const extractedPackages = new Map<string, Promise<Map<string, CodeUnit[]>>>();

async function unitsOfPackages(packages: PackageLabels[]): Promise<Map<string, CodeUnit[]>> {
  const all = new Map<string, CodeUnit[]>();
  const usage = !process.argv.includes("--without-usage");
  for (const labels of packages) {
    const key = packageKey(labels);
    if (!extractedPackages.has(key)) extractedPackages.set(key, packageUnits(labels, { usage, tests: testFiles(), rules: chosenUsageRules(), jobs: Number(process.env.MOTIF_BENCH_JOBS ?? 2) }));
    for (const [file, units] of await extractedPackages.get(key)!) all.set(file, units);
  }
  return all;
}

function chosenUsageRules() {
  const names = option("--usage-rules")?.split(",").filter(Boolean);
  if (!names) return undefined;
  const unknown = names.filter((name) => !candidateUsageRules[name]);
  if (unknown.length > 0) throw new Error(`--usage-rules: unknown ${unknown.join(", ")} (known: ${Object.keys(candidateUsageRules).join(", ")})`);
  return [...usageRulesShipped, ...names.map((name) => candidateUsageRules[name]!)];
}

function testFiles(): TestFiles {
  if (process.argv.includes("--with-tests")) return "with-sources";
  return process.argv.includes("--without-tests") ? "none" : "shipped";
}

/** Under --with-tests / --without-tests: which packages had test or example files extracted with them. */
function reportTestFiles(packages: PackageLabels[]): void {
  if (testFiles() === "shipped") return;
  const counts = packages.map((labels) => [labels.package, packageFiles(labels, testFiles()).filter((entry) => isTestOrExample(entry.file)).length] as const);
  const withTests = counts.filter(([, count]) => count > 0);
  console.log(`test/example files extracted (${testFiles()}): ${withTests.map(([name, count]) => `${name} ${count}`).join(", ") || "none"}; ${counts.length - withTests.length} packages without`);
}

async function report(title: string, labels: LocatedLabel[], verbose: boolean, packages?: PackageLabels[]): Promise<void> {
  const score = await scoreLabels(labels, packages ? await unitsOfPackages(packages) : undefined);
  for (const line of formatScore(score, title)) console.log(line);
  if (verbose) for (const line of score.differences) console.log(`  ${line}`);
  for (const line of score.missing) console.log(`not evaluated: ${line}`);
  console.log("");
}

function versionWarnings(packages: PackageLabels[]): void {
  for (const labels of packages) {
    const found = installedVersion(labels);
    if (found !== labels.version) console.log(`warning: ${labels.package} labelled at ${labels.version}, found ${found ?? "nothing"} (npm run labels:fetch)`);
  }
}

function packageFilter(): (labels: PackageLabels) => boolean {
  const list = (name: string): string[] | undefined => option(name)?.split(",").map((value) => value.trim()).filter(Boolean);
  const only = [...(list("--packages") ?? []), ...(option("--package") ? [option("--package")!] : [])];
  const excluded = list("--exclude-packages") ?? [];
  const names = (labels: PackageLabels): string[] => [labels.package, packageKey(labels)];
  return (labels) => (only.length === 0 || names(labels).some((name) => only.includes(name))) && !names(labels).some((name) => excluded.includes(name));
}

/** The parts to report: each split asked for, the tune split cut into its halves when asked. */
function parts(all: PackageLabels[]): { name: string; packages: PackageLabels[] }[] {
  const split = option("--split");
  if (split !== undefined && !(splits as readonly string[]).includes(split)) throw new Error(`--split must be one of ${splits.join(", ")}`);
  const half = option("--tune-half");
  if (half !== undefined && !(tuneHalves as readonly string[]).includes(half)) throw new Error(`--tune-half must be one of ${tuneHalves.join(", ")}`);
  const chosen: Split[] = split ? [split as Split] : process.argv.includes("--by-split") ? ["tune", "held-out"] : ["tune"];
  const halves = readTuneHalves();
  return chosen.flatMap((name) => {
    const packages = all.filter((labels) => labels.split === name);
    if (name !== "tune" || (half === undefined && !process.argv.includes("--halves"))) return [{ name, packages }];
    const wanted: TuneHalf[] = half ? [half as TuneHalf] : [...tuneHalves];
    return wanted.map((which) => ({ name: `tune half ${which}`, packages: packages.filter((labels) => tuneHalfOf(labels, halves) === which) }));
  });
}

async function main(): Promise<void> {
  const verbose = process.argv.includes("--verbose");
  if (option("--set") !== "dev") {
    await report("in-sample labels (tests/fixtures/labels/design-patterns.json)", inSampleLabels(), verbose);
    return;
  }
  const all = readLabelSet().filter(packageFilter());
  if (process.argv.includes("--counts")) {
    for (const line of formatLabelCounts(all)) console.log(line);
    return;
  }
  const chosen = parts(all);
  versionWarnings(chosen.flatMap((part) => part.packages));
  for (const { name, packages } of chosen) {
    const title = `dev set, ${name} split (${packages.length} packages: ${packages.map((labels) => labels.package).join(", ")})`;
    reportTestFiles(packages);
    await report(title, devLabels(packages), verbose, packages);
    if (process.argv.includes("--by-package")) await reportPackages(packages);
  }
}

async function reportPackages(packages: PackageLabels[]): Promise<void> {
  console.log(`${"package".padEnd(32)} units   tp   fp   fn  precision  recall`);
  for (const labels of packages) {
    const score = await scoreLabels(devLabels([labels]), await unitsOfPackages([labels]));
    const { tp, fp, fn } = overallCounts(score);
    const ratio = (part: number, whole: number): string => (whole === 0 ? "  n/a" : (part / whole).toFixed(2).padStart(5));
    const row = [score.evaluated, tp, fp, fn].map((value) => String(value).padStart(4)).join(" ");
    console.log(`${`${labels.package} (${labels.ecosystem})`.padEnd(32)} ${row}      ${ratio(tp, tp + fp)}   ${ratio(tp, tp + fn)}`);
  }
  console.log("");
}

await main();
