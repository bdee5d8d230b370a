import { bandKeys } from "./shingles";

/** Locality-sensitive lookup of items whose MinHash signatures share at least one band. */
export class LshIndex<Item> {
  private readonly buckets = new Map<string, Item[]>();

  /** Registers an item under every band of its signature. */
  add(item: Item, signature: Uint32Array, bucket: string): void {
    for (const key of bandKeys(signature, bucket)) {
      const items = this.buckets.get(key);
      if (items) items.push(item);
      else this.buckets.set(key, [item]);
    }
  }

  /** Items sharing a band with the signature, in insertion order, each once. */
  candidates(signature: Uint32Array, bucket: string): Item[] {
    const seen = new Set<Item>();
    for (const key of bandKeys(signature, bucket)) {
      for (const item of this.buckets.get(key) ?? []) seen.add(item);
    }
    return [...seen];
  }
}
