import { describe, expect, it } from "vitest";
import { splitIdentifier } from "@/lib/words";
import { buildPatterns, tokenSimilarity, lcsLength } from "@/lib/extract/clustering";
import { makeFile, makeUnit, renamed } from "./unit-factory";

const syncCode = `def sync_accounts(client, store, ids):
    copied = 0
    for account_id in ids:
        account = client.fetch(account_id)
        if account is None:
            continue
        store.save(account)
        copied += 1
    return copied`;

const syncUnit = (file: string, code = syncCode, name = "sync_accounts") =>
  makeUnit({ file, name, code, cyclomatic: 3, parameters: [{ name: "client", hasDefault: false }, { name: "store", hasDefault: false }, { name: "ids", hasDefault: false }] });

describe("splitIdentifier", () => {
  it("splits camelCase, snake_case, acronyms and digits", () => {
    expect(splitIdentifier("getBackoffTime")).toEqual(["get", "backoff", "time"]);
    expect(splitIdentifier("HTTPClient")).toEqual(["http", "client"]);
    expect(splitIdentifier("__fetch_all__")).toEqual(["fetch", "all"]);
    expect(splitIdentifier("retry3Times")).toEqual(["retry", "3", "times"]);
  });
});

describe("tokenSimilarity", () => {
  it("is 2·LCS / total length", () => {
    const encode = (text: string) => Int32Array.from(text, (character) => character.charCodeAt(0));
    expect(lcsLength(encode("ABCBDAB"), encode("BDCABA"))).toBe(4);
    expect(tokenSimilarity(encode("ABCBDAB"), encode("BDCABA"))).toBeCloseTo(8 / 13, 10);
    const long = encode("x".repeat(70) + "ab".repeat(40));
    expect(lcsLength(long, encode("ab".repeat(40) + "x".repeat(70)))).toBe(80);
  });
});

describe("buildPatterns clustering", () => {
  it("merges a near copy (one extra statement) into the same pattern with lower confidence", () => {
    const logged = syncCode.replace("        store.save(account)", '        logger.info("saving %s", account_id)\n        store.save(account)');
    const result = buildPatterns({
      files: [makeFile("jobs/accounts.py", [syncUnit("jobs/accounts.py")]), makeFile("jobs/backfill.py", [syncUnit("jobs/backfill.py", renamed(logged, { sync_accounts: "backfill_accounts", copied: "count" }), "backfill_accounts")])],
    });
    expect(result.patterns).toHaveLength(1);
    expect(result.patterns[0].occurrences.map((occurrence) => occurrence.qualname)).toEqual(["sync_accounts", "backfill_accounts"]);
    expect(result.patterns[0].confidence).toBeLessThan(0.85);
    expect(result.patterns[0].confidence).toBeGreaterThan(0.75);
  });

  it("keeps a different control flow apart", () => {
    const whileCode = syncCode.replace("for account_id in ids:", "while ids:\n        account_id = ids.pop()");
    const result = buildPatterns({ files: [makeFile("a.py", [syncUnit("a.py")]), makeFile("b.py", [syncUnit("b.py", whileCode)])] });
    expect(result.patterns.map((pattern) => pattern.occurrences.length)).toEqual([1, 1]);
  });
});

