import type { Command } from "commander";
import { registerBudgetCommand } from "./budget";
import { registerBuildCommand } from "./build";
import { registerCostsCommand } from "./costs";
import { registerDbCommand } from "./db";
import { registerDescribeCommand } from "./describe";
import { registerExtractCommand } from "./extract";
import { registerGitHubCommand } from "./github";
import { registerIngestCommand } from "./ingest";
import { registerMcpCommand } from "./mcp";
import { registerProjectsCommand } from "./projects";
import { registerReembedCommand } from "./reembed";
import { registerSearchCommand } from "./search";
import { registerServeCommand } from "./serve";
import { registerSessionCommand } from "./session";
import { registerWorkerCommand } from "./worker";

/** Adds every subcommand to the program; each lives in its own file in this folder. */
export function registerCommands(program: Command): void {
  registerServeCommand(program);
  registerBuildCommand(program);
  registerProjectsCommand(program);
  registerDbCommand(program);
  registerExtractCommand(program);
  registerIngestCommand(program);
  registerSearchCommand(program);
  registerReembedCommand(program);
  registerWorkerCommand(program);
  registerMcpCommand(program);
  registerGitHubCommand(program);
  registerDescribeCommand(program);
  registerCostsCommand(program);
  registerBudgetCommand(program);
  registerSessionCommand(program);
}
