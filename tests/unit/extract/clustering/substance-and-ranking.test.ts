import { describe, expect, it } from "vitest";
import { bodyFacts, buildPatterns, buildRepoModel, distinctOccurrences, patternRecurs, rankPatterns, trivialShape } from "@/lib/extract/clustering";
import type { CodeUnit, ExtractedPattern } from "@/lib/domain";
import { makeFile, makeUnit } from "./unit-factory";

const statementsOf = (code: string, language: "python" | "typescript") => bodyFacts(code, language).statements.map((statement) => statement.tokens.join(" "));

describe("bodyFacts", () => {
  it("counts Python statements without the signature, docstring, pass or bare else", () => {
    const code = 'def get_loop(self, default: dict = {}) -> Loop:\n    """Return the loop.\n\n    Long."""\n    loop = self._loop\n    if loop is None:\n        raise RuntimeError(\n            "no loop")\n    else:\n        pass\n    return loop';
    expect(statementsOf(code, "python")).toEqual(["loop = self . _loop", "if loop is None :", 'raise RuntimeError ( "no loop" )', "return loop"]);
    expect(bodyFacts(code, "python")).toMatchObject({ loops: 0, branches: 1 });
  });

  it("reads TypeScript blocks, arrow bodies, object literals and chained calls", () => {
    const method = "off(event: string): { ok: boolean } {\n  const map = { a: 1,\n    b: 2 }\n  if (!map) {\n    return this\n  } else {\n    items\n      .filter((x) => x)\n      .forEach((x) => {\n        log(x)\n      })\n  }\n  return this\n}";
    expect(statementsOf(method, "typescript")).toEqual([
      "const map = { a : 1 , b : 2 }",
      "if ( ! map )",
      "return this",
      "items . filter ( ( x ) => x ) . forEach ( ( x ) =>",
      "log ( x )",
      "return this",
    ]);
    expect(statementsOf("inst.parse = (payload, ctx) => run(payload, ctx)", "typescript")).toEqual(["run ( payload , ctx )"]);
    expect(statementsOf("get: function () { return core._email; }", "typescript")).toEqual(["return core . _email"]);
  });

  it("leaves nested definitions' own lines out of a class body", () => {
    const code = "class A {\n  constructor(a) {\n    this.a = a\n  }\n  async save(user): Promise<void> {\n    await db.put(user)\n  }\n}";
    expect(statementsOf(code, "typescript")).toEqual(["this . a = a", "await db . put ( user )"]);
  });
});

const method = (file: string, owner: string, name: string, code: string, extra: Partial<CodeUnit> & { cyclomatic?: number } = {}) =>
  makeUnit({ file, name, kind: "method", parentQualname: owner, code, parameters: [{ name: "self", hasDefault: false }], ...extra });
const klass = (file: string, name: string, code: string, bases: string[] = []) => makeUnit({ file, name, kind: "class", code, bases });

describe("trivialShape", () => {
  const shapes = (units: CodeUnit[]) => {
    const model = buildRepoModel([makeFile("m.py", units)]);
    return units.map((unit) => trivialShape(model, unit));
  };

  it("calls stubs, placeholders, one-statement bodies and storing constructors trivial", () => {
    expect(
      shapes([
        method("m.py", "P", "connection_made", 'def connection_made(self, transport):\n    """Called when a connection is made."""'),
        method("m.py", "P", "pause", "def pause(self):\n    raise NotImplementedError"),
        method("m.py", "P", "drain", "def drain(self):\n    pass", { decorators: ["abstractmethod"] }),
        method("m.py", "P", "loop", "def loop(self):\n    return self._loop"),
        makeUnit({ file: "m.py", name: "new_event_loop", code: "def new_event_loop():\n    return get_policy().new_event_loop()" }),
        method("m.py", "P", "__init__", "def __init__(self, loop):\n    super().__init__()\n    self._loop = loop\n    self._waiters = []"),
        method("m.py", "P", "wait", "def wait(self):\n    while not self._done:\n        self._cond.wait()\n    return self._result"),
      ]),
    ).toEqual(["empty body", "abstract placeholder", "abstract placeholder", "one-statement body", "one-statement body", "argument-storing constructor", null]);
  });

  it("calls bare exception classes trivial, but not an exception with behaviour or an interface two classes implement", () => {
    const span = (unit: CodeUnit, startLine: number, endLine: number): CodeUnit => ({ ...unit, startLine, endLine, id: `m.py:${startLine}:${unit.qualname}` });
    const bare = span(klass("m.py", "QueueEmpty", 'class QueueEmpty(Exception):\n    """Raised when the queue is empty."""\n    pass', ["Exception"]), 1, 3);
    const rich = span(klass("m.py", "HTTPError", "class HTTPError(Exception):\n    ...", ["Exception"]), 5, 9);
    const richInit = span(method("m.py", "HTTPError", "__init__", 'def __init__(self, code, reason):\n    self.code = code\n    message = f"{code} {reason}"\n    super().__init__(message)'), 6, 9);
    const base = span(klass("m.py", "Repository", "class Repository(ABC):\n    ...", ["ABC"]), 11, 15);
    const stubs = ["get", "save"].map((name, index) => span(method("m.py", "Repository", name, `def ${name}(self, key):\n    raise NotImplementedError`), 12 + 2 * index, 13 + 2 * index));
    const implementations = ["Users", "Orders"].map((name, index) => span(klass("m.py", name, `class ${name}(Repository):\n    table = "${name}"`, ["Repository"]), 20 + 3 * index, 21 + 3 * index));
    const lonely = span(klass("m.py", "Marker", "class Marker(ABC):\n    ...", ["ABC"]), 30, 34);
    const lonelyStubs = ["a", "b"].map((name, index) => span(method("m.py", "Marker", name, `def ${name}(self):\n    ...`), 31 + 2 * index, 32 + 2 * index));
    const result = shapes([bare, rich, richInit, base, ...stubs, ...implementations, lonely, ...lonelyStubs]);
    expect([result[0], result[1], result[3], result[8]]).toEqual(["class without behaviour", null, null, "class without behaviour"]);
  });
});

