export type { CoverageFormat, CoverageReport, FileLineCoverage } from "./coverage-report";
export { parseCoverageReport, detectCoverageFormat } from "./parse-coverage-report";
export { readCoverageReport } from "./read-coverage-report";
export { createCoverageLookup, coverageOfRange, type CoverageLookup } from "./line-coverage-of";
export {
  complexityPart,
  classComplexityPart,
  substanceFit,
  readabilityFit,
  brevityFit,
  documentationPart,
  reusabilityPart,
  maintainabilityPart,
  couplingScore,
  cohesionScore,
  type ComplexityFacts,
  type DocumentationFacts,
  type FanIn,
} from "./quality-parts";
export { scoreQuality, combineQualityParts, qualityWeights, noCoverageNote, type QualityInput } from "./score-quality";
export { lcom4, type MethodAccess } from "./lcom4";
