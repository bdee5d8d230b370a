export { MotifError, statusForCode, type ErrorCode } from "./motif-error";