describe("pattern selection of recurring code", () => {
  const delegator = (file: string, name: string) => makeUnit({ file, name, code: `def ${name}(params):\n    return core.${name}(params)`, calls: [`core.${name}`] });
  const guarded = (file: string, name: string) =>
    makeUnit({ file, name, cyclomatic: 2, calls: ["client.send"], code: `def ${name}(client, message):\n    if client.closed:\n        return None\n    reply = client.send(message)\n    return reply.body` });

  it("drops a one-line delegation copied into many files and keeps a guarded call copied into two", () => {
    const files = ["a.py", "b.py", "c.py"].map((file, index) => makeFile(file, [delegator(file, ["cuid", "email", "uuid"][index])]));
    expect(buildPatterns({ files }).patterns).toEqual([]);
    const kept = buildPatterns({ files: [makeFile("a.py", [guarded("a.py", "send_order")]), makeFile("b.py", [guarded("b.py", "send_invoice")])] }).patterns;
    expect(kept.map((pattern) => [pattern.name, pattern.occurrences.length])).toEqual([["Send Order and 1 similar", 2]]);
  });
});

describe("pattern names of recurring code", () => {
  const handler = (file: string, owner: string, name: string, line: number) =>
    method(file, owner, name, `def ${name}(self, exc):\n    if exc is not None:\n        self._loop.call_exception_handler(exc)\n    self._closed.set_result(None)\n    self._transport = None`, {
      startLine: line,
      calls: ["self._loop.call_exception_handler", "self._closed.set_result"],
      cyclomatic: 2,
    });

  it("names a cluster by its representative's every word, the words their classes share, and how many others", () => {
    const owner = (file: string, name: string) => ({ ...klass(file, name, `class ${name}:\n    ...`), endLine: 9 });
    const files = [
      makeFile("streams.py", [owner("streams.py", "StreamProtocol"), handler("streams.py", "StreamProtocol", "connection_lost", 3)]),
      makeFile("pipes.py", [owner("pipes.py", "PipeProtocol"), handler("pipes.py", "PipeProtocol", "pipe_connection_lost", 3)]),
    ];
    const names = buildPatterns({ files }).patterns.map((pattern) => [pattern.occurrences.map((occurrence) => occurrence.qualname).join(", "), pattern.name]);
    expect(names).toEqual([
      ["PipeProtocol, StreamProtocol", "Pipe Protocol and 1 similar"],
      ["PipeProtocol.pipe_connection_lost, StreamProtocol.connection_lost", "Pipe Connection Lost Method in Protocol Classes and 1 similar"],
    ]);
    expect(names.every(([, name]) => !/variant|\(\d+\)/.test(name))).toBe(true);
  });

  it("keeps the representative's words and 'and N similar' within 12 words when members share no word", () => {
    const files = [makeFile("a.py", [handler("a.py", "Reader", "on_eof", 1)]), makeFile("b.py", [handler("b.py", "Writer", "shutdown", 1)])];
    const [pattern] = buildPatterns({ files }).patterns;
    // With what they call it would be 13 words: the calls give way.
    expect(pattern.name).toBe("On Eof Method and 1 similar");
  });
});

