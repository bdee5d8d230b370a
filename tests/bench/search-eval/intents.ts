import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** Where a target lives: a root on this machine and a file under it. */
export const targetSchema = z.object({ root: z.enum(["python-stdlib", "node_modules"]), file: z.string(), qualname: z.string() });
const intentSchema = z.object({
  intent: z.string().min(3),
  targets: z.array(targetSchema).min(1),
  no_shared_words: z.boolean().default(false),
});

export type Target = z.infer<typeof targetSchema>;
export type Intent = z.infer<typeof intentSchema> & { source: string };

/** The held-out file: written before any tuning and never tuned on. */
export const heldOutFile = "held-out.json";

/**
 * The intents of one set: "in-sample" (every file but held-out.json, used while tuning)
 * or "held-out" (held-out.json only).
 */
export function loadIntents(directory: string, set: "in-sample" | "held-out"): Intent[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith(".json") && (set === "held-out") === (name === heldOutFile))
    .sort()
    .flatMap((name) => {
      const list = z.array(intentSchema).parse(JSON.parse(readFileSync(path.join(directory, name), "utf8")));
      return list.map((intent) => ({ ...intent, source: name }));
    });
}
