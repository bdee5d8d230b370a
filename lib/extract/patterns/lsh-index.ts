import { bandKeys } from "./shingles";

/**
 * Locality-sensitive lookup of items whose MinHash signatures share at least one band.
 * A band key shared by very many items (the shape of every one-line getter) says nothing,
 * so each key keeps at most `bucketLimit` items: queries stay cheap on any repository.
 */
export class LshIndex<Item> {
  private readonly buckets = new Map<string, Item[]>();

  constructor(
    private readonly rowsPerBand: number,
    private readonly bucketLimit = 128,
  ) {}

  /** Registers an item under every band of its signature. */
  add(item: Item, signature: Uint32Array, bucket: string): void {
    for (const key of bandKeys(signature, bucket, this.rowsPerBand)) {
      const items = this.buckets.get(key);
      if (!items) this.buckets.set(key, [item]);
      else if (items.length < this.bucketLimit) items.push(item);
    }
  }

  /** Items sharing a band with the signature, those sharing most bands (the likeliest near copies) first, at most `limit`. */
  candidates(signature: Uint32Array, bucket: string, limit: number): Item[] {
    const hits = new Map<Item, number>();
    for (const key of bandKeys(signature, bucket, this.rowsPerBand)) {
      for (const item of this.buckets.get(key) ?? []) hits.set(item, (hits.get(item) ?? 0) + 1);
    }
    // The sort is stable, so ties keep first-hit order.
    return [...hits.keys()].sort((a, b) => hits.get(b)! - hits.get(a)!).slice(0, limit);
  }
}
