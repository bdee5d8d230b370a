import { describe, expect, it } from "vitest";
import { BUILTIN_EMBEDDING_MODEL, embeddingTextForPattern } from "@/lib/embed";
import { wordWeight } from "@/lib/embed/word-weight";
import { stemWord } from "@/lib/embed";

const extracted = {
  name: "Wait For",
  description:
    "Async function `wait_for` taking (fut, timeout) that calls ensure_future; cyclomatic complexity 6, 52 lines. Defined once, in python-stdlib/asyncio/tasks.py.",
  tags: [],
  kind: null,
  code: 'async def wait_for(fut,\n                   timeout):\n    """Wait for the single Future or coroutine to complete, with timeout.\n\n    Coroutine will be wrapped in Task.\n    """\n    loop = events.get_running_loop()\n',
};

describe("embeddingTextForPattern", () => {
  it("leads with the name and the docstring summary read from Python code, and drops size and file path", () => {
    expect(embeddingTextForPattern(extracted)).toBe(
      [
        "Wait For",
        "Wait for the single Future or coroutine to complete, with timeout.",
        "details: Coroutine will be wrapped in Task.",
        "description: Async function `wait_for` taking (fut, timeout) that calls ensure_future.",
        "code: loop events get running",
      ].join("\n"),
    );
  });

  it("uses the docstring the caller passes (JSDoc is not part of a JavaScript unit's code)", () => {
    const text = embeddingTextForPattern({
      name: "Debounce Function",
      description: "Function `debounce` taking (func, debounceMs); cyclomatic complexity 6, 52 lines. Occurs 2 times in 2 files (a.js and b.js).",
      tags: [],
      kind: null,
      code: "function debounce(func, debounceMs) { return func }",
      docstring: "Creates a debounced function that delays invoking the provided function.",
    });
    expect(text.split("\n").slice(0, 3)).toEqual([
      "Debounce Function",
      "Creates a debounced function that delays invoking the provided function.",
      "description: Function `debounce` taking (func, debounceMs).",
    ]);
  });

  it("keeps a person's description as written", () => {
    const text = embeddingTextForPattern({ name: "Retry", description: "Retries a call with exponential backoff and jitter.", tags: [], kind: null, code: "" });
    expect(text).toBe("Retry\ndescription: Retries a call with exponential backoff and jitter.");
  });
});

describe("wordWeight", () => {
  it("weighs words by how rare they are in real code", () => {
    expect(wordWeight(stemWord("the"))).toBe(0);
    expect(wordWeight(stemWord("value"))).toBeLessThan(0.2);
    expect(wordWeight(stemWord("get"))).toBeLessThan(0.3);
    expect(wordWeight(stemWord("backoff"))).toBe(1);
    expect(wordWeight(stemWord("levenshtein"))).toBe(1);
  });

  it("is part of the v2 built-in model", () => {
    expect(BUILTIN_EMBEDDING_MODEL).toBe("motif-builtin-v4");
  });
});
