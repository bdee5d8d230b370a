export type { Database, Queryable, NotificationHandler } from "./database";
export { openPgliteDatabase } from "./pglite-driver";
export { openPostgresDatabase } from "./postgres-driver";
export { migrate, listMigrations, appliedMigrations, type MigrationFile } from "./migrate";
export { withUser, asService, anonymousClaims, type JwtClaims } from "./request-context";
export { acquireDataDirLock, readLockOwner, advertiseLockUrl, type LockOwner } from "./data-dir-lock";
export { openDatabase, getDatabase } from "./open-database";
export { motifHome } from "./motif-home";
