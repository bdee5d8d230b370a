/** lib/health: what /api/health reports about the database, migrations, embedder, job queue, accuracy and LLM providers. */
export { checkHealth } from "./check-health";
export { jobLagLimitSeconds } from "./health-checks";
export { readOperationalStats } from "./read-operational-stats";
