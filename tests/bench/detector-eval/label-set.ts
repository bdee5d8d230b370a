/**
 * The labelled development set of the design-pattern detectors (tests/fixtures/labels/dev-set):
 * one file per package, each unit labelled by reading its code. The set is split by package
 * into tune / held-out / never-tuned / blind-13 / blind-14; see docs/detector-evaluation.md.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { designPatternKindSchema } from "@/lib/domain";

/** Where a package's files come from. */
export const ecosystems = ["python-stdlib", "debian", "npm"] as const;
/**
 * Which part of the set a package belongs to. never-tuned and blind-14 are scored only by the
 * coordinator, once, at the end of a session; no tuning, training or rule reading looks at them.
 * blind-13 was scored once at session 13's end and is now a second held-out (aggregate looks only).
 */
export const splits = ["tune", "held-out", "never-tuned", "blind-13", "blind-14"] as const;
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

/** The two halves of the tune split: a rule is written from one half's misses and kept only if the other gains. */
export const tuneHalves = ["A", "B"] as const;
export type TuneHalf = (typeof tuneHalves)[number];

const halvesSchema = z.object({ note: z.string(), A: z.array(z.string()), B: z.array(z.string()) });

/** The committed halves (tests/fixtures/labels/tune-halves.json), keyed `ecosystem:package`. */
export function readTuneHalves(file = path.resolve(labelFolder, "../tune-halves.json")): { A: string[]; B: string[] } {
  const parsed = halvesSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  return { A: parsed.A, B: parsed.B };
}

/** A package's key in the halves file. */
export function packageKey(labels: Pick<PackageLabels, "ecosystem" | "package">): string {
  return `${labels.ecosystem}:${labels.package}`;
}

/** The half a tune package belongs to: as listed, else by the parity of sha1(key)'s first byte (stable when packages are added). */
export function tuneHalfOf(labels: Pick<PackageLabels, "ecosystem" | "package">, halves = readTuneHalves()): TuneHalf {
  const key = packageKey(labels);
  if (halves.A.includes(key)) return "A";
  if (halves.B.includes(key)) return "B";
  return createHash("sha1").update(key).digest()[0]! % 2 === 0 ? "A" : "B";
}
