export { findUnits, type FoundUnits } from "./find-units";
export { buildUnit, type BuildUnitInput } from "./build-unit";
export type { UnitDraft } from "./unit-draft";
