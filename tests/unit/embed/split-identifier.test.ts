import { describe, expect, it } from "vitest";
import { stemWord } from "@/lib/embed";
import { splitIdentifier, titleWords } from "@/lib/words";

describe("splitIdentifier", () => {
  it("splits camelCase, PascalCase, snake_case, acronyms and letters from digits into lowercase words", () => {
    expect(splitIdentifier("getBackoffTime")).toEqual(["get", "backoff", "time"]);
    expect(splitIdentifier("MAX_RETRY_COUNT")).toEqual(["max", "retry", "count"]);
    expect(splitIdentifier("snake_case_name")).toEqual(["snake", "case", "name"]);
    expect(splitIdentifier("HTTPServer")).toEqual(["http", "server"]);
    expect(splitIdentifier("parseJSONResponse")).toEqual(["parse", "json", "response"]);
    expect(splitIdentifier("sha256sum")).toEqual(["sha", "256sum"]);
    expect(splitIdentifier("retry3Times")).toEqual(["retry", "3", "times"]);
    expect(splitIdentifier("self.__init__(a, b)")).toEqual(["self", "init", "a", "b"]);
  });

  it("keeps an acronym's plural as one word, and shows it as one", () => {
    expect(splitIdentifier("combineURLs")).toEqual(["combine", "urls"]);
    expect(splitIdentifier("getIDsAndURLs")).toEqual(["get", "ids", "and", "urls"]);
    expect(splitIdentifier("allAPIs_v2")).toEqual(["all", "apis", "v", "2"]);
    expect(splitIdentifier("HTTPServer")).toEqual(["http", "server"]);
    expect(splitIdentifier("isURLSafe")).toEqual(["is", "url", "safe"]);
    expect(titleWords(splitIdentifier("combineURLs"))).toBe("Combine URLs");
    expect(titleWords(["status", "ids", "s"])).toBe("Status IDs S");
  });
});

describe("stemWord", () => {
  it("folds inflections and agent nouns onto one stem", () => {
    expect(new Set(["retry", "retries", "retrying", "retried"].map(stemWord))).toEqual(new Set(["retri"]));
    expect(new Set(["cookie", "cookies"].map(stemWord))).toEqual(new Set(["cooki"]));
    expect(new Set(["copy", "copies", "copied"].map(stemWord))).toEqual(new Set(["copi"]));
    expect(new Set(["cache", "cached", "caching", "caches"].map(stemWord))).toEqual(new Set(["cach"]));
    expect(new Set(["build", "builder", "building", "built"].map(stemWord))).toEqual(new Set(["build"]));
    expect(new Set(["validate", "validation", "validator", "validating"].map(stemWord))).toEqual(new Set(["validat"]));
    expect(new Set(["memoize", "memoized", "memoization"].map(stemWord))).toEqual(new Set(["memo"]));
  });

  it("leaves short words and words ending in -ss/-us/-is alone", () => {
    expect(["day", "days", "key"].map(stemWord)).toEqual(["day", "day", "key"]);
    expect(["class", "status", "analysis", "add", "log"].map(stemWord)).toEqual(["class", "status", "analysis", "add", "log"]);
  });
});
