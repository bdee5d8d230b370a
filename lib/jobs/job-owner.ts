import os from "node:os";

/** Names this process in `jobs.locked_by`: host and pid, so a person can find it. */
export function jobOwnerId(): string {
  return `${os.hostname()}:${process.pid}`;
}
