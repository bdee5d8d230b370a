/**
 * Outcomes of comparing two shapes, kept per floor, first shape and second shape. Shapes are
 * the token-id arrays kept on each unit object (`cluster-units.ts`), so an entry lives as
 * long as both units do, and a long-running process clustering a repository again after one
 * file changed compares only the pairs that file brought.
 */
export class SimilarityMemo {
  private readonly outcomes = new Map<number, WeakMap<Int32Array, WeakMap<Int32Array, number>>>();

  /**
   * `compare(left, right)`, the outcome of comparing shape `first` (left's) with shape `second`
   * (right's) at `floor` (a similarity, or any value below the floor), computed once per pair
   * of shapes and floor. `compare` must be a function of the two shapes (and the facts that
   * come with them) alone.
   */
  similarity<Item>(first: Int32Array, second: Int32Array, floor: number, compare: (left: Item, right: Item) => number, left: Item, right: Item): number {
    let byFirst = this.outcomes.get(floor);
    if (!byFirst) this.outcomes.set(floor, (byFirst = new WeakMap()));
    let bySecond = byFirst.get(first);
    if (!bySecond) byFirst.set(first, (bySecond = new WeakMap()));
    let outcome = bySecond.get(second);
    if (outcome === undefined) bySecond.set(second, (outcome = compare(left, right)));
    return outcome;
  }
}

/** Compares without keeping anything: a one-off run (`motif extract`) sees each pair once. */
export const noSimilarityMemo: SimilarityLookup = {
  similarity: <Item>(_first: Int32Array, _second: Int32Array, _floor: number, compare: (left: Item, right: Item) => number, left: Item, right: Item) => compare(left, right),
};

/** What clustering asks of a memo of shape comparisons. */
export type SimilarityLookup = Pick<SimilarityMemo, "similarity">;
