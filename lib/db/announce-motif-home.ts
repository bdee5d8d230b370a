import fs from "node:fs";
import path from "node:path";
import type { MotifEnvironment } from "@/lib/env";
import { motifHome } from "./motif-home";

/**
 * Says, once, where the data lives when Motif creates the user's Motif home (no MOTIF_DATA_DIR):
 * every command uses that folder from then on. A data dir an older version left in the install
 * folder (`./.motif` was the default) is named, so its data is not thought lost.
 */
export function announceMotifHome(environment: Pick<MotifEnvironment, "dataDir" | "dataDirSource">, write = (line: string) => process.stderr.write(line)): void {
  if (environment.dataDirSource !== "home" || fs.existsSync(environment.dataDir)) return;
  write(`motif: created the Motif home ${environment.dataDir}; every command uses it (set MOTIF_DATA_DIR to use another folder)\n`);
  const older = path.join(motifHome(), ".motif");
  if (older !== environment.dataDir && fs.existsSync(path.join(older, "pgdata"))) {
    write(`motif: an older data dir is at ${older}; to keep using it, stop Motif and move it to ${environment.dataDir}, or set MOTIF_DATA_DIR=${older}\n`);
  }
}
