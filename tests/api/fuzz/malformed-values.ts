import fc from "fast-check";

/** Text that has broken servers: NUL bytes, lone surrogates, huge numbers, paths, SQL, markup. */
const nastyText = fc.constantFrom(
  "\u0000",
  "a\u0000b",
  "\u0000".repeat(8),
  "\ud800",
  "\udfff\ud800",
  "1e999",
  "-1e999",
  "NaN",
  "Infinity",
  "9".repeat(400),
  "-0",
  "0x1f",
  "../../etc/passwd",
  "%00",
  "%",
  "' or 1=1 --",
  "\"; drop table patterns; --",
  "<script>alert(1)</script>",
  "=HYPERLINK(\"http://evil.example\")",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "motif_",
  "null",
  "[]",
  "{}",
  "\n\r\t",
  "😀".repeat(50),
  " ",
  "",
);

/** A value of any JSON type, most of them hostile, some merely wrong. */
export const malformedValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyText },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, 5e-324, 0.5) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.oneof(nastyText, fc.integer()), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), nastyText, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 300_000 }).map((length) => "x".repeat(length)) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 6_000 }).map((depth) => `${deepMarker}${depth}`) },
);

// Arrays nested thousands deep overflow JSON.stringify itself, so they travel as a marker that
// `toJsonText` expands in the text.
const deepMarker = "__nested_arrays_";

/** JSON text of a generated value, with its deep-nesting markers expanded into real nesting. */
export function toJsonText(value: unknown): string {
  return (JSON.stringify(value) ?? "null").replace(new RegExp(`"${deepMarker}(\\d+)"`, "g"), (_match, depth: string) =>
    `${"[".repeat(Number(depth))}${"]".repeat(Number(depth))}`,
  );
}

/** A pagination cursor as a client could forge one: base64url of JSON that this API never made. */
export const forgedCursor: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("quality_score", "created_at", "name", "usage_count", "match_count", "success_rate", "x"),
    fc.constantFrom("asc", "desc", "sideways"),
    fc.oneof(nastyText, fc.constant("2026-13-45T99:99:99Z"), fc.constant("1e999")),
    fc.constantFrom("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-uuid-at-all-not-a-uuid-at-all-"),
  )
  .map((parts) => Buffer.from(JSON.stringify(parts), "utf8").toString("base64url"));
