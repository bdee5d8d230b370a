import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { discoverFiles, skippedContentReason } from "@/lib/extract/discover";
import { decodeSource } from "@/lib/extract/pipeline/decode-source";
import { maxFileBytes } from "@/lib/extract/worker";

/** Real code copied into one folder, so Motif and the baseline tools see exactly the same files. */
export interface BenchCorpus {
  name: string;
  folder: string;
  sources: string[];
  files: number;
  lines: number;
  bytes: number;
  /** Files left out to keep the run short. */
  cappedFrom: { files: number; bytes: number } | null;
}

interface Candidate {
  from: string;
  to: string;
  bytes: number;
  lines: number;
}

// Library code only: test suites include deliberately broken files and would measure error paths.
const testFolders = ["test", "tests", "idle_test", "__tests__"];

async function candidatesUnder(source: string, prefix: string): Promise<Candidate[]> {
  const discovery = await discoverFiles({ paths: [source], cwd: source, exclude: testFolders });
  const candidates: Candidate[] = [];
  for (const file of discovery.files) {
    const bytes = readFileSync(file.path);
    if (bytes.length > maxFileBytes) continue;
    const decoded = decodeSource(bytes, file.language);
    // Only what Motif extracts: the same files go to the baselines.
    if ("reason" in decoded || skippedContentReason(decoded.source)) continue;
    candidates.push({ from: file.path, to: path.join(prefix, file.file), bytes: bytes.length, lines: decoded.source.split("\n").length });
  }
  return candidates;
}

// Evenly spaced files (not the first N alphabetically) so a capped corpus still spans every package.
function sample(candidates: Candidate[], maxBytes: number): Candidate[] {
  const total = candidates.reduce((sum, candidate) => sum + candidate.bytes, 0);
  if (total <= maxBytes) return candidates;
  const ratio = maxBytes / total;
  return candidates.filter((_, index) => Math.floor((index + 1) * ratio) !== Math.floor(index * ratio));
}

/** Copies source trees (each under its own prefix) into `folder`, capped at `maxBytes`. */
export async function buildCorpus(options: { name: string; folder: string; sources: Array<{ path: string; prefix: string }>; maxBytes: number }): Promise<BenchCorpus> {
  const present = options.sources.filter((source) => existsSync(source.path));
  const all = (await Promise.all(present.map((source) => candidatesUnder(source.path, source.prefix)))).flat();
  const chosen = sample(all, options.maxBytes);
  for (const candidate of chosen) {
    const target = path.join(options.folder, candidate.to);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(candidate.from, target);
  }
  const allBytes = all.reduce((sum, candidate) => sum + candidate.bytes, 0);
  return {
    name: options.name,
    folder: options.folder,
    sources: present.map((source) => source.path),
    files: chosen.length,
    lines: chosen.reduce((sum, candidate) => sum + candidate.lines, 0),
    bytes: chosen.reduce((sum, candidate) => sum + candidate.bytes, 0),
    cappedFrom: chosen.length < all.length ? { files: all.length, bytes: allBytes } : null,
  };
}
