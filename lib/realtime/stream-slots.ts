import { MotifError } from "@/lib/errors";

/**
 * Open event streams one caller (a user, or an API key) may hold at once in this process: a
 * browser keeps one per open project tab. Each stream holds a database subscription and a
 * timer, so an unbounded number would let one account exhaust the server.
 */
export const maxStreamsPerCaller = 10;

const openStreams = new Map<string, number>();

/**
 * Takes one of the caller's stream slots, or refuses with 429 when all are in use. Call the
 * returned function once when the stream ends.
 */
export function takeStreamSlot(callerKey: string): () => void {
  const open = openStreams.get(callerKey) ?? 0;
  if (open >= maxStreamsPerCaller) {
    throw new MotifError("too_many_requests:streams", `you already have ${open} open event streams; close one (a tab) first`, { retryAfterSeconds: 5 });
  }
  openStreams.set(callerKey, open + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (openStreams.get(callerKey) ?? 1) - 1;
    if (left <= 0) openStreams.delete(callerKey);
    else openStreams.set(callerKey, left);
  };
}
