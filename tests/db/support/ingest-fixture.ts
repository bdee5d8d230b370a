import type { ExtractedPattern, ExtractionResult } from "@/lib/domain";

function pattern(key: string, name: string, occurrences: Array<[file: string, start: number, qualname: string]>, extra: Partial<ExtractedPattern> = {}): ExtractedPattern {
  return {
    key,
    fingerprint: key,
    patternType: "function_pattern",
    kind: null,
    name,
    description: `${name}.`,
    language: "python",
    framework: null,
    code: `def ${occurrences[0][2]}():\n    pass`,
    tags: [],
    dependencies: [],
    complexity: 2,
    confidence: 0.9,
    evidence: [],
    quality: {
      score: 0.7,
      parts: { complexity: 0.9, documentation: 0.5, testCoverage: null, reusability: 0.6, maintainability: 0.7 },
      weights: { complexity: 0.375, documentation: 0.25, testCoverage: 0, reusability: 0.1875, maintainability: 0.1875 },
      notes: ["no coverage report: test coverage unknown, weights re-normalised"],
    },
    occurrences: occurrences.map(([file, startLine, qualname]) => ({ file, startLine, endLine: startLine + 9, qualname, unitId: `${file}:${startLine}:${qualname}` })),
    callers: 0,
    recurring: occurrences.length >= 2,
    ...extra,
  };
}

/** A small extraction: a retry pattern in three files, a settings singleton, a helper that uses the retry. */
export function sampleExtraction(): ExtractionResult {
  const patterns = [
    pattern("retry01", "Exponential Backoff Retry Loop", [["shop/clients/inventory.py", 10, "fetch_stock"], ["shop/clients/payments.py", 10, "charge_card"], ["shop/clients/shipping.py", 10, "book_shipment"]], {
      kind: "retry_backoff", patternType: "design_pattern", tags: ["retry", "http"], dependencies: ["requests", "time"], complexity: 4, callers: 1,
      description: "Retries an HTTP call, sleeping twice as long after each failure.",
    }),
    pattern("single01", "Settings Singleton", [["shop/config.py", 4, "Settings"]], { kind: "singleton", patternType: "class_pattern", tags: ["configuration"] }),
    pattern("helper01", "Order Total Calculation", [["shop/services/orders.py", 20, "order_total"]], { tags: ["orders"] }),
  ];
  return {
    units: [],
    patterns,
    relationships: [{ source: "helper01", target: "retry01", type: "USES", strength: 1, confidence: 1, evidence: ["order_total calls fetch_stock"] }],
    stats: { files: 6, filesFailed: 0, lines: 100, bytes: 1000, units: 5, patterns: 3, patternsByType: {}, patternsByKind: {}, durationMs: 1, jobs: 1 },
    failures: [],
  };
}
