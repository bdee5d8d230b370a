import { MotifError } from "@/lib/errors";
import { createParser, type TreeSitterNode as SyntaxNode } from "@/lib/extract/syntax-tree";
import type { Parser } from "web-tree-sitter";
import { detectDesignPatterns } from "./detectors";
import { fingerprintUnit } from "./fingerprint";
import { CodeLineIndex } from "./metrics/code-line-index";
import { mirrorTree, parseSource, type MirrorNode } from "./syntax-tree";
import type { CodeUnit, FileExtraction, Language } from "@/lib/domain";
import { buildUnit } from "./units/build-unit";
import { findUnits } from "./units/find-units";
import { collectModuleStatements } from "./units/module-statements";

/** Above this share of the text inside syntax errors, recovered units would be guesswork. */
const maxErrorShare = 0.3;

// One parser per language per thread, created on first use and reused for every file.
const parsers = new Map<Language, Promise<Parser>>();

/** The parser of a language, created once per thread and reused for every file. */
export function parserFor(language: Language): Promise<Parser> {
  let parser = parsers.get(language);
  if (!parser) {
    parser = createParser(language);
    parsers.set(language, parser);
  }
  return parser;
}

/** One file to extract. */
export interface ExtractFileInput {
  file: string;
  source: string;
  language: Language;
  /**
   * Also keep the file's module-level statements (`app = Flask(__name__)`, `bus.on(...)`): only
   * the repository-level usage stage's module-instance facts read them, and only when a usage rule
   * runs (`shippedUsageReadsModuleStatements`), so by default they are not collected.
   */
  moduleStatements?: boolean;
}

/**
 * Parses one file and returns its units with metrics, design patterns and fingerprints,
 * and its module-level imports (and statements, when asked). Throws MotifError `bad_request:input` ("<file>: <reason>")
 * when the file is binary or so broken that its units would be garbage; local syntax errors
 * still yield the units tree-sitter recovered.
 */
export async function extractFile(input: ExtractFileInput): Promise<FileExtraction> {
  const { file, source, language } = input;
  if (source.includes("\u0000")) throw new MotifError("bad_request:input", `${file}: binary content (NUL bytes)`);
  const parser = await parserFor(language);
  const { tree, module } = parseSource(parser, source);
  if (!tree) throw new MotifError("bad_request:input", `${file}: the ${language} parser gave no tree`);
  let root: MirrorNode;
  try {
    assertUsable(tree.rootNode, input);
    // Everything after this reads the JavaScript copy; the WASM tree is freed at once.
    root = mirrorTree(tree, source, module);
  } finally {
    tree.delete();
  }
  const found = findUnits({ root, source, language });
  const lines = new CodeLineIndex(source, found.comments);
  const units: CodeUnit[] = found.units.map((draft) => {
    const unit = buildUnit({ draft, file, language, source, lines });
    const patterns = detectDesignPatterns({ node: draft.node, unit, language, fileImports: found.imports, source });
    return { ...unit, patterns, fingerprint: fingerprintUnit(draft.node, language) };
  });
  const moduleStatements = input.moduleStatements ? collectModuleStatements(root, language) : [];
  return { file, language, imports: found.imports, ...(moduleStatements.length > 0 ? { moduleStatements } : {}), units, lines: lines.lineCount, bytes: utf8Length(source) };
}

function assertUsable(root: SyntaxNode, input: { file: string; source: string; language: Language }): void {
  if (!root.hasError) return;
  const broken = errorLength(root);
  const share = input.source.length === 0 ? 0 : broken / input.source.length;
  if (root.type === "ERROR" || share > maxErrorShare) {
    throw new MotifError(
      "bad_request:input",
      `${input.file}: not parseable as ${input.language} (syntax errors cover ${Math.round(share * 100)}% of the file)`,
    );
  }
}

// Descends only into subtrees that contain an error, so clean code costs nothing.
function errorLength(node: SyntaxNode): number {
  if (node.type === "ERROR") return node.endIndex - node.startIndex;
  let total = 0;
  for (const child of node.children) if (child.hasError) total += errorLength(child);
  return total;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}
