import { describe, expect, it } from "vitest";
import { splitIdentifier } from "@/lib/words";
import { describedFileStems, textWords, rerankDepth, rerankFeatures, rerankIntent, rerankLead, rerankMatches, rerankModel, rerankParts, rerankPartNames, rerankScores, type RerankCandidate } from "@/lib/search";

// Real names and descriptions as extraction writes them (tarfile and shutil, Python's standard library).
const candidate = (overrides: Partial<RerankCandidate>): RerankCandidate => ({
  name: "Gzopen Method of Tar File", description: "Method `TarFile.gzopen` taking (name, mode, fileobj, compresslevel) that calls GzipFile", vectorRank: 1, textRank: 1,
  similarityZ: 2, intentWords: 5, wordsFound: 4, quality: 0.6, finalScore: 1, ...overrides,
});

describe("textWords", () => {
  it("splits as lib/words splitIdentifier does, in one pass", () => {
    for (const text of ["Method `TopologicalSorter.prepare` that calls ValueError, self._node2info.values", "HTTPServer b64decode ucs2decode utf8 2Info", "Class `IMAP4_SSL` with methods __init__, _create_socket"]) {
      expect(textWords(text)).toEqual(splitIdentifier(text));
    }
  });
});

describe("rerankFeatures", () => {
  it("reads the SQL score against the first candidate's, the ranks, the spread and the words found", () => {
    const intent = rerankIntent("open a tar archive for reading");
    const [sql, vector, text, spread, words] = rerankFeatures(intent, candidate({ finalScore: 0.5, vectorRank: 4, textRank: null, similarityZ: 1.5, wordsFound: 2, intentWords: 4 }), 1);
    expect(sql).toBeCloseTo(Math.log(0.5));
    expect([vector, text, spread, words]).toEqual([0.25, 0, 0.5, 0.5]);
  });

  it("weighs the intent's rare words found in the name and description above its common ones", () => {
    const intent = rerankIntent("unpack an archive into a directory");
    const index = rerankPartNames.indexOf("described_words");
    const rare = rerankFeatures(intent, candidate({ name: "Unpack Archive", description: "Function `unpack_archive` taking (filename, extract_dir)" }), 1)[index];
    const common = rerankFeatures(intent, candidate({ name: "Is Dir Method of Path", description: "Method `Path.is_dir` that calls self.stat" }), 1)[index];
    expect(rare).toBeGreaterThan(0.6);
    expect(common).toBeLessThan(0.4);
    expect(rare).toBeGreaterThan(common);
  });

  it("reads a pattern's words again when its name or description changed under the same id", () => {
    const intent = rerankIntent("unpack an archive into a directory");
    const index = rerankPartNames.indexOf("described_words");
    const before = rerankFeatures(intent, candidate({ id: "p1", name: "Unpack Archive", description: "Function `unpack_archive` taking (filename, extract_dir)" }), 1)[index];
    const edited = rerankFeatures(intent, candidate({ id: "p1", name: "Is Dir Method of Path", description: "Method `Path.is_dir` that calls self.stat" }), 1)[index];
    const uncached = rerankFeatures(intent, candidate({ name: "Is Dir Method of Path", description: "Method `Path.is_dir` that calls self.stat" }), 1)[index];
    expect(before).toBeGreaterThan(0.6);
    expect(edited).toBe(uncached);
    expect(rerankFeatures(intent, candidate({ id: "p1", name: "Is Dir Method of Path", description: "Method `Path.is_dir` that calls self.stat" }), 1)).toEqual(
      rerankFeatures(intent, candidate({ name: "Is Dir Method of Path", description: "Method `Path.is_dir` that calls self.stat" }), 1),
    );
  });

  it("marks a method of a class, by its description or its name", () => {
    const index = rerankPartNames.indexOf("member");
    const intent = rerankIntent("open a tar archive");
    expect(rerankFeatures(intent, candidate({}), 1)[index]).toBe(1);
    expect(rerankFeatures(intent, candidate({ name: "Unpack Archive", description: "Function `unpack_archive` taking (filename)" }), 1)[index]).toBe(0);
  });
});

