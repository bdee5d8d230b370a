export type { Database, Queryable, NotificationHandler } from "./database";
export { openPgliteDatabase } from "./pglite-driver";
export { openPostgresDatabase } from "./postgres-driver";
export { migrate, listMigrations, appliedMigrations, type MigrationFile } from "./migrate";
export { withUser, asService, anonymousClaims, type JwtClaims } from "./request-context";
export { acquireDataDirLock, readLockOwner, advertiseLockUrl, type LockOwner } from "./data-dir-lock";
export { openDatabase, getDatabase } from "./open-database";
export { motifHome } from "./motif-home";
export { listProjectsForOperator, type ProjectOverview } from "./queries/operator-queries";
export { getDatabaseHealth, type DatabaseHealth } from "./queries/health-queries";
export { toMotifError, translateDatabaseErrors, sqlStateOf, type DatabaseErrorMessages } from "./database-error";
export { createLocalUser, getLocalUserByEmail, recordSignInByUserId, type LocalUser } from "./queries/user-queries";
export {
  listProjectsByCaller,
  getProjectBySlug,
  createProjectBySlug,
  updateProjectNameById,
  deleteProjectById,
  type Project,
  type ProjectRole,
} from "./queries/project-queries";
export {
  listMembersByProjectId,
  addMemberByEmail,
  updateMemberRoleByUserId,
  deleteMemberByUserId,
  type ProjectMember,
} from "./queries/member-queries";
export {
  listApiKeysByProjectId,
  createApiKeyByProjectId,
  revokeApiKeyById,
  markApiKeyUsedByHash,
  type ApiKey,
} from "./queries/api-key-queries";
export { encodeBinaryCopy, type CopyColumnType } from "./binary-copy";
export {
  stageIngestRows,
  stageIngestEmbeddings,
  type StagedPattern,
  type StagedOccurrence,
  type StagedRelationship,
} from "./queries/ingest-staging";
export { resolveIngestTargets, writeIngestPatterns, recordIngestPatternEvents, type PatternWriteNeed } from "./queries/ingest-patterns";
export { writeIngestOccurrences, recordOccurrenceEvents, type OccurrenceChange } from "./queries/ingest-occurrences";
export { writeIngestRelationships } from "./queries/ingest-relationships";
export { createRunningJob, updateJobProgressById, finishJobById, type Job } from "./queries/job-queries";
