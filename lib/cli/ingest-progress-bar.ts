import { SingleBar } from "cli-progress";
import { MotifError, type ErrorCode } from "@/lib/errors";
import type { IngestProgress } from "@/lib/ingest";

const units: Record<IngestProgress["phase"], string> = {
  extracting: "files", staging: "patterns", embedding: "patterns", writing: "steps", done: "",
};

/**
 * `motif ingest`'s progress on stderr, where a person watches (a terminal, not --json): one bar
 * per phase, extracting files, then staging, embedding and writing patterns (the writing
 * phase names its step). Returns a reporter, and `stop` to clear the bar before the summary.
 */
export function ingestProgressBar(enabled: boolean): { report: (progress: IngestProgress) => void; stop: () => void } {
  if (!enabled) return { report: () => {}, stop: () => {} };
  const bar = new SingleBar({ stream: process.stderr, clearOnComplete: true, hideCursor: true, format: "{phase} [{bar}] {value}/{total} {unit} {step}" });
  let phase: IngestProgress["phase"] | undefined;
  return {
    report(progress) {
      if (progress.phase === "done") return;
      const payload = { phase: progress.phase.padEnd(10), unit: units[progress.phase], step: progress.step ?? "" };
      if (progress.phase !== phase) {
        if (phase) bar.stop();
        phase = progress.phase;
        bar.start(Math.max(progress.total, 1), progress.done, payload);
      } else bar.update(progress.done, payload);
    },
    stop: () => phase && bar.stop(),
  };
}

/**
 * Reads a streamed answer (`application/x-ndjson`: progress lines, then a result or an error
 * line), handing progress to `onProgress`; returns the result, or throws the server's error.
 */
export async function readProgressStream<T>(response: Response, onProgress: (progress: IngestProgress) => void): Promise<T> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    buffered += value ?? "";
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines.filter(Boolean)) {
      const message = JSON.parse(line) as { progress?: IngestProgress; result?: T; error?: { code: string; message: string } };
      if (message.progress) onProgress(message.progress);
      if (message.error) throw new MotifError(message.error.code as ErrorCode, `server: ${message.error.message}`);
      if (message.result !== undefined) return message.result;
    }
    if (done) throw new MotifError("internal:server", "the server closed the ingest stream before its summary");
  }
}
