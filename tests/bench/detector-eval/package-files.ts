import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { maxExtractedFileBytes } from "@/lib/domain";
import { detectLanguage } from "@/lib/extract/syntax-tree";
import { packageRoot, type PackageLabels } from "./label-set";

/** One file of a package to extract: its absolute path and its path relative to the package root. */
export interface PackageFile {
  path: string;
  file: string;
}

/**
 * Which tests and examples go with a package: those it ships (`shipped`, the default: tornado's
 * `tornado/test`, npm backoff's `tests/`), none of them (`none`: test and example files left out),
 * or those it ships plus those `npm run labels:fetch -- --sources` fetched (`with-sources`:
 * tests/fixtures/labels/package-sources.json). Only labelled units are scored in every case.
 */
export type TestFiles = "shipped" | "none" | "with-sources";

/** A test or example file by its path: a tests/spec/examples folder, `test_x.py`, `x.test.ts`, `conftest.py`. */
export function isTestOrExample(file: string): boolean {
  return /(^|\/)(tests?|__tests__|spec|specs|testing|examples?|demos?|_examples)\//.test(file) || /(^|\/)(test_[^/]*\.py|[^/]*_test\.py|conftest\.py|[^/]*\.(test|spec)\.[cm]?[jt]sx?)$/.test(file);
}

const sourcesSchemaPath = path.resolve(import.meta.dirname, "../../fixtures/labels/package-sources.json");

/** Where `labels:fetch -- --sources` unpacks the extra tests and examples. */
export function labelSourcesFolder(): string {
  return process.env.MOTIF_LABEL_SOURCES ?? path.join(os.homedir(), ".cache", "motif-label-sources");
}

/** The fetched tests and examples of a package, as files under `_examples/` (empty when it has none, or they were not fetched). */
export function fetchedSourceFiles(labels: PackageLabels): PackageFile[] {
  const key = `${labels.ecosystem}:${labels.package}`;
  const sources = (JSON.parse(readFileSync(sourcesSchemaPath, "utf8")) as { packages: Record<string, { folders: string[] }> }).packages[key];
  if (!sources) return [];
  const found: PackageFile[] = [];
  for (const folder of sources.folders) {
    const root = path.join(labelSourcesFolder(), labels.ecosystem, labels.package, folder);
    if (!existsSync(root)) continue;
    const files: PackageFile[] = [];
    walk(root, "", files);
    found.push(...files.map((entry) => ({ path: entry.path, file: `_examples/${labels.package}/${entry.file}` })));
  }
  return found;
}

const skippedFolders = new Set(["node_modules", "__pycache__", ".git"]);
/** A package with more files than this is cut (its labelled files are always kept). */
const maxFilesPerPackage = 1500;

function walk(root: string, relative: string, found: PackageFile[]): void {
  const absolute = path.join(root, relative);
  const entries = readdirSync(absolute, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const file = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!skippedFolders.has(entry.name)) walk(root, file, found);
    } else if (entry.isFile() && detectLanguage(entry.name) && !/\.d\.[cm]?ts$|\.min\.js$/.test(entry.name)) {
      const full = path.join(root, file);
      if (statSync(full).size <= maxExtractedFileBytes) found.push({ path: full, file });
    }
  }
}

/**
 * The files of a package that its labelled units sit among, relative to the package root, so
 * the repository-level stage sees how the package's own code uses each unit: an npm package's
 * whole folder; a Debian or standard-library package's top-level folder (`pymongo/`,
 * `wsgiref/`), or its one module file. Labelled files come first; the rest is cut at 1,500 files.
 */
export function packageFiles(labels: PackageLabels, tests: TestFiles = "shipped"): PackageFile[] {
  const root = packageRoot(labels);
  const scopes = new Set<string>();
  for (const entry of labels.entries) {
    if (labels.ecosystem === "npm") scopes.add("");
    else scopes.add(entry.path.includes("/") ? entry.path.split("/")[0] : entry.path);
  }
  const found: PackageFile[] = [];
  for (const scope of [...scopes].sort()) {
    if (scope && statSync(path.join(root, scope)).isFile()) found.push({ path: path.join(root, scope), file: scope });
    else walk(root, scope, found);
  }
  const labelled = new Set(labels.entries.map((entry) => entry.path));
  const first = found.filter((entry) => labelled.has(entry.file));
  const rest = found.filter((entry) => !labelled.has(entry.file) && (tests !== "none" || !isTestOrExample(entry.file)));
  const fetched = tests === "with-sources" ? fetchedSourceFiles(labels) : [];
  return [...first, ...fetched, ...rest].slice(0, Math.max(maxFilesPerPackage, first.length + fetched.length));
}
