/**
 * What `motif extract --json` costs on its main thread, phase by phase, on real code.
 *
 *   npx tsx tests/bench/main-thread-phases.ts <folder> [rounds]
 *
 * Extracts the folder once in worker threads, as the CLI does, then times on this thread
 * (CPU of the thread itself, from /proc on Linux; the process's CPU elsewhere) what the CLI's
 * main thread does with the files: the per-unit facts read as each file arrives, the units'
 * JSON written as files arrive in path order, then after the last file the repository model,
 * reference resolution, clustering, selection and patterns, relationships and the rest of the
 * JSON. Each round clusters fresh copies of the extractions (the facts are memoised per unit
 * object), so every round measures a cold run. The last line checks that the text is the run's.
 */
import { readFileSync } from "node:fs";
import v8 from "node:v8";
import type { FileExtraction } from "@/lib/domain";
import { discoverFiles, extractFileOutcomes, PrintableJsonWriter, printableJsonChunks, assembleResult } from "@/lib/extract";
import { buildRepoModel, clusterUnits, prepareUnitFacts } from "@/lib/extract/clustering";
import { buildRelationships } from "@/lib/extract/clustering/build-relationships";
import { buildCluster, type BuiltCluster } from "@/lib/extract/clustering/cluster-outcomes";
import { callersByUnit, collectReferences } from "@/lib/extract/clustering/collect-references";
import { useBatchJitFlags } from "@/lib/cli/batch-jit-flags";

function threadCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  }
}

function timePhases(files: FileExtraction[]): { laps: Record<string, number>; text: string } {
  const laps: Record<string, number> = {};
  let mark = threadCpuMs();
  const lap = (name: string) => {
    const now = threadCpuMs();
    laps[name] = now - mark;
    mark = now;
  };
  for (const file of files) prepareUnitFacts(file);
  lap("prepare (as files arrive)");
  const chunks: string[] = [];
  const writer = new PrintableJsonWriter((chunk) => chunks.push(chunk));
  for (const file of files) writer.addFile(file);
  lap("units JSON (as files arrive)");
  const model = buildRepoModel(files);
  lap("repository model");
  const references = collectReferences(model);
  const context = { model, callers: callersByUnit(references), coverage: undefined, coverageReport: undefined };
  lap("references");
  const clusters = clusterUnits(model.units);
  lap("clustering");
  const built = clusters.map((cluster) => buildCluster(context, model, cluster)).filter((entry): entry is BuiltCluster => entry !== null);
  lap("selection and patterns");
  buildRelationships(model, built.map(({ pattern, selected }) => ({ key: pattern.key, units: selected.cluster.members.map((member) => member.unit), centre: selected.cluster.centre })), references);
  lap("relationships");
  // The result as the CLI assembles it (its clustering finds the facts above memoised).
  const result = assembleResult({ extractions: files, failures: [], jobs: 2, elapsedMs: () => 0 });
  mark = threadCpuMs();
  writer.finish(result);
  lap("JSON after the units");
  return { laps, text: chunks.join("") };
}

async function main(): Promise<void> {
  const [folder, rounds = "3"] = process.argv.slice(2);
  if (!folder) throw new Error("usage: npx tsx tests/bench/main-thread-phases.ts <folder> [rounds]");
  useBatchJitFlags();
  const discovery = await discoverFiles({ paths: ["."], cwd: folder });
  const { outcomes } = await extractFileOutcomes({ files: discovery.files, jobs: 2 });
  const serialised = v8.serialize(outcomes.flatMap((outcome) => (outcome.status === "extracted" ? [outcome.extraction] : [])));
  for (let round = 1; round <= Number(rounds); round++) {
    const files = v8.deserialize(serialised) as FileExtraction[];
    const { laps, text } = timePhases(files);
    const tail = Object.entries(laps).filter(([name]) => !name.includes("as files arrive")).reduce((sum, [, ms]) => sum + ms, 0);
    console.log(`round ${round}: ${Object.entries(laps).map(([name, ms]) => `${name} ${ms}`).join(", ")}; after the last file ${tail} ms`);
    const expected = [...printableJsonChunks(assembleResult({ extractions: v8.deserialize(serialised) as FileExtraction[], failures: [], jobs: 2, elapsedMs: () => 0 }))].join("");
    if (text !== expected) throw new Error("the JSON written as files arrived differs from the run's");
  }
}

await main();
