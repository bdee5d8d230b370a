import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * Where a target lives: a root on this machine and a file under it. `added` marks a right
 * answer completed after the intents were written (tests/fixtures/intents/README.md).
 */
export const targetSchema = z.object({ root: z.enum(["python-stdlib", "node_modules", "debian-python"]), file: z.string(), qualname: z.string(), added: z.string().optional() });
const intentSchema = z.object({
  intent: z.string().min(3),
  targets: z.array(targetSchema).min(1),
  no_shared_words: z.boolean().default(false),
});

export type Target = z.infer<typeof targetSchema>;
export type Intent = z.infer<typeof intentSchema> & { source: string };

/** The intent sets the evaluator reports apart. */
export const intentSets = ["in-sample", "held-out", "held-out-2", "held-out-3", "held-out-4", "held-out-5", "held-out-6"] as const;
export type IntentSet = (typeof intentSets)[number];

/**
 * The sets a tuning run reads when none is named: the six tuning sets. held-out-3 was scored
 * once at the end of the third round and is tuned on since; held-out-4 was scored at the ends of
 * sessions 9 and 10 and is tuned on from session 11; held-out-5 was scored once at the end of
 * session 11 and is tuned on from session 12 (each set's figure is reported from a fit on the
 * other five: leave one set out). held-out-6 is scored only when asked for by name, once, at the
 * end of a tuning round (its figures must not steer the tuning).
 */
export const tuningSets: readonly IntentSet[] = ["in-sample", "held-out", "held-out-2", "held-out-3", "held-out-4", "held-out-5"];

/**
 * The held-out files: held-out.json was written before the first tuning (and looked at
 * since); held-out-2.json was written before the second and tuned on in the third;
 * held-out-3.json was written before the third, scored once after it and tuned on in the
 * fourth; held-out-4.json was written before the fourth and is tuned on from session 11; held-out-5.json
 * was written in session 11 by reading source code only and is tuned on from session 12;
 * held-out-6.json was written in session 12 the same way, and is never tuned on.
 */
export const heldOutFiles: Record<Exclude<IntentSet, "in-sample">, string> = {
  "held-out": "held-out.json", "held-out-2": "held-out-2.json", "held-out-3": "held-out-3.json", "held-out-4": "held-out-4.json",
  "held-out-5": "held-out-5.json", "held-out-6": "held-out-6.json",
};

function inSet(name: string, set: IntentSet): boolean {
  const heldOut = Object.values(heldOutFiles);
  return set === "in-sample" ? !heldOut.includes(name) : name === heldOutFiles[set];
}

/**
 * The intents of one set: "in-sample" (every file but the held-out ones, used while tuning),
 * "held-out" (held-out.json), "held-out-2" (held-out-2.json), "held-out-3" (held-out-3.json), "held-out-4"
 * (held-out-4.json), "held-out-5" (held-out-5.json) or "held-out-6" (held-out-6.json).
 */
export function loadIntents(directory: string, set: IntentSet): Intent[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith(".json") && inSet(name, set))
    .sort()
    .flatMap((name) => {
      const list = z.array(intentSchema).parse(JSON.parse(readFileSync(path.join(directory, name), "utf8")));
      return list.map((intent) => ({ ...intent, source: name }));
    });
}
