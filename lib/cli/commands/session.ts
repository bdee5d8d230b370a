import fs from "node:fs";
import type { Command } from "commander";
import { z } from "zod";
import { sessionAnalyzeRequestSchema, type SessionAnalyzeRequest } from "@/lib/domain";
import { MotifError } from "@/lib/errors";
import type { AnalysedSession } from "@/lib/sessions";
import { parseOptions } from "../parse-options";

const analyzeOptionsSchema = z.object({
  project: z.string().min(1),
  compare: z.string().min(1).optional(),
  prompt: z.string().min(1).optional(),
  title: z.string().max(200).optional(),
  source: z.string().min(1).max(100).optional(),
  json: z.boolean().default(false),
});

type Options = z.infer<typeof analyzeOptionsSchema>;

// A file is a diff when it reads as one; anything else is a transcript.
function requestFor(file: string, options: Options, compareSessionId?: string): SessionAnalyzeRequest {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new MotifError("bad_request:input", `cannot read ${file}: ${(error as Error).message}`);
  }
  const isDiff = /^(diff --git |--- |Index: )/m.test(text.slice(0, 2000)) && !text.trimStart().startsWith("{");
  if (isDiff && !options.prompt) throw new MotifError("bad_request:input", `${file} is a diff: give the task that asked for it with --prompt "<text>"`);
  const body = { ...(isDiff ? { diff: text, prompt: options.prompt } : { transcript: text }), title: options.title, source: options.source, compare_session_id: compareSessionId };
  const parsed = sessionAnalyzeRequestSchema.safeParse(body);
  if (!parsed.success) throw new MotifError("bad_request:input", `${file}: ${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

async function analyse(request: SessionAnalyzeRequest, options: Options, watch: boolean): Promise<AnalysedSession> {
  const [{ createEmbeddingProvider }, { analyzeSessionAsOperator }, { withDatabaseAccess }] = await Promise.all([import("@/lib/embed"), import("@/lib/sessions"), import("../database-access")]);
  let written = 0;
  const answer = await withDatabaseAccess<AnalysedSession>({
    direct: (database) => analyzeSessionAsOperator({
      database, slug: options.project, request, embedder: createEmbeddingProvider(),
      // The judgement streams in: show that it is being written.
      onJudgementText: watch ? (delta) => process.stderr.write(`\r\x1b[2Kjudging the session: ${(written += delta.length)} characters`) : undefined,
    }),
    viaServer: async (fetchOwner) => {
      const body = JSON.stringify({ project: options.project, ...request });
      return (await (await fetchOwner("/api/operator/sessions", { method: "POST", headers: { "content-type": "application/json" }, body })).json()) as AnalysedSession;
    },
  });
  if (watch && written > 0) process.stderr.write("\r\x1b[2K");
  return answer;
}

async function runAnalyze(file: string, rawOptions: unknown): Promise<void> {
  const options = parseOptions(analyzeOptionsSchema, rawOptions);
  const watch = !options.json && process.stderr.isTTY === true;
  // --compare names a stored session (its id) or another file, analysed first.
  let compareId: string | undefined;
  if (options.compare && z.uuid().safeParse(options.compare).success) compareId = options.compare;
  else if (options.compare) compareId = (await analyse(requestFor(options.compare, { ...options, title: undefined }), options, watch)).session.id;
  const answer = await analyse(requestFor(file, options, compareId), options, watch);
  if (options.json) return void process.stdout.write(`${JSON.stringify({ session: { ...answer.session, report: undefined }, report: answer.report, comparison: answer.comparison }, null, 2)}\n`);
  process.stdout.write(answer.report.markdown);
  if (answer.comparison) process.stdout.write(`\n${answer.comparison}`);
  process.stdout.write(`\nStored as session ${answer.session.id} in ${options.project}.\n`);
}

/** `motif session analyze <file> --project <slug> [--compare <file or session id>]`: analyses a coding session. */
export function registerSessionCommand(program: Command): void {
  const session = program.command("session").description("Coding-agent sessions: which patterns they used, how they went, what they cost");
  session
    .command("analyze")
    .alias("analyse")
    .description("Analyse a session (Claude Code JSONL, OpenAI-format messages, or a unified diff with --prompt): stores it and prints a Markdown report")
    .argument("<file>", "transcript or diff")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--compare <file-or-id>", "another session (a file, analysed too, or a stored session id) to compare with")
    .option("--prompt <text>", "the task that asked for the diff (diffs only)")
    .option("--title <text>", "a title (default: the prompt's first line)")
    .option("--source <name>", "who worked: an agent name, an editor")
    .option("--json", "print {session, report, comparison} as JSON")
    .action(runAnalyze);
}
