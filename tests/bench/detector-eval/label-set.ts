/**
 * The labelled development set of the design-pattern detectors (tests/fixtures/labels/dev-set):
 * one file per package, each unit labelled by reading its code. The set is split by package
 * into tune / held-out / never-tuned; see docs/detector-evaluation.md.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { designPatternKindSchema } from "@/lib/domain";

/** Where a package's files come from. */
export const ecosystems = ["python-stdlib", "debian", "npm"] as const;
/** Which part of the set a package belongs to. */
export const splits = ["tune", "held-out", "never-tuned"] as const;
export type Split = (typeof splits)[number];
export type Ecosystem = (typeof ecosystems)[number];

const entrySchema = z.object({
  /** Path inside the package root (npm: node_modules/<package>; debian: dist-packages; stdlib: the stdlib folder). */
  path: z.string().min(1),
  /** The qualname Motif's unit finder gives the unit. */
  qualname: z.string().min(1),
  /** The unit's first line (its def/function/class line), to tell apart units sharing a qualname. */
  line: z.number().int().positive(),
  /** What a senior engineer would say the unit is; empty = a deliberate (hard) negative. */
  kinds: z.array(designPatternKindSchema),
  /** For a hard negative: the kinds it looks like and is not (a `return this` that is no builder). */
  looksLike: z.array(designPatternKindSchema).min(1).optional(),
});

/** One package's labels. */
export const packageLabelsSchema = z.object({
  package: z.string().min(1),
  ecosystem: z.enum(ecosystems),
  version: z.string().min(1),
  /** Debian packages: the python3-* package that installs the files. */
  debianPackage: z.string().optional(),
  split: z.enum(splits),
  entries: z
    .array(entrySchema.refine((entry) => !entry.looksLike || entry.kinds.length === 0, { message: "looksLike is for negatives (empty kinds) only" }))
    .min(1),
});
export type PackageLabels = z.infer<typeof packageLabelsSchema>;
export type LabelEntry = z.infer<typeof entrySchema>;

/** The folder holding the label files. */
export const labelFolder = path.resolve(import.meta.dirname, "../../fixtures/labels/dev-set");

/** Every package's labels, validated. */
export function readLabelSet(folder = labelFolder): PackageLabels[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const parsed = packageLabelsSchema.safeParse(JSON.parse(readFileSync(path.join(folder, name), "utf8")));
      if (!parsed.success) throw new Error(`${name}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** The npm packages are installed here by `npm run labels:fetch` (outside the repository). */
export function npmCorpusFolder(): string {
  return process.env.MOTIF_LABEL_CORPUS ?? path.join(os.homedir(), ".cache", "motif-label-corpus");
}

let stdlibFolder: string | undefined;

/** The folder a package's label paths are relative to. */
export function packageRoot(labels: Pick<PackageLabels, "ecosystem" | "package">): string {
  if (labels.ecosystem === "npm") return path.join(npmCorpusFolder(), "node_modules", labels.package);
  if (labels.ecosystem === "debian") return "/usr/lib/python3/dist-packages";
  stdlibFolder ??= execFileSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" }).trim();
  return stdlibFolder;
}

/** The version found on this machine, or undefined when the package is not there. */
export function installedVersion(labels: Pick<PackageLabels, "ecosystem" | "package" | "debianPackage">): string | undefined {
  try {
    if (labels.ecosystem === "npm") {
      const manifest = path.join(packageRoot(labels), "package.json");
      return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version : undefined;
    }
    if (labels.ecosystem === "debian") {
      return execFileSync("dpkg-query", ["-W", "-f=${Version}", labels.debianPackage ?? ""], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || undefined;
    }
    return execFileSync("python3", ["-c", "import platform; print(platform.python_version())"], { encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
}
