import { MotifError } from "@/lib/errors";
import { emptyTrace, type SessionTrace } from "./session-trace";

/**
 * Reads a unified diff (git diff, diff -u) with the prompt that asked for it: the files it
 * changes, the lines it adds (each hunk's added and context lines, as code to read) and removes.
 */
export function parseUnifiedDiff(diff: string, prompt: string): SessionTrace {
  const trace = emptyTrace("unified_diff");
  trace.prompt = prompt.trim();
  trace.messages = 1;
  let file = "";
  let hunk: string[] = [];
  let added = false;
  // A hunk that adds lines is read with its context (the shape of the code after the change).
  const flush = () => {
    if (file && added) trace.written.push({ file, code: hunk.join("\n") });
    hunk = [];
    added = false;
  };
  for (const line of diff.split("\n")) {
    if (line.startsWith("+++ ")) {
      flush();
      const target = line.slice(4).trim().split("\t")[0];
      file = target === "/dev/null" ? "" : target.replace(/^b\//, "");
    } else if (line.startsWith("--- ") || line.startsWith("diff --git") || line.startsWith("index ")) {
      flush();
    } else if (line.startsWith("@@")) {
      flush();
    } else if (line.startsWith("+")) {
      trace.linesAdded += 1;
      added = true;
      hunk.push(line.slice(1));
    } else if (line.startsWith("-")) {
      trace.linesRemoved += 1;
    } else if (line.startsWith(" ")) {
      hunk.push(line.slice(1));
    }
  }
  flush();
  if (trace.linesAdded + trace.linesRemoved === 0) throw new MotifError("bad_request:input", "diff: no added or removed lines found (give a unified diff, as git diff prints it)");
  return trace;
}
