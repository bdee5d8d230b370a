export { assembleResult, keepUnit, type AssembleResultInput } from "./assemble-result";
export { decodeSource, type DecodedSource } from "./decode-source";
export { extractSource, type ExtractSourceInput, type FileOutcome } from "./extract-source";
