/**
 * The data model of extraction, shared by units, metrics, detectors, clustering and
 * scoring. Everything here is plain data (JSON-serialisable) so it crosses worker threads.
 */
import type { DesignPatternKind, Language, PatternType, RelationshipType, UnitKind } from "./enums";

/** One design-pattern call on a unit, with the syntax that made it. */
export interface PatternMatch {
  kind: DesignPatternKind;
  /** 0–1. */
  confidence: number;
  /** Human-readable reasons, each naming the syntax seen ("while loop catching ConnectionError"). */
  evidence: string[];
}

export interface Parameter {
  name: string;
  annotation?: string;
  hasDefault: boolean;
  /** `*args` / `...rest`. */
  variadic?: boolean;
}

/** Cyclomatic and other per-unit metrics. */
export interface UnitMetrics {
  /** radon's rules for Python, ESLint's `complexity` rule for JS/TS. */
  cyclomatic: number;
  /** SonarSource cognitive complexity. */
  cognitive: number;
  maxNesting: number;
  parameterCount: number;
  /** Non-blank, non-comment lines. */
  linesOfCode: number;
}

/** A function, method or class found by parsing. */
export interface CodeUnit {
  /** Stable id within one run: `${file}:${startLine}:${qualname}`. */
  id: string;
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  language: Language;
  kind: UnitKind;
  name: string;
  /** Python: `Class.method` as radon names it; JS/TS: `Class.method`, `outer.inner`. */
  qualname: string;
  /** 1-based, inclusive. A function starts at its def/function/name line, not its decorator. */
  startLine: number;
  endLine: number;
  signature: string;
  parameters: Parameter[];
  returnAnnotation?: string;
  docstring?: string;
  decorators: string[];
  /** Class units: the base classes / extended class and implemented interfaces. */
  bases: string[];
  /** Names called in the body (`foo`, `self.bar`, `time.sleep`), in order of first appearance, unique. */
  calls: string[];
  /** Imported names the body uses, as `module.name` or `module`. */
  importsUsed: string[];
  isAsync: boolean;
  isGenerator: boolean;
  /** Qualname of the enclosing class for methods, of the enclosing function for nested ones. */
  parentQualname?: string;
  /** The unit's source text. */
  code: string;
  metrics: UnitMetrics;
  /** Design patterns this unit implements (empty when none). */
  patterns: PatternMatch[];
  /** Structural hash: syntax shape with identifiers and literals abstracted. */
  fingerprint: string;
}

/** A file that could not be read or parsed; it is skipped and reported, never fatal. */
export interface ExtractionFailure {
  file: string;
  reason: string;
}

/** A module-level statement that is no unit and no import (`app = Flask(__name__)`, `bus.on("e", f)`), with its first line. */
export interface ModuleStatement {
  line: number;
  /** Its source text, cut at a few kilobytes. */
  code: string;
}

/** The result of extracting one file. */
export interface FileExtraction {
  file: string;
  language: Language;
  /** Module-level imports: local name → `module` or `module.name`. */
  imports: Record<string, string>;
  /** Module-level code that is no unit (module-level instances and what is done with them); absent in extractions of older versions. */
  moduleStatements?: ModuleStatement[];
  units: CodeUnit[];
  lines: number;
  bytes: number;
}

/** The five parts of the quality score (DESIGN §4), each 0–1; null when its input is absent. */
export interface QualityParts {
  complexity: number;
  documentation: number;
  /** null when no coverage report was given: the other parts are re-weighted. */
  testCoverage: number | null;
  reusability: number;
  maintainability: number;
}

export interface QualityScore {
  /** 0–1, the weighted sum of the parts that are known. */
  score: number;
  parts: QualityParts;
  /** The weights actually used (re-weighted when a part is unknown); they sum to 1. */
  weights: Record<keyof QualityParts, number>;
  /** Plain statements about the inputs, e.g. "no coverage report: test coverage unknown". */
  notes: string[];
}

/** Where a pattern stands in code. */
export interface PatternOccurrence {
  file: string;
  startLine: number;
  endLine: number;
  qualname: string;
  unitId: string;
}

/** A cluster of units that do the same thing the same way. */
export interface ExtractedPattern {
  /** Stable key within and across runs: derived from the fingerprint (or cluster centre). */
  key: string;
  fingerprint: string;
  patternType: PatternType;
  /** The design-pattern kind it implements, if any. */
  kind: DesignPatternKind | null;
  /** Human name from what the code does; never a file name. */
  name: string;
  description: string;
  language: Language;
  framework: string | null;
  /** The representative implementation. */
  code: string;
  tags: string[];
  /** Imports it depends on. */
  dependencies: string[];
  complexity: number;
  /** 0–1: how sure the clustering and naming are. */
  confidence: number;
  /** The design-pattern evidence, when kind is set. */
  evidence: string[];
  quality: QualityScore;
  occurrences: PatternOccurrence[];
  /** Real fan-in: distinct units outside its occurrences that call, instantiate or extend one of them. */
  callers: number;
  /**
   * Whether the shape recurs: at least 2 distinct occurrences, or called from at least 3 places,
   * and not a data-only class or a trivial accessor (those are one-off units however often
   * their shape repeats). With a design-pattern kind, what leads a list (DESIGN §4).
   */
  recurring: boolean;
}

export interface PatternRelationship {
  /** Pattern keys. */
  source: string;
  target: string;
  type: RelationshipType;
  strength: number;
  confidence: number;
  evidence: string[];
}

export interface ExtractionStats {
  files: number;
  filesFailed: number;
  lines: number;
  bytes: number;
  units: number;
  patterns: number;
  patternsByType: Record<string, number>;
  patternsByKind: Record<string, number>;
  durationMs: number;
  jobs: number;
}

/** What `motif extract --json` prints. */
export interface ExtractionResult {
  units: CodeUnit[];
  patterns: ExtractedPattern[];
  relationships: PatternRelationship[];
  stats: ExtractionStats;
  failures: ExtractionFailure[];
}
