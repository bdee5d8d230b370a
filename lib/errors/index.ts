/**
 * lib/errors: the one error type every capability throws (a code such as `not_found:resource`
 * and a message naming what was wrong, the cause kept) and how a database error is described.
 * Its own folder because everything else depends on it: lib/http turns it into a 4xx/5xx
 * answer, lib/cli into a one-line message and an exit code.
 */
export { MotifError, statusForCode, type ErrorCode } from "./motif-error";
export {
  sqlStateOf,
  databaseErrorFields,
  describeDatabaseError,
  describeErrorCause,
  type DatabaseErrorFields,
} from "./database-error-fields";
export { systemErrorCode, isTimeoutError, remoteStatusOf, redactSecrets } from "./remote-failure";
