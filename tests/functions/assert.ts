// Deno's standard assertions live on jsr:, which cannot be reached here; node:assert is what
// Deno ships that needs no download. These are thin names over it for the functions' tests.
import assert from "node:assert/strict";

/** Deep equality. */
export function assertEquals(actual: unknown, expected: unknown, message?: string): void {
  assert.deepStrictEqual(actual, expected, message);
}

/** Awaits `fn`, expecting it to reject (with `type` and a message containing `includes`); returns the error. */
export async function assertRejects(fn: () => Promise<unknown>, type?: new (...args: never[]) => Error, includes?: string): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    if (type) assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    if (includes) assert.ok(String((error as Error).message).includes(includes), `"${(error as Error).message}" does not contain "${includes}"`);
    return error;
  }
  throw new assert.AssertionError({ message: "expected a rejection" });
}
