import fs from "node:fs";

/** Deletes the run's throwaway data dir (accounts, database, JWT secret) once the run is over. */
export default function globalTeardown(): void {
  const dataDir = process.env.MOTIF_E2E_DATA_DIR;
  if (dataDir?.includes("motif-e2e-")) fs.rmSync(dataDir, { recursive: true, force: true });
}
