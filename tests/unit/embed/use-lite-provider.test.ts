import { describe, expect, it } from "vitest";
import { createUseLiteProvider, EMBEDDING_DIMENSIONS, embeddingTextForPattern, sentenceText } from "@/lib/embed";

const dot = (left: Float32Array, right: Float32Array) => left.reduce((sum, value, index) => sum + value * right[index], 0);

describe("createUseLiteProvider", () => {
  it("fuses the built-in features with the real sentence encoder into unit vectors of 384", async () => {
    const provider = createUseLiteProvider();
    const [retry, backoff, csv] = await provider.embed([
      "retry a flaky call, waiting longer after each failure",
      "function retry_with_backoff\nCall the function again with exponential backoff until it succeeds.",
      "function write_rows\nWrite rows of a spreadsheet to a comma separated file.",
    ]);
    expect(provider.id).toBe("motif-use-lite-v2");
    expect(retry).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(Math.abs(dot(retry, retry) - 1)).toBeLessThan(1e-5);
    expect(dot(retry, backoff)).toBeGreaterThan(dot(retry, csv) + 0.1);
  }, 120_000);

  it("gives the same vector for the same text in another instance", async () => {
    const [first] = await createUseLiteProvider().embed(["parse a date header"]);
    const [second] = await createUseLiteProvider().embed(["parse a date header"]);
    expect(Array.from(first)).toEqual(Array.from(second));
  }, 120_000);

  it("keeps half of each vector for the built-in features: a sentence model that says nothing leaves only them", async () => {
    const silent = createUseLiteProvider(async () => ({ embed: async (texts) => texts.map(() => new Array(512).fill(0)) }));
    const [fused] = await silent.embed(["open a zip archive"]);
    const [other] = await silent.embed(["read a tar archive"]);
    expect(fused.slice(EMBEDDING_DIMENSIONS / 2).every((value) => value === 0)).toBe(true);
    expect(Math.abs(dot(fused, fused) - 0.5)).toBeLessThan(1e-5);
    // The shared word "archive" meets in the built-in half.
    expect(dot(fused, other)).toBeGreaterThan(0);
  });
});

describe("sentenceText", () => {
  it("reads a pattern by the words of the name it occurs under, not a name led by a detected kind", () => {
    const text = embeddingTextForPattern({
      name: "Memoization Cache for Filename", description: "Method `FileUpload.filename` that calls self.raw_filename", tags: ["caching"], kind: "cache_memoize",
      code: "def filename(self):\n    \"\"\"Name of the file on the client file system, but normalized to ensure\n    file system compatibility.\"\"\"\n    return self.raw_filename",
      occurrences: [{ file: "bottle.py", qualname: "FileUpload.filename", unitId: "u1", startLine: 1, endLine: 4 }],
    } as Parameters<typeof embeddingTextForPattern>[0]);
    expect(text.split("\n")[0]).toBe("Memoization Cache for Filename");
    expect(sentenceText(text)).toBe("file upload filename. Name of the file on the client file system, but normalized to ensure file system compatibility.");
  });

  it("reads an intent, which names no occurrence, as written (its first two lines)", () => {
    expect(sentenceText("retry a request with exponential backoff")).toBe("retry a request with exponential backoff");
    expect(sentenceText("first line\nsecond line\nthird line")).toBe("first line. second line");
  });
});
