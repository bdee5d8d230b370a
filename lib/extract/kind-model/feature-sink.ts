/** The features of one unit: name → value (1 for a fact seen; 0–1 for a bounded count). */
export type UnitFeatures = Map<string, number>;

/** Collects a unit's features; a feature set twice keeps its largest value. */
export class FeatureSink {
  readonly features: UnitFeatures = new Map();

  /** Records a fact (value 1). */
  flag(name: string): void {
    this.features.set(name, 1);
  }

  /** Records a fact when `seen` is true. */
  flagIf(seen: boolean, name: string): void {
    if (seen) this.flag(name);
  }

  /** Records a count as the share of `cap` it reaches (0–1), when above zero. */
  count(name: string, count: number, cap: number): void {
    if (count <= 0) return;
    const value = Math.min(count, cap) / cap;
    if (value > (this.features.get(name) ?? 0)) this.features.set(name, value);
  }
}
