/**
 * Which lines of a file hold code: a line counts when it has a non-blank character outside
 * comments. Built once per file in one pass over the text; `linesOfCode` is then O(1) per unit.
 */
export class CodeLineIndex {
  /** codeLinesBefore[n] = code lines among lines 1..n. */
  private readonly codeLinesBefore: Uint32Array;
  readonly lineCount: number;

  /** `comments` are [start, end) string offsets of comment nodes, in source order. */
  constructor(source: string, comments: number[]) {
    const hasCode: boolean[] = [false];
    let line = 1;
    let comment = 0;
    for (let index = 0; index < source.length; index++) {
      while (comment < comments.length && comments[comment + 1] <= index) comment += 2;
      const code = source.charCodeAt(index);
      if (code === 10) {
        line++;
        hasCode[line] = false;
        continue;
      }
      const insideComment = comment < comments.length && index >= comments[comment];
      if (!insideComment && code !== 32 && code !== 9 && code !== 13 && code !== 12) hasCode[line] = true;
    }
    this.lineCount = source.length === 0 ? 0 : source.endsWith("\n") ? line - 1 : line;
    this.codeLinesBefore = new Uint32Array(line + 1);
    for (let index = 1; index <= line; index++) {
      this.codeLinesBefore[index] = this.codeLinesBefore[index - 1] + (hasCode[index] ? 1 : 0);
    }
  }

  /** Non-blank, non-comment lines between two 1-based lines, inclusive. */
  linesOfCode(startLine: number, endLine: number): number {
    const last = Math.min(endLine, this.codeLinesBefore.length - 1);
    return this.codeLinesBefore[last] - this.codeLinesBefore[Math.max(0, startLine - 1)];
  }
}
