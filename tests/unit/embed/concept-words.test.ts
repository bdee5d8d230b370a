import { describe, expect, it } from "vitest";
import { conceptWords } from "@/lib/embed";
import { embedTextBuiltin } from "@/lib/embed";

function similarity(left: string, right: string): number {
  const a = embedTextBuiltin(left);
  const b = embedTextBuiltin(right);
  return a.reduce((sum, value, index) => sum + value * b[index], 0);
}

describe("conceptWords", () => {
  it("spells out the thesaurus words of the concepts a text names with a specific word", () => {
    const words = conceptWords("Sleep before the next attempt");
    expect(words).toContain("pause");
    expect(words).toContain("backoff");
    expect(words).toContain("retry");
    expect(words).not.toContain("~defer");
  });

  it("ignores concepts only a common word hints at", () => {
    // "run" is listed under process, but it is too common to say so; "subprocess" is not.
    expect(conceptWords("run it")).toEqual([]);
    expect(conceptWords("run it in a subprocess")).toContain("spawn");
  });
});

describe("everyday thesaurus", () => {
  it("lets plain requests meet code that shares none of their words", () => {
    const compress = "Compress data in one shot and return the compressed string.\nkind: \ncode: gzip compresslevel mtime";
    const sendmail = "This command performs an entire mail transaction.\ncode: smtp recipients";
    const csvReader = "Read rows of a CSV file as dictionaries.\ncode: fieldnames restkey dialect";
    expect(similarity("shrink a payload in memory", compress)).toBeGreaterThan(similarity("shrink a payload in memory", csvReader) + 0.1);
    expect(similarity("deliver to several addressees", sendmail)).toBeGreaterThan(similarity("deliver to several addressees", csvReader) + 0.1);
  });
});