describe("pattern selection", () => {
  const getter = (file: string, name: string) =>
    makeUnit({ file, name, kind: "method", parentQualname: "Account", code: `def ${name}(self):\n    return self._${name}`, parameters: [{ name: "self", hasDefault: false }] });

  it("drops getters even when they recur across files", () => {
    expect(buildPatterns({ files: [makeFile("a.py", [getter("a.py", "owner")])] }).patterns).toEqual([]);
    const recurring = buildPatterns({ files: [makeFile("a.py", [getter("a.py", "owner")]), makeFile("b.py", [getter("b.py", "balance")])] });
    expect(recurring.patterns).toEqual([]);
  });

  it("drops test functions and private helpers however large, keeps the same code public", () => {
    const big = (file: string, name: string) => syncUnit(file, syncCode.replace("sync_accounts", name), name);
    expect(buildPatterns({ files: [makeFile("tests/test_sync.py", [big("tests/test_sync.py", "test_sync")])] }).patterns).toEqual([]);
    expect(buildPatterns({ files: [makeFile("jobs/sync.py", [big("jobs/sync.py", "_sync")])] }).patterns).toEqual([]);
    const kept = buildPatterns({ files: [makeFile("jobs/sync.py", [big("jobs/sync.py", "sync_accounts")])] }).patterns;
    expect(kept.map((pattern) => [pattern.patternType, pattern.name])).toEqual([["function_pattern", "Sync Accounts"]]);
  });

  it("keeps a documented public function that does work, but not the same undocumented, nor a documented method", () => {
    const code = 'def token_urlsafe(nbytes=None):\n    """Return a random URL-safe text string."""\n    tok = token_bytes(nbytes)\n    return base64.urlsafe_b64encode(tok).rstrip(b"=").decode("ascii")';
    const fields = { file: "secrets.py", name: "token_urlsafe", code, calls: ["token_bytes", "base64.urlsafe_b64encode"] };
    const documented = buildPatterns({ files: [makeFile("secrets.py", [makeUnit({ ...fields, docstring: "Return a random URL-safe text string." })])] }).patterns;
    expect(documented.map((pattern) => [pattern.patternType, pattern.name])).toEqual([["function_pattern", "Token Urlsafe"]]);
    expect(buildPatterns({ files: [makeFile("secrets.py", [makeUnit(fields)])] }).patterns).toEqual([]);
    const method = makeUnit({ ...fields, kind: "method", parentQualname: "Tokens", docstring: "Return a random URL-safe text string." });
    expect(buildPatterns({ files: [makeFile("secrets.py", [method])] }).patterns).toEqual([]);
    // A documented delegation (one statement) stays a trivial shape.
    const delegation = makeUnit({ file: "glob.py", name: "glob", code: "def glob(pathname):\n    return list(iglob(pathname))", calls: ["list", "iglob"], docstring: "Return a list of paths." });
    expect(buildPatterns({ files: [makeFile("glob.py", [delegation])] }).patterns).toEqual([]);
  });

  it("keeps a documented class whose short methods wire calls together, not a documented record with accessors", () => {
    const hook = (owner: string, name: string, body: string, calls: string[]) =>
      makeUnit({ file: "q.py", name, kind: "method", parentQualname: owner, code: `def ${name}(self, item):\n    ${body}`, calls, parameters: [{ name: "self", hasDefault: false }] });
    const queue = makeUnit({ file: "q.py", name: "PriorityQueue", kind: "class", bases: ["Queue"], docstring: "Retrieves entries in priority order (lowest first).", code: "class PriorityQueue(Queue):\n    def _put(self, item):\n        heappush(self.queue, item)\n    def _get(self):\n        return heappop(self.queue)" });
    const put = hook("PriorityQueue", "_put", "heappush(self.queue, item)", ["heappush"]);
    const get = hook("PriorityQueue", "_get", "return heappop(self.queue)", ["heappop"]);
    const kept = buildPatterns({ files: [makeFile("q.py", [queue, put, get])] }).patterns;
    expect(kept.map((pattern) => [pattern.patternType, pattern.occurrences[0].qualname])).toEqual([["class_pattern", "PriorityQueue"]]);
    const record = makeUnit({ file: "r.py", name: "Point", kind: "class", docstring: "A point.", code: "class Point:\n    def x(self):\n        return self._x\n    def y(self):\n        return self._y" });
    const accessors = ["x", "y"].map((name) => makeUnit({ file: "r.py", name, kind: "method", parentQualname: "Point", code: `def ${name}(self):\n    return self._${name}` }));
    expect(buildPatterns({ files: [makeFile("r.py", [record, ...accessors])] }).patterns).toEqual([]);
  });

  it("keeps a single unit with a detected kind as a design pattern", () => {
    const cached = makeUnit({
      file: "util/memo.py",
      name: "memo",
      code: "def memo(fn):\n    table = {}\n    def inner(x):\n        if x not in table:\n            table[x] = fn(x)\n        return table[x]\n    return inner",
      patterns: [{ kind: "cache_memoize", confidence: 0.8, evidence: ["dict table checked before calling fn"] }],
    });
    const [pattern] = buildPatterns({ files: [makeFile("util/memo.py", [cached])] }).patterns;
    expect(pattern.patternType).toBe("design_pattern");
    expect(pattern.name).toBe("Memoization Cache for Memo");
    expect(pattern.evidence[0]).toBe("dict table checked before calling fn (memo at util/memo.py:1)");
    expect(pattern.tags).toContain("cache");
  });
});

