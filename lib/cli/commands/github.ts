import type { Command } from "commander";
import { z } from "zod";
import { gitHubConnectRequestSchema } from "@/lib/domain";
import type { GitHubConnection } from "@/lib/github";
import { parseOptions } from "../parse-options";

const connectOptionsSchema = z.object({
  project: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "use 2-63 lowercase letters, digits and dashes"),
  repository: gitHubConnectRequestSchema.shape.repository,
  webhookSecret: gitHubConnectRequestSchema.shape.webhook_secret,
  token: gitHubConnectRequestSchema.shape.token,
  json: z.boolean().default(false),
});

async function runConnect(rawOptions: unknown): Promise<void> {
  const options = parseOptions(connectOptionsSchema, rawOptions);
  const request = { repository: options.repository, webhook_secret: options.webhookSecret, token: options.token };
  const [{ connectRepositoryAsOperator }, { withDatabaseAccess }] = await Promise.all([import("@/lib/github"), import("../database-access")]);
  const connection = await withDatabaseAccess<GitHubConnection>({
    direct: (database) => connectRepositoryAsOperator({ database, slug: options.project, request }),
    viaServer: async (fetchOwner) => {
      const response = await fetchOwner("/api/operator/github", {
        method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ project: options.project, ...request }),
      });
      return ((await response.json()) as { connection: GitHubConnection }).connection;
    },
  });
  if (options.json) return void process.stdout.write(`${JSON.stringify({ connection }, null, 2)}\n`);
  process.stdout.write(
    `${connection.created ? "Connected" : "Updated the connection of"} ${options.project} to ${connection.repository}.\n` +
      `On GitHub, add a webhook (Settings → Webhooks) with payload URL <your Motif URL>${connection.webhook_path},\n` +
      `content type application/json, the same secret, and the events push, pull requests and issues.\n`,
  );
}

/** `motif github connect`: connects a project to a GitHub repository (webhook secret and token stored encrypted). */
export function registerGitHubCommand(program: Command): void {
  const github = program.command("github").description("Connect projects to GitHub repositories");
  github
    .command("connect")
    .description("Connect a project to a GitHub repository: pushes ingest, pull requests and issues get comments")
    .requiredOption("-p, --project <slug>", "project slug")
    .requiredOption("--repository <owner/name>", "the GitHub repository")
    .requiredOption("--webhook-secret <secret>", "the secret set on the repository's webhook")
    .requiredOption("--token <token>", "a GitHub token that reads contents and writes issue and pull-request comments")
    .option("--json", "print the connection as JSON")
    .action(runConnect);
}
