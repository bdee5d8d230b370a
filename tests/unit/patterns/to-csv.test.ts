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

describe("toCsv and spreadsheet formulas", () => {
  it("prefixes text a spreadsheet would run as a formula with an apostrophe, and leaves numbers alone", () => {
    const rows = [
      { name: '=HYPERLINK("http://evil.example","click")', score: -0.5 },
      { name: "+cmd|' /C calc'!A0", score: 1 },
      { name: "@SUM(A1:A9)", score: 2 },
      { name: "-2+3", score: 3 },
      { name: "\tTabbed", score: 4 },
      { name: "Retry = good", score: 5 },
    ];
    const lines = toCsv(rows, ["name", "score"]).split("\r\n");
    expect(lines.slice(1, 7)).toEqual([
      `"'=HYPERLINK(""http://evil.example"",""click"")",-0.5`,
      "'+cmd|' /C calc'!A0,1",
      "'@SUM(A1:A9),2",
      "'-2+3,3",
      "'\tTabbed,4",
      "Retry = good,5",
    ]);
  });

  it("defuses a formula in an array cell too", () => {
    expect(toCsv([{ tags: ["=1+1", "ok"] }], ["tags"]).split("\r\n")[1]).toBe("'=1+1;ok");
  });
});