describe("plain names", () => {
  it("never names a cluster by a preposition they share, nor by a warning they all raise", () => {
    const derived = (name: string, op: string) =>
      makeUnit({
        file: "ordering.py",
        name,
        calls: ["warnings.warn", "self.__lt__"],
        code: `def ${name}(self, other):\n    warnings.warn("derived", DeprecationWarning)\n    result = self.__lt__(other)\n    if result is NotImplemented:\n        return result\n    return ${op}result`,
        cyclomatic: 2,
      });
    const [pattern] = buildPatterns({ files: [makeFile("ordering.py", [derived("gt_from_lt", "not "), derived("le_from_ge", "")])] }).patterns;
    expect(pattern.occurrences).toHaveLength(2);
    expect(pattern.name).not.toBe("From");
    expect(pattern.name).not.toMatch(/Warn/);
    expect(pattern.name).toBe("Gt From Lt and 1 similar");
  });
});

describe("framework naming", () => {
  it("names a FastAPI route handler from its decorator and the file's imports", () => {
    const handler = makeUnit({
      file: "api/users.py",
      name: "get_user",
      isAsync: true,
      decorators: ['app.get("/users/{user_id}")'],
      code: 'async def get_user(user_id: int, session = Depends(get_session)):\n    user = await session.get(User, user_id)\n    if user is None:\n        raise HTTPException(404)\n    return user\n    \n    \n    ',
      cyclomatic: 2,
      importsUsed: ["fastapi.Depends", "fastapi.HTTPException"],
      parameters: [{ name: "user_id", annotation: "int", hasDefault: false }, { name: "session", hasDefault: true }],
    });
    const file = makeFile("api/users.py", [handler], { FastAPI: "fastapi.FastAPI", Depends: "fastapi.Depends", HTTPException: "fastapi.HTTPException" });
    const [pattern] = buildPatterns({ files: [file] }).patterns;
    expect(pattern.framework).toBe("FastAPI");
    expect(pattern.name).toBe("Async FastAPI Route Handler for Get User");
    expect(pattern.tags).toEqual(expect.arrayContaining(["async", "http", "fastapi"]));
  });

  it("names React hooks and Express middleware", () => {
    const hook = makeUnit({
      file: "src/hooks/auth.tsx",
      language: "tsx",
      name: "useAuthToken",
      calls: ["useState", "useEffect", "readToken"],
      importsUsed: ["react.useState", "react.useEffect"],
      code: "function useAuthToken() {\n  const [token, setToken] = useState(null);\n  useEffect(() => {\n    readToken().then(setToken);\n  }, []);\n  return token;\n}",
      docstring: "The signed-in user's token.",
    });
    const middleware = makeUnit({
      file: "server/guard.js",
      language: "javascript",
      name: "requireSession",
      parameters: ["req", "res", "next"].map((name) => ({ name, hasDefault: false })),
      code: "function requireSession(req, res, next) {\n  if (!req.session || !req.session.user) {\n    return res.status(401).json({ error: 'sign in' });\n  }\n  next();\n}",
      cyclomatic: 3,
      docstring: "Rejects requests without a session.",
    });
    const result = buildPatterns({
      files: [makeFile("src/hooks/auth.tsx", [hook], { useState: "react.useState", useEffect: "react.useEffect" }), makeFile("server/guard.js", [middleware], { express: "express" })],
    });
    expect(result.patterns.map((pattern) => [pattern.name, pattern.framework]).sort()).toEqual([
      ["Express Middleware for Require Session", "Express"],
      ["Use Auth Token React Hook", "React"],
    ]);
  });
});
