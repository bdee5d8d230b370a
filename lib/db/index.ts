export type { Database, Queryable, NotificationHandler } from "./database";
export type { TransactionSettings } from "./transaction-settings";
export { openPgliteDatabase } from "./pglite-driver";
export { openPostgresDatabase } from "./postgres-driver";
export { postgresPoolOptions, type PostgresPoolOptions } from "./postgres-pool-options";
export { ensureSupabaseObjects, type SupabaseObjectsState } from "./supabase-objects";
export { migrate, listMigrations, appliedMigrations, type MigrationFile } from "./migrate";
export { withUser, asService, anonymousClaims, type JwtClaims } from "./request-context";
export { acquireDataDirLock, readLockOwner, advertiseLockUrl, type LockOwner } from "./data-dir-lock";
export { openDatabase, getDatabase } from "./open-database";
export { dueMaintenance, freezeMayBeDue, runMaintenance, describeMaintenance, maintenanceFor, type MaintenanceTask, type MaintenanceDone, type TableActivity, type AutovacuumSettings } from "./autovacuum";
export { startEmbeddedMaintenance, type EmbeddedMaintenanceOptions } from "./embedded-maintenance";
export { motifHome } from "./motif-home";
export { listProjectsForOperator, type ProjectOverview } from "./queries/operator-queries";
export { getDatabaseHealth, type DatabaseHealth } from "./queries/health-queries";
export { toMotifError, translateDatabaseErrors, type DatabaseErrorMessages } from "./database-error";
export { createLocalUser, getLocalUserByEmail, recordSignInByUserId, type LocalUser } from "./queries/user-queries";
export {
  createLocalSession,
  isSessionActive,
  endSessionById,
  listSessionsOfCaller,
  revokeSessionOfCaller,
  type AuthSession,
} from "./queries/auth-session-queries";
export {
  listProjectsByCaller,
  type ProjectSummary,
  getProjectBySlug,
  createProjectBySlug,
  updateProjectNameById,
  deleteProjectById,
  type Project,
} from "./queries/project-queries";
export {
  listMembersByProjectId,
  updateMemberRoleByUserId,
  deleteMemberByUserId,
  type ProjectMember,
} from "./queries/member-queries";
export {
  inviteMemberByEmail,
  listInvitationsByProjectId,
  deleteInvitationById,
  listInvitationsOfCaller,
  acceptInvitationById,
  declineInvitationById,
  type ProjectInvitation,
  type ReceivedInvitation,
} from "./queries/invitation-queries";
export {
  listApiKeysByProjectId,
  createApiKeyByProjectId,
  revokeApiKeyById,
  markApiKeyUsedByHash,
  type ApiKey,
} from "./queries/api-key-queries";
export {
  getPatternById,
  insertPattern,
  updatePatternFieldsById,
  copyPatternOccurrences,
  insertPatternEvent,
  hardDeletePatternById,
  patternColumns,
  type PatternRow,
  type PatternQualityColumns,
  type NewPatternValues,
  type PatternFieldChanges,
} from "./queries/pattern-queries";
export {
  listOccurrencesByPatternIds,
  listRelationshipsByPatternId,
  listLineageByPatternId,
  listPatternCodeByIds,
  type OccurrenceRow,
  type RelationshipRow,
} from "./queries/pattern-detail-queries";
export {
  listPatterns,
  countPatterns,
  listProjectRepositories,
  type PatternListQuery,
  type ListedPatternRow,
} from "./queries/pattern-list-queries";
export {
  insertPatternUsage,
  getPatternUsageById,
  closePatternUsageById,
  listPatternUsageByDay,
  insertPatternValidation,
  type UsageRow,
  type UsageValues,
  type UsageDayRow,
  type ValidationRow,
} from "./queries/pattern-feedback-queries";
export { getProjectByReference } from "./queries/project-reference-queries";
export { encodeBinaryCopy, type CopyColumnType } from "./binary-copy";
export {
  stageIngestRows,
  restageIngestPatterns,
  stageIngestEmbeddings,
  type StagedPattern,
  type StagedPatternKey,
  type StagedOccurrence,
  type StagedRelationship,
} from "./queries/ingest-staging";
export {
  resolveIngestTargets,
  writeIngestPatterns,
  recordIngestPatternEvents,
  refreshSearchLexemeStats,
  keepReplacedSearchVectors,
  adjustSearchLexemeStats,
  refreshPatternStatistics,
  type PatternWriteNeed,
} from "./queries/ingest-patterns";
export { writeIngestOccurrences, recordOccurrenceEvents, type OccurrenceChange, type OccurrencePatterns } from "./queries/ingest-occurrences";
export { writeIngestRelationships, type RelationshipChanges, type RelationshipKeys } from "./queries/ingest-relationships";
export { readIngestStateDigest, type IngestStateDigest } from "./queries/ingest-state-digest";
export { listSourceFilesByRepository, readSourceFileExtractions, getSourceCommitByRepository, writeSourceFiles, listRecentlyIngestedRepositories, type SourceFileRow, type IngestedRepository } from "./queries/source-file-queries";
export {
  upsertGitHubConnection,
  listGitHubConnectionsByRepository,
  getGitHubConnectionById,
  listGitHubConnectionsByProjectId,
  insertGitHubDelivery,
  setGitHubDeliveryJob,
  listPatternIdsByExtractionKeys,
  getProjectSlugById,
  type GitHubConnectionRow,
  type GitHubConnectionSummary,
} from "./queries/github-queries";
export { createRunningJob, updateJobProgressById, finishJobById, defaultJobLeaseSeconds, type Job } from "./queries/job-queries";
export { listProjectJobs, getProjectJob, type ProjectJob } from "./queries/project-job-queries";
export {
  enqueueJob,
  claimNextJob,
  renewJobLease,
  failAbandonedJobs,
  failOrRetryJobById,
  getJobById,
  type QueuedJob,
} from "./queries/job-queue-queries";
export {
  listProjectsToReembed,
  countPatternsToReembed,
  listPatternsToReembed,
  writePatternEmbeddings,
  type PatternToReembed,
} from "./queries/reembed-queries";
export {
  matchPatternScores,
  matchPatternsWithDetails,
  listMatchCandidates,
  recordMatchDetailsByIds,
  type MatchCandidateRow,
  listMatchDetailsByIds,
  recordPatternMatchesByIds,
  type MatchedPatternRow,
  type MatchScoreRow,
  type MatchDetailRow,
} from "./queries/match-queries";
export {
  getProjectInsightsByProjectId,
  countOccurrencesByPatternIds,
  listRepositoriesByPatternIds,
  qualityTiers,
  type ProjectInsights,
  type ProjectTotals,
  type LabelCount,
  type UsageTrendDay,
  type TopPattern,
  type ComplexityPoint,
} from "./queries/insights-queries";
export { getPatternGraphByProjectId, type PatternGraph, type GraphNode, type GraphEdge } from "./queries/pattern-graph-queries";
export { ensureProjectBySlug, getOperatorProjectBySlug, getOperatorProjectById, upsertProjectMemberByEmail, type OperatorProject } from "./queries/operator-project-queries";
export {
  listPatternEventsAfterId,
  listLatestPatternEvents,
  listPatternEventsByIds,
  getLatestPatternEventId,
  listFeedEntries,
  listIngestEvents,
  type PatternEventRow,
} from "./queries/pattern-event-queries";
export { backupEmbeddedDatabase, restoreEmbeddedDatabase, type RestoreResult } from "./embedded-backup";
export { announceMotifHome } from "./announce-motif-home";
export { getOperationalStats } from "./queries/operational-queries";
export {
  listKindVerdictsByProjectId,
  listKindOutcomesByProjectId,
  listRelationshipVerdictsByProjectId,
  listWeeklyKindVerdictsByProjectId,
  getKindVerdicts,
  getLatestAccuracyEventType,
  listKindVerdictsOfAllProjects,
} from "./queries/accuracy-queries";
export {
  openRemoteDatabase,
  createRemoteDatabaseHost,
  remoteOperationSchema,
  functionsSecretHeader,
  type RemoteDatabaseOptions,
  type RemoteDatabaseHost,
  type RemoteAnswer,
  type RemoteOperation,
} from "./remote";
export {
  insertModelUsage,
  getLlmBudgetByProjectId,
  upsertLlmBudgetByProjectId,
  getCostsByProjectId,
} from "./queries/model-usage-queries";
export { listPatternsToDescribe, countPatternsToDescribe, writePatternDescription, type PatternToDescribe, type PatternDescriptionValues } from "./queries/pattern-description-queries";
export {
  listPatternsByFingerprints,
  listNearestPatterns,
  insertSession,
  finishSessionById,
  listSessionsByProjectId,
  getSessionById,
  type SessionPatternCandidate,
  type SessionRow,
} from "./queries/session-queries";
