/**
 * lib/operator: the local operator path. The data dir's owner (the CLI, or `motif serve` for
 * it through `/api/operator/*` with the operator token) acts as service_role: the token,
 * its check, the database it opens and the project lookup every operator command shares.
 */
export { writeOperatorToken, readOperatorToken, isOperatorToken } from "@/lib/env";
export { requireOperator } from "./require-operator";
export { operatorDatabase } from "./operator-database";
export { inOperatorProject, requireOperatorProject } from "./in-operator-project";
export { listProjectsAsOperator } from "./list-projects-as-operator";
export { backupAsOperator } from "./backup-as-operator";
export { addMemberAsOperator } from "./add-member-as-operator";
