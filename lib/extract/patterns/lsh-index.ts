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
    const keys = bandKeys(signature, bucket, this.rowsPerBand);
    for (const key of keys) {
      const items = this.buckets.get(key);
      if (items) for (const item of items) hits.set(item, (hits.get(item) ?? 0) + 1);
    }
    // Counting sort by shared bands, most first; ties keep first-hit order (as a stable sort would).
    const byCount: Item[][] = Array.from({ length: keys.length + 1 }, () => []);
    for (const [item, count] of hits) byCount[count].push(item);
    const ranked: Item[] = [];
    for (let count = keys.length; count > 0 && ranked.length < limit; count--) {
      for (const item of byCount[count]) {
        if (ranked.length === limit) break;
        ranked.push(item);
      }
    }
    return ranked;
  }
}
