export { toCsv, type CsvValue } from "./to-csv";
export { exportPatterns, exportColumns, type ExportedPattern, type PatternExportQuery } from "./export-patterns";
