import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth";

describe("hashPassword", () => {
  it("salts every hash and verifies only the right password", async () => {
    const first = await hashPassword("correct horse");
    const second = await hashPassword("correct horse");
    expect(first).not.toBe(second);
    expect(await verifyPassword("correct horse", first)).toBe(true);
    expect(await verifyPassword("correct horse", second)).toBe(true);
    expect(await verifyPassword("correct hors", first)).toBe(false);
  });

  it("refuses stored values it did not make", async () => {
    expect(await verifyPassword("x", "$2a$10$abcdefghijklmnopqrstuv")).toBe(false);
    expect(await verifyPassword("x", "")).toBe(false);
  });
});