describe("rankPatterns", () => {
  const pattern = (key: string, fields: Partial<ExtractedPattern>): ExtractedPattern =>
    ({ key, kind: null, confidence: 0.8, language: "python", code: "def f():\n    return 1", occurrences: [], quality: { score: 0.7 }, ...fields }) as ExtractedPattern;
  const occurrences = (files: string[], qualname = "f") => files.map((file, index) => ({ file, qualname, startLine: index + 1, endLine: index + 2, unitId: `${file}:${index}` }));
  const retryCode = "def fetch(url):\n    for attempt in range(5):\n        try:\n            return get(url)\n        except IOError:\n            sleep(2 ** attempt)\n    raise TimeoutError(url)";

  it("puts substantial recurring code and design patterns before a well-scored thin shape", () => {
    const thin = pattern("a", { quality: { score: 0.95 } as ExtractedPattern["quality"], recurring: true, occurrences: occurrences(["x.py", "y.py", "z.py", "w.py"]) });
    const retry = pattern("b", { kind: "retry_backoff", code: retryCode, occurrences: occurrences(["x.py"]) });
    const recurring = pattern("c", { code: retryCode, recurring: true, occurrences: occurrences(["x.py", "y.py", "z.py"]) });
    expect(rankPatterns([thin, retry, recurring]).map((entry) => entry.key)).toEqual(["c", "b", "a"]);
  });

  it("puts a one-off unit after every design pattern and recurring shape, however well it scores", () => {
    const oneOff = pattern("a", { quality: { score: 0.99 } as ExtractedPattern["quality"], code: retryCode, recurring: false, occurrences: occurrences(["x.py"]) });
    const plainRecurring = pattern("b", { quality: { score: 0.3 } as ExtractedPattern["quality"], recurring: true, occurrences: occurrences(["x.py", "y.py"]) });
    const kind = pattern("c", { quality: { score: 0.3 } as ExtractedPattern["quality"], kind: "validation", recurring: false, occurrences: occurrences(["x.py"]) });
    expect(rankPatterns([oneOff, plainRecurring, kind]).map((entry) => entry.key).at(-1)).toBe("a");
  });

  it("calls a shape recurring with two distinct occurrences or three callers, never a data-only shape", () => {
    expect(patternRecurs({ occurrences: occurrences(["a.py", "b.py"]), callers: 0, dataOnly: false })).toBe(true);
    // Build copies of one source are one occurrence.
    expect(patternRecurs({ occurrences: occurrences(["dist/a.js", "src/a.ts"]), callers: 2, dataOnly: false })).toBe(false);
    expect(patternRecurs({ occurrences: occurrences(["a.py"]), callers: 3, dataOnly: false })).toBe(true);
    expect(patternRecurs({ occurrences: occurrences(["a.py", "b.py", "c.py"]), callers: 9, dataOnly: true })).toBe(false);
  });

  it("counts a function shipped as .js, .mjs and .ts once", () => {
    expect(distinctOccurrences(pattern("a", { occurrences: occurrences(["dist/uploads.js", "dist/uploads.mjs", "src/uploads.ts", "src/uploads.d.ts"]) }))).toBe(1);
    expect(distinctOccurrences(pattern("a", { occurrences: occurrences(["locales/de.js", "locales/fr.js"]) }))).toBe(2);
  });
});

describe("data-only classes", () => {
  const model = (file: string, name: string) =>
    makeUnit({ file, name, kind: "class", bases: ["BaseModel"], code: `class ${name}(BaseModel):\n    name: str\n    email: str\n    age: int = 0` });

  it("keeps a Pydantic model as a class pattern but never as a recurring shape, however often it repeats", () => {
    const files = ["a.py", "b.py", "c.py"].map((file, index) => makeFile(file, [model(file, ["User", "Customer", "Member"][index])], { BaseModel: "pydantic" }));
    const { patterns } = buildPatterns({ files });
    expect(patterns).toHaveLength(1);
    expect(patterns[0].patternType).toBe("class_pattern");
    expect(patterns[0].occurrences).toHaveLength(3);
    expect(patterns[0].recurring).toBe(false);
    // Field declarations are not logic: the complexity part is 0, as for an empty body.
    expect(patterns[0].quality.parts.complexity).toBe(0);
    expect(patterns[0].quality.score).toBeLessThan(0.7);
  });
});
