/**
 * Locality-sensitive lookup of items whose MinHash signatures share at least one band.
 * Items are small non-negative integers (positions in the caller's list), so hits are
 * counted in a reused array rather than a map: a query may touch a thousand items.
 * A band key shared by very many items (the shape of every one-line getter) says nothing,
 * so each key keeps at most `bucketLimit` items: queries stay cheap on any repository.
 */
// Bucket names get one id each for the life of the process (a handful: language family and
// unit kind), so a signature's band keys are the same in every index and can be kept.
const bucketIds = new Map<string, number>();
// Band keys by signature, then by rows per band and bucket: a long-running process clusters
// the same unit objects (and so the same signatures) again at every incremental ingest.
const keysBySignature = new WeakMap<Uint32Array, Map<string, string[]>>();

export class LshIndex {
  private readonly buckets = new Map<string, number[]>();
  private hits = new Uint16Array(1024);

  constructor(
    private readonly rowsPerBand: number,
    private readonly bucketLimit = 128,
  ) {}

  /**
   * The band keys of a signature within a bucket. Each key is a short string of UTF-16
   * units (bucket, band, then each 32-bit row as two halves): one key per distinct band, as
   * decimal text would be, but far cheaper to build and hash, and V8 keeps strings this
   * short flat. Lookups of these keys were most of the index's time.
   */
  private bandKeys(signature: Uint32Array, bucket: string): string[] {
    let bySignature = keysBySignature.get(signature);
    if (!bySignature) keysBySignature.set(signature, (bySignature = new Map()));
    const kept = bySignature.get(`${this.rowsPerBand}:${bucket}`);
    if (kept) return kept;
    let bucketId = bucketIds.get(bucket);
    if (bucketId === undefined) {
      bucketId = bucketIds.size;
      bucketIds.set(bucket, bucketId);
    }
    const keys: string[] = [];
    for (let band = 0; band * this.rowsPerBand < signature.length; band++) {
      const end = Math.min(signature.length, (band + 1) * this.rowsPerBand);
      let key = String.fromCharCode(bucketId, band);
      for (let row = band * this.rowsPerBand; row < end; row++) key += String.fromCharCode(signature[row] & 0xffff, signature[row] >>> 16);
      keys.push(key);
    }
    bySignature.set(`${this.rowsPerBand}:${bucket}`, keys);
    return keys;
  }

  /** Registers an item (a non-negative integer) under every band of its signature. */
  add(item: number, signature: Uint32Array, bucket: string): void {
    for (const key of this.bandKeys(signature, bucket)) {
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
    const keys = this.bandKeys(signature, bucket);
    const touched: number[] = [];
    for (const key of keys) {
      const items = this.buckets.get(key);
      if (items) for (const item of items) if (this.hits[item]++ === 0) touched.push(item);
    }
    // Counting sort by shared bands, most first; ties keep first-hit order. Each count's
    // items start where those sharing more bands end; only the first `limit` slots are kept.
    // The counters are reset for the next query.
    const next = new Int32Array(keys.length + 1);
    for (const item of touched) next[this.hits[item]]++;
    for (let count = keys.length, position = 0; count > 0; count--) {
      const items = next[count];
      next[count] = position;
      position += items;
    }
    const ranked: number[] = new Array(Math.min(limit, touched.length));
    for (const item of touched) {
      const slot = next[this.hits[item]]++;
      if (slot < limit) ranked[slot] = item;
      this.hits[item] = 0;
    }
    return ranked;
  }
}
