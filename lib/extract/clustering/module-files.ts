import type { FileExtraction } from "@/lib/domain";

const scriptExtensions = [".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"];

function directoryOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

/** Joins and normalises `a/b` + `../c` → `a/c` (forward slashes, no leading `./`). */
function joinPath(base: string, relative: string): string {
  const parts = base ? base.split("/") : [];
  for (const part of relative.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

/**
 * Finds the repository file a module specifier names. Paths are matched by suffix (the
 * analysed tree may sit below the working directory) and, among several, the file closest
 * to the importer wins.
 */
export class ModuleFiles {
  private readonly bySuffix = new Map<string, FileExtraction[]>();

  constructor(files: FileExtraction[]) {
    for (const file of files) {
      const segments = file.file.split("/");
      for (let start = 0; start < segments.length; start++) {
        const suffix = segments.slice(start).join("/");
        const list = this.bySuffix.get(suffix);
        if (list) list.push(file);
        else this.bySuffix.set(suffix, [file]);
      }
    }
  }

  private closest(candidatePaths: string[], importer: string): FileExtraction | undefined {
    const importerDirectory = directoryOf(importer);
    for (const candidate of candidatePaths) {
      const files = this.bySuffix.get(candidate);
      if (!files?.length) continue;
      const shared = (file: FileExtraction) => {
        const a = directoryOf(file.file).split("/");
        const b = importerDirectory.split("/");
        let count = 0;
        while (count < a.length && a[count] === b[count]) count++;
        return count;
      };
      return [...files].sort((x, y) => shared(y) - shared(x) || (x.file < y.file ? -1 : 1))[0];
    }
    return undefined;
  }

  /** A Python module (`pkg.mod`, `.mod`, `..pkg.mod`) → its `.py` or `__init__.py` file. */
  resolvePython(module: string, importer: string): FileExtraction | undefined {
    const dots = /^\.*/.exec(module)?.[0].length ?? 0;
    const rest = module.slice(dots).split(".").filter(Boolean).join("/");
    if (dots > 0) {
      let base = directoryOf(importer);
      for (let level = 1; level < dots; level++) base = directoryOf(base);
      const path = joinPath(base, rest);
      const files = [`${path}.py`, `${path}/__init__.py`].map((candidate) => this.bySuffix.get(candidate)?.find((file) => file.file === candidate));
      return files.find(Boolean);
    }
    if (!rest) return undefined;
    return this.closest([`${rest}.py`, `${rest}/__init__.py`, `${rest}.pyi`], importer);
  }

  /** A JS/TS specifier (`./retry`, `../db/index.js`, `@/lib/x`) → its file; bare packages are not in the repo. */
  resolveScript(specifier: string, importer: string): FileExtraction | undefined {
    let base: string;
    let exact = true;
    if (specifier.startsWith(".")) base = joinPath(directoryOf(importer), specifier);
    else if (/^[@~#]\//.test(specifier)) {
      base = specifier.slice(2);
      exact = false;
    } else return undefined;
    const stem = base.replace(/\.(m|c)?jsx?$/, "");
    const candidates = [base, ...scriptExtensions.map((extension) => stem + extension), ...scriptExtensions.map((extension) => `${base}/index${extension}`)];
    if (exact) {
      for (const candidate of candidates) {
        const match = this.bySuffix.get(candidate)?.find((file) => file.file === candidate);
        if (match) return match;
      }
      return undefined;
    }
    return this.closest(candidates, importer);
  }
}
