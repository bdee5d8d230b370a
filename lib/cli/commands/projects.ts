import type { Command } from "commander";
import type { ProjectOverview } from "@/lib/db";
import { operatorMemberSchema, type OperatorMemberAnswer } from "@/lib/domain";
import { parseOptions } from "../parse-options";

function printTable(projects: ProjectOverview[]): void {
  if (projects.length === 0) {
    process.stdout.write("No projects yet. Sign up in the web app (motif serve) and create one.\n");
    return;
  }
  const rows = projects.map((project) => [project.slug, project.name, String(project.members), String(project.patterns)]);
  const header = ["SLUG", "NAME", "MEMBERS", "PATTERNS"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  for (const row of [header, ...rows]) process.stdout.write(`${row.map((cell, column) => cell.padEnd(widths[column])).join("  ")}\n`);
}

async function addMember(project: string, email: string, rawOptions: { role?: string; json?: boolean }): Promise<void> {
  const request = parseOptions(operatorMemberSchema, { project, email, role: rawOptions.role });
  const [{ addMemberAsOperator }, { withDatabaseAccess }] = await Promise.all([import("@/lib/operator"), import("../database-access")]);
  const answer = await withDatabaseAccess<OperatorMemberAnswer>({
    direct: (database) => addMemberAsOperator({ database, request }),
    viaServer: async (fetchOwner) => {
      const init = { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) };
      return (await (await fetchOwner("/api/operator/members", init)).json()) as OperatorMemberAnswer;
    },
  });
  if (rawOptions.json) process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
  else process.stdout.write(`${answer.member.email} is ${answer.member.role} of ${answer.project.slug}${answer.member.added ? " (added)" : ""}\n`);
}

/** `motif projects` (every project of this Motif) and `motif projects add-member`, as the local operator. */
export function registerProjectsCommand(program: Command): void {
  const projects = program
    .command("projects")
    .description("List the projects in this Motif (embedded: the data dir's owner view)")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const [{ listProjectsAsOperator }, { withDatabaseAccess }] = await Promise.all([
        import("@/lib/operator"),
        import("../database-access"),
      ]);
      const projects = await withDatabaseAccess<ProjectOverview[]>({
        direct: (database) => listProjectsAsOperator(database),
        viaServer: async (fetchOwner) => ((await (await fetchOwner("/api/operator/projects")).json()) as { projects: ProjectOverview[] }).projects,
      });
      if (options.json) process.stdout.write(`${JSON.stringify({ projects }, null, 2)}\n`);
      else printTable(projects);
    });
  projects
    .command("add-member")
    .description("Give a signed-up account a role in a project (a project motif ingest created has no members until then)")
    .argument("<project>", "project slug")
    .argument("<email>", "the account's email")
    .option("--role <role>", "admin, member or viewer", "admin")
    .option("--json", "print JSON")
    .action(addMember);
}
