export { recordPatternUsage, readPatternCounters, type UsageReport, type PatternCounters } from "./record-usage";
export { closePatternUsage, type UsageClosing } from "./close-usage";
export { recordPatternValidation, type ValidationInput } from "./record-validation";
export { getPatternUsageByDay } from "./usage-by-day";
export { getProjectAccuracy, alertOnKindAccuracy, listDegradedKinds, accuracySettings } from "./accuracy";
