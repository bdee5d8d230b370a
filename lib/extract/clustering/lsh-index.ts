/**
 * Locality-sensitive lookup of items whose MinHash signatures share at least one band.
 * Items are small non-negative integers (positions in the caller's list), so hits are
 * counted in a reused array rather than a map: a query may touch a thousand items.
 * A band key shared by very many items (the shape of every one-line getter) says nothing,
 * so each key keeps at most `bucketLimit` items: queries stay cheap on any repository.
 */
// Bucket names get one id each for the life of the process (a handful: language family and
// unit kind), so a signature's band hashes are the same in every index and can be kept.
const bucketIds = new Map<string, number>();
// Band hashes by signature, then by rows per band and bucket: a long-running process clusters
// the same unit objects (and so the same signatures) again at every incremental ingest.
const hashesBySignature = new WeakMap<Uint32Array, Map<string, Int32Array>>();

/** One band key: the bucket, the band and its rows (read from the signature that brought it). */
interface BandEntry {
  bucket: number;
  band: number;
  signature: Uint32Array;
  items: number[];
  /** The next key with the same hash. */
  next: BandEntry | undefined;
}

/** MurmurHash3's finaliser over an accumulated value: spreads every input bit. */
function mix(hash: number, value: number): number {
  let mixed = Math.imul(hash ^ value, 0x85ebca6b);
  mixed ^= mixed >>> 13;
  return Math.imul(mixed, 0xc2b2ae35) ^ (mixed >>> 16);
}

export class LshIndex {
  // Keyed by a 30-bit hash of the band (a small integer key, cheap to look up), each hash
  // holding its keys in a chain compared row by row: the same keys as exact band strings
  // gave, without building and hashing a string per band.
  private readonly entries = new Map<number, BandEntry>();
  private readonly configurations = new Map<string, { name: string; id: number }>();
  private hits = new Uint16Array(1024);
  private positions = new Int32Array(0);

  constructor(
    private readonly rowsPerBand: number,
    private readonly bucketLimit = 128,
  ) {}

  private configurationOf(bucket: string): { name: string; id: number } {
    let configuration = this.configurations.get(bucket);
    if (!configuration) {
      let id = bucketIds.get(bucket);
      if (id === undefined) {
        id = bucketIds.size;
        bucketIds.set(bucket, id);
      }
      configuration = { name: `${this.rowsPerBand}:${bucket}`, id };
      this.configurations.set(bucket, configuration);
    }
    return configuration;
  }

  /** The hash of each band of a signature within a bucket, kept per signature. */
  private bandHashes(signature: Uint32Array, bucket: { name: string; id: number }): Int32Array {
    let bySignature = hashesBySignature.get(signature);
    if (!bySignature) hashesBySignature.set(signature, (bySignature = new Map()));
    const kept = bySignature.get(bucket.name);
    if (kept) return kept;
    const hashes = new Int32Array(Math.ceil(signature.length / this.rowsPerBand));
    for (let band = 0; band < hashes.length; band++) {
      let hash = mix(bucket.id, band);
      const end = Math.min(signature.length, (band + 1) * this.rowsPerBand);
      for (let row = band * this.rowsPerBand; row < end; row++) hash = mix(hash, signature[row]);
      hashes[band] = hash & 0x3fffffff;
    }
    bySignature.set(bucket.name, hashes);
    return hashes;
  }

  private sameBand(entry: BandEntry, signature: Uint32Array, bucket: number, band: number): boolean {
    if (entry.bucket !== bucket || entry.band !== band) return false;
    if (entry.signature === signature) return true;
    const end = Math.min(signature.length, (band + 1) * this.rowsPerBand);
    for (let row = band * this.rowsPerBand; row < end; row++) if (entry.signature[row] !== signature[row]) return false;
    return true;
  }

  private find(hash: number, signature: Uint32Array, bucket: number, band: number): BandEntry | undefined {
    for (let entry = this.entries.get(hash); entry; entry = entry.next) if (this.sameBand(entry, signature, bucket, band)) return entry;
    return undefined;
  }

  /** Registers an item (a non-negative integer) under every band of its signature. */
  add(item: number, signature: Uint32Array, bucket: string): void {
    const configuration = this.configurationOf(bucket);
    const hashes = this.bandHashes(signature, configuration);
    for (let band = 0; band < hashes.length; band++) {
      const entry = this.find(hashes[band], signature, configuration.id, band);
      if (!entry) this.entries.set(hashes[band], { bucket: configuration.id, band, signature, items: [item], next: this.entries.get(hashes[band]) });
      else if (entry.items.length < this.bucketLimit) entry.items.push(item);
    }
    if (item >= this.hits.length) {
      const grown = new Uint16Array(Math.max(item + 1, this.hits.length * 2));
      grown.set(this.hits);
      this.hits = grown;
    }
  }

  /** Items sharing a band with the signature, those sharing most bands (the likeliest near copies) first, at most `limit`. */
  candidates(signature: Uint32Array, bucket: string, limit: number): number[] {
    const configuration = this.configurationOf(bucket);
    const hashes = this.bandHashes(signature, configuration);
    const touched: number[] = [];
    for (let band = 0; band < hashes.length; band++) {
      const items = this.find(hashes[band], signature, configuration.id, band)?.items;
      if (items) for (const item of items) if (this.hits[item]++ === 0) touched.push(item);
    }
    // Counting sort by shared bands, most first; ties keep first-hit order. Each count's
    // items start where those sharing more bands end; only the first `limit` slots are kept.
    // The counters are reset for the next query.
    if (this.positions.length < hashes.length + 1) this.positions = new Int32Array(hashes.length + 1);
    const next = this.positions.fill(0, 0, hashes.length + 1);
    for (const item of touched) next[this.hits[item]]++;
    for (let count = hashes.length, position = 0; count > 0; count--) {
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