describe("rerankFeatures of a class", () => {
  it("repeats the two shares of the intent's words for a class, and reads 0 for them elsewhere", () => {
    const intent = rerankIntent("render a nested dict readably");
    const wordsIndex = rerankPartNames.indexOf("words_found"), describedIndex = rerankPartNames.indexOf("described_words");
    const classWords = rerankPartNames.indexOf("class_words_found"), classDescribed = rerankPartNames.indexOf("class_described_words");
    const printer = rerankFeatures(intent, candidate({ name: "Pretty Printer", description: "Class `PrettyPrinter` with methods __init__, pprint, pformat, isreadable that calls int", wordsFound: 3, intentWords: 4 }), 1);
    expect(printer[classWords]).toBe(printer[wordsIndex]);
    expect(printer[classWords]).toBeCloseTo(0.75);
    expect(printer[classDescribed]).toBe(printer[describedIndex]);
    const component = rerankFeatures(intent, candidate({ name: "App", description: "React Component class `App` with methods render", wordsFound: 1, intentWords: 4 }), 1);
    expect(component[classWords]).toBeCloseTo(0.25);
    const method = rerankFeatures(intent, candidate({ name: "Pformat Method of Pretty Printer", description: "Method `PrettyPrinter.pformat` taking (object) that calls _safe_repr", wordsFound: 3, intentWords: 4 }), 1);
    expect([method[classWords], method[classDescribed]]).toEqual([0, 0]);
    expect(method[wordsIndex]).toBeCloseTo(0.75);
  });

  it("ranks a function that holds the intent's words above a class whose members hold the same words, at an equal SQL score", () => {
    const intent = "pretty print a nested dict";
    const printer = candidate({ name: "Pretty Printer", description: "Class `PrettyPrinter` with methods __init__, pprint, pformat that calls int", wordsFound: 3, intentWords: 4, finalScore: 1, vectorRank: 1, textRank: 1 });
    const pprint = candidate({ name: "Pprint Function", description: "Function `pprint` taking (object, stream) that calls PrettyPrinter", wordsFound: 3, intentWords: 4, finalScore: 1, vectorRank: 1, textRank: 1 });
    expect(rerankModel.weights.class_words_found + rerankModel.weights.class_described_words).toBeLessThan(0);
    expect(rerankMatches(intent, [printer, pprint]).map(({ candidate: ranked }) => ranked.name)).toEqual(["Pprint Function", "Pretty Printer"]);
  });
});

describe("describedFileStems and the file part", () => {
  it("reads the file a description names, once or among several, without its extension and filler folders", () => {
    expect([...describedFileStems("Function `pRetry` taking (input, options) that calls …; cyclomatic complexity 3, 20 lines. Defined once, in node_modules/p-retry/index.js.")]).toEqual(["retri"]);
    expect([...describedFileStems("Method `Signer.sign` that calls self.get_signature. Occurs 2 times in 2 files (debian-python/itsdangerous/signer.py, debian-python/itsdangerous/timed.py).")]).toEqual(["itsdangerous", "sign"]);
    expect(describedFileStems("A retry helper written by a language model.").size).toBe(0);
  });

  it("is the intent's words, weighed by rarity, found in the file's name and folder", () => {
    const index = rerankPartNames.indexOf("file_words");
    const intent = rerankIntent("retry a flaky promise");
    const inRetryLibrary = rerankFeatures(intent, candidate({ name: "Calculate Delay", description: "Function `calculateDelay` taking (attempt, options). Defined once, in node_modules/p-retry/index.js." }), 1)[index];
    const elsewhere = rerankFeatures(intent, candidate({ name: "Calculate Delay", description: "Function `calculateDelay` taking (attempt, options). Defined once, in node_modules/queue/index.js." }), 1)[index];
    expect(inRetryLibrary).toBeGreaterThan(0.2);
    expect(elsewhere).toBe(0);
  });
});

describe("rerankMatches", () => {
  it("scores each candidate as the sum of its weighted parts", () => {
    const [scored] = rerankScores("open a tar archive", [candidate({})]);
    const parts = rerankParts(scored);
    const sum = Object.values(parts).reduce((total, part) => total + part, 0);
    expect(scored.score).toBeCloseTo(sum);
    expect(Object.keys(parts)).toEqual([...rerankPartNames]);
    expect(parts.words_found).toBeCloseTo(rerankModel.weights.words_found * 0.8);
  });

  it("puts a candidate holding the intent's words in its name ahead of a slightly higher SQL score that holds few", () => {
    const intent = "unpack an archive into a directory";
    const method = candidate({ name: "Extractfile Method of Tar File", description: "Method `TarFile.extractfile` taking (member)", wordsFound: 1, intentWords: 4, finalScore: 1, textRank: 2 });
    const answer = candidate({ name: "Unpack Archive", description: "Function `unpack_archive` taking (filename, extract_dir, format)", wordsFound: 4, intentWords: 4, finalScore: 0.95, vectorRank: 2, textRank: 1 });
    expect(rerankMatches(intent, [method, answer]).map(({ candidate: ranked }) => ranked.name)).toEqual(["Unpack Archive", "Extractfile Method of Tar File"]);
  });

  it("keeps the SQL order for equal candidates, and past the depth leaves the rest in the SQL order without a re-rank", () => {
    const many = Array.from({ length: rerankDepth + 3 }, (_, index) => candidate({ name: `Pattern ${index}`, finalScore: 1 }));
    const ranked = rerankMatches("anything at all", many);
    expect(ranked.map(({ candidate: item }) => item.name)).toEqual(many.map((item) => item.name));
    expect(ranked.slice(0, rerankDepth).every(({ rerank }) => rerank !== null)).toBe(true);
    expect(ranked.slice(rerankDepth).every(({ rerank }) => rerank === null)).toBe(true);
  });
});

describe("rerankLead", () => {
  it("is the difference of re-rank scores in the SQL score's units, never negative", () => {
    const weight = rerankModel.weights.sql_score;
    expect(rerankLead(weight * Math.log(1.5), 0)).toBeCloseTo(Math.log(1.5));
    expect(rerankLead(0, 1)).toBe(0);
  });
});
