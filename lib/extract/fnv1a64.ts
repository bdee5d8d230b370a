// FNV-1a 64-bit: the fingerprint hash of code units (here) and of clustering shapes (main thread).

/** The FNV-1a 64 state: four 16-bit limbs, least significant first. */
export type FnvState = [number, number, number, number];

/** A fresh state (the offset basis 0xcbf29ce484222325). */
export function fnvStart(): FnvState {
  return [0x2325, 0x8422, 0x9ce4, 0xcbf2];
}

/**
 * Feeds the UTF-16 code units of `text` into `state`. Written with four 16-bit limbs so it
 * needs neither BigInt (slow) nor `node:crypto` (absent in edge runtimes); the limbs stay in
 * locals: fingerprints hash every syntax token of every unit, so this loop is hot.
 */
export function fnvFeed(state: FnvState, text: string): void {
  let h0 = state[0];
  let h1 = state[1];
  let h2 = state[2];
  let h3 = state[3];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // A code unit above 0xff is two bytes, high byte first.
    if (code > 0xff) {
      h0 ^= code >>> 8;
      // h × 0x100000001b3 mod 2^64: the prime is 2^40 + 435, so h×435 plus h shifted 40 bits.
      const t0 = h0 * 435;
      const t1 = h1 * 435 + (t0 >>> 16);
      const t2 = h2 * 435 + (h0 << 8) + (t1 >>> 16);
      const t3 = h3 * 435 + (h1 << 8) + (t2 >>> 16);
      h0 = t0 & 0xffff;
      h1 = t1 & 0xffff;
      h2 = t2 & 0xffff;
      h3 = t3 & 0xffff;
    }
    h0 ^= code & 0xff;
    const t0 = h0 * 435;
    const t1 = h1 * 435 + (t0 >>> 16);
    const t2 = h2 * 435 + (h0 << 8) + (t1 >>> 16);
    const t3 = h3 * 435 + (h1 << 8) + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  state[0] = h0;
  state[1] = h1;
  state[2] = h2;
  state[3] = h3;
}

/** The digest of a state, as 16 hex digits. */
export function fnvDigest(state: FnvState): string {
  return [state[3], state[2], state[1], state[0]].map((limb) => limb.toString(16).padStart(4, "0")).join("");
}

/** FNV-1a 64-bit over the UTF-16 code units of `text` (each as one byte, or two when above 0xff), as 16 hex digits. */
export function fnv1a64(text: string): string {
  const state = fnvStart();
  fnvFeed(state, text);
  return fnvDigest(state);
}

/** `fnv1a64(prefix + parts.join(" "))` without building the joined string. */
export function fnv1a64Joined(prefix: string, parts: readonly string[]): string {
  const state = fnvStart();
  fnvFeed(state, prefix);
  for (let index = 0; index < parts.length; index++) {
    if (index > 0) fnvFeed(state, " ");
    fnvFeed(state, parts[index]!);
  }
  return fnvDigest(state);
}
