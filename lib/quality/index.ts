export type { CoverageFormat, CoverageReport, FileLineCoverage } from "./coverage-report";
export { parseCoverageReport, detectCoverageFormat } from "./parse-coverage-report";
export { readCoverageReport } from "./read-coverage-report";
export { createCoverageLookup, coverageOfRange, type CoverageLookup } from "./line-coverage-of";
export {
  complexityPart,
  documentationPart,
  reusabilityPart,
  maintainabilityPart,
  couplingScore,
  cohesionScore,
  type DocumentationFacts,
} from "./quality-parts";
export { scoreQuality, combineQualityParts, qualityWeights, noCoverageNote, type QualityInput } from "./score-quality";
export { lcom4, type MethodAccess } from "./lcom4";
