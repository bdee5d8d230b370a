import { bandKeys } from "./shingles";

/**
 * Locality-sensitive lookup of items whose MinHash signatures share at least one band.
 * Items are small non-negative integers (positions in the caller's list), so hits are
 * counted in a reused array rather than a map: a query may touch a thousand items.
 * A band key shared by very many items (the shape of every one-line getter) says nothing,
 * so each key keeps at most `bucketLimit` items: queries stay cheap on any repository.
 */
export class LshIndex {
  private readonly buckets = new Map<string, number[]>();
  private hits = new Uint16Array(1024);

  constructor(
    private readonly rowsPerBand: number,
    private readonly bucketLimit = 128,
  ) {}

  /** Registers an item (a non-negative integer) under every band of its signature. */
  add(item: number, signature: Uint32Array, bucket: string): void {
    for (const key of bandKeys(signature, bucket, this.rowsPerBand)) {
      const items = this.buckets.get(key);
      if (!items) this.buckets.set(key, [item]);
      else if (items.length < this.bucketLimit) items.push(item);
    }
    if (item >= this.hits.length) {
      const grown = new Uint16Array(Math.max(item + 1, this.hits.length * 2));
      grown.set(this.hits);
      this.hits = grown;
    }
  }

  /** Items sharing a band with the signature, those sharing most bands (the likeliest near copies) first, at most `limit`. */
  candidates(signature: Uint32Array, bucket: string, limit: number): number[] {
    const keys = bandKeys(signature, bucket, this.rowsPerBand);
    const touched: number[] = [];
    for (const key of keys) {
      const items = this.buckets.get(key);
      if (items) for (const item of items) if (this.hits[item]++ === 0) touched.push(item);
    }
    // Counting sort by shared bands, most first; ties keep first-hit order. The counters are reset for the next query.
    const byCount: number[][] = Array.from({ length: keys.length + 1 }, () => []);
    for (const item of touched) {
      byCount[this.hits[item]].push(item);
      this.hits[item] = 0;
    }
    const ranked: number[] = [];
    for (let count = keys.length; count > 0 && ranked.length < limit; count--) {
      for (const item of byCount[count]) {
        if (ranked.length === limit) break;
        ranked.push(item);
      }
    }
    return ranked;
  }
}
