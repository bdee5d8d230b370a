export { MotifError, statusForCode, type ErrorCode } from "./motif-error";
export {
  sqlStateOf,
  databaseErrorFields,
  describeDatabaseError,
  describeErrorCause,
  type DatabaseErrorFields,
} from "./database-error-fields";
