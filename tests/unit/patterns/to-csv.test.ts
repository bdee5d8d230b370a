import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/patterns";

describe("toCsv", () => {
  it("writes a header and one CRLF-ended line per row", () => {
    const csv = toCsv([{ name: "Retry", score: 0.75 }, { name: "Cache", score: null }], ["name", "score"]);
    expect(csv).toBe("name,score\r\nRetry,0.75\r\nCache,\r\n");
  });

  it("quotes cells holding commas, quotes or line breaks and doubles their quotes", () => {
    const csv = toCsv([{ text: 'say "hi", then\nleave', plain: "ok" }], ["text", "plain"]);
    expect(csv).toBe('text,plain\r\n"say ""hi"", then\nleave",ok\r\n');
  });

  it("joins arrays with semicolons in one cell", () => {
    expect(toCsv([{ tags: ["async", "retry"] }], ["tags"])).toBe("tags\r\nasync;retry\r\n");
  });

  it("writes only the header for no rows", () => {
    expect(toCsv([], ["id", "name"])).toBe("id,name\r\n");
  });
});
