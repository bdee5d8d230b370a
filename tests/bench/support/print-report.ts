import os from "node:os";
import type { BenchCorpus } from "./bench-corpus";

/** One measured run. */
export interface BenchRow {
  tool: string;
  corpus: string;
  wallMs: number;
  /** CPU time of the run (all threads). */
  cpuMs: number;
  /** Peak resident memory of the whole process, threads included; null when run in the bench's own process. */
  peakRssMb: number | null;
  files: number;
  lines: number;
  note: string;
}

interface Ratio {
  corpus: string;
  motif: string;
  baseline: string;
  ratio: number;
  /** The same ratio on CPU time, for a machine busy with other work. */
  cpuRatio: number;
  target: number;
  met: boolean;
  /** Parsing alone (web-tree-sitter, same threads) over the baseline: no extractor on this parser can go below it. */
  parseFloorRatio: number | null;
  /** Parsing plus one query locating definitions, calls and branch points, over the baseline. */
  locateFloorRatio: number | null;
}

// Issue 19's bars (issue 3 had asked for 0.5 × radon and 0.2 × ESLint, found out of reach on web-tree-sitter).
const targets: Record<string, { baseline: string; target: number }> = {
  python: { baseline: "radon", target: 1.5 },
  "ts-js": { baseline: "eslint", target: 0.5 },
};

function ratios(rows: BenchRow[], cores: number): Ratio[] {
  return Object.entries(targets).flatMap(([corpus, { baseline, target }]) => {
    const motif = rows.find((row) => row.corpus === corpus && row.tool.endsWith(`--jobs ${cores}`));
    const base = rows.find((row) => row.corpus === corpus && row.tool.startsWith(baseline));
    if (!motif || !base || Number.isNaN(motif.wallMs)) return [];
    const ratio = motif.wallMs / base.wallMs;
    const floor = rows.find((row) => row.corpus === corpus && row.tool.startsWith("tree-sitter parse only"));
    const parseFloorRatio = floor ? floor.wallMs / base.wallMs : null;
    const locate = rows.find((row) => row.corpus === corpus && row.tool.startsWith("tree-sitter parse + locate"));
    const locateFloorRatio = locate ? locate.wallMs / base.wallMs : null;
    return [{ corpus, motif: motif.tool, baseline: base.tool, ratio, cpuRatio: motif.cpuMs / base.cpuMs, target, met: ratio <= target, parseFloorRatio, locateFloorRatio }];
  });
}

function table(rows: BenchRow[]): string {
  const header = ["corpus", "tool", "files", "lines", "wall s", "cpu s", "lines/s", "files/s", "peak RSS MB", "note"];
  const body = rows.map((row) => [
    row.corpus,
    row.tool,
    String(row.files),
    String(row.lines),
    Number.isNaN(row.wallMs) ? "-" : (row.wallMs / 1000).toFixed(2),
    (row.cpuMs / 1000).toFixed(2),
    Number.isNaN(row.wallMs) ? "-" : Math.round(row.lines / (row.wallMs / 1000)).toLocaleString("en-US"),
    Number.isNaN(row.wallMs) ? "-" : Math.round(row.files / (row.wallMs / 1000)).toLocaleString("en-US"),
    row.peakRssMb === null ? "n/a" : row.peakRssMb.toFixed(0),
    row.note,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column].length)));
  return [header, ...body].map((cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join("  ").trimEnd()).join("\n");
}

/** Prints the corpora, the table and the ratios; returns everything as the JSON report. */
export function printReport(input: { rows: BenchRow[]; corpora: BenchCorpus[]; cores: number; radon: string | null; repeat: number; load: [number, number] }) {
  for (const corpus of input.corpora) {
    const capped = corpus.cappedFrom ? ` (capped from ${corpus.cappedFrom.files} files, ${(corpus.cappedFrom.bytes / 1024 / 1024).toFixed(1)} MB)` : "";
    console.log(`${corpus.name}: ${corpus.files} files, ${corpus.lines} lines, ${(corpus.bytes / 1024 / 1024).toFixed(1)} MB from ${corpus.sources.join(", ")}${capped}`);
  }
  if (input.radon) console.log(`radon skipped: ${input.radon}`);
  // Other work on the machine slows every tool; the load says how far to trust the figures.
  console.log(`load average (1 min) before / after: ${input.load.map((load) => load.toFixed(2)).join(" / ")} on ${input.cores} cores`);
  console.log(`fastest of ${input.repeat} interleaved runs per tool\n\n${table(input.rows)}\n`);
  const measured = ratios(input.rows, input.cores);
  for (const ratio of measured) {
    const verdict = `target <= ${ratio.target}: ${ratio.met ? "met" : "NOT met"}`;
    console.log(`${ratio.corpus}: ${ratio.motif} / ${ratio.baseline} = ${ratio.ratio.toFixed(3)} wall (${verdict}), ${ratio.cpuRatio.toFixed(3)} CPU`);
    if (ratio.parseFloorRatio !== null) console.log(`${ratio.corpus}: parsing alone / ${ratio.baseline} = ${ratio.parseFloorRatio.toFixed(3)} wall (the floor for a web-tree-sitter extractor)`);
    if (ratio.locateFloorRatio !== null) console.log(`${ratio.corpus}: parsing + locate query / ${ratio.baseline} = ${ratio.locateFloorRatio.toFixed(3)} wall (no names, metrics or output yet)`);
  }
  for (const corpus of Object.keys(targets).filter((name) => !measured.some((ratio) => ratio.corpus === name))) {
    console.log(`${corpus}: no ratio (a run failed or its baseline is not installed)`);
  }
  return {
    date: new Date().toISOString(),
    machine: { cores: input.cores, cpu: os.cpus()[0]?.model ?? "unknown", memoryGb: Math.round(os.totalmem() / 1024 ** 3), node: process.version, loadAverage: input.load },
    corpora: input.corpora.map(({ folder: _folder, ...corpus }) => corpus),
    radonSkipped: input.radon,
    repeat: input.repeat,
    // NaN (a failed run) is written as null.
    rows: input.rows.map((row) => ({
      ...row,
      wallMs: Number.isNaN(row.wallMs) ? null : row.wallMs,
      linesPerSecond: Number.isNaN(row.wallMs) ? null : row.lines / (row.wallMs / 1000),
      filesPerSecond: Number.isNaN(row.wallMs) ? null : row.files / (row.wallMs / 1000),
    })),
    ratios: measured,
  };
}
