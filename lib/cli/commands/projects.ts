import type { Command } from "commander";
import type { ProjectOverview } from "@/lib/db";

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

/** `motif projects`: every project of this Motif, as the local operator. */
export function registerProjectsCommand(program: Command): void {
  program
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
}
