import { describe, expect, it } from "vitest";
import type { CodeUnit, FileExtraction, Language } from "@/lib/domain";
import { extractSource } from "@/lib/extract";
import { buildPatterns, buildRepoModel } from "@/lib/extract/clustering";
import { countNameWords, detectFramework, nameWordLimit, namePattern } from "@/lib/extract/naming";
import { splitIdentifier } from "@/lib/words";

async function extracted(file: string, language: Language, source: string): Promise<FileExtraction> {
  const outcome = await extractSource({ file, language, bytes: new TextEncoder().encode(source) });
  if (outcome.status !== "extracted") throw new Error(`${file} was not extracted: ${JSON.stringify(outcome)}`);
  return outcome.extraction;
}

/** Every unit named as a one-occurrence pattern, as `npm run bench:names` names them. */
function namesOfUnits(files: FileExtraction[]): Map<string, string> {
  const model = buildRepoModel(files);
  return new Map(
    model.units.map((unit) => {
      const parent = model.parentOf.get(unit.id);
      const input = { representative: unit, kind: null, role: detectFramework(unit, model.fileByPath.get(unit.file)), members: [unit], memberOwners: [parent?.kind === "class" ? parent.name : ""], isAsync: unit.isAsync, files: [unit.file] };
      return [unit.qualname, namePattern(input)];
    }),
  );
}

function keepsEveryWord(name: string, unit: Pick<CodeUnit, "name">): boolean {
  const present = new Set(splitIdentifier(name));
  return splitIdentifier(unit.name).every((word) => present.has(word));
}

const arraySet = `export class ArraySet {
  constructor() {
    this._items = [];
  }
  forEach(callback, thisArg) {
    for (const item of this._items) {
      callback.call(thisArg, item, item, this);
    }
  }
  toArray() {
    return this._items.slice();
  }
}

export function endsWith(text, suffix) {
  if (suffix.length > text.length) return false;
  return text.slice(text.length - suffix.length) === suffix;
}
`;

const helpers = `def url_for(endpoint, *, _anchor=None, _method=None, _external=None, **values):
    """Generate a URL to the given endpoint with the given values."""
    return current_app.url_for(endpoint, _anchor=_anchor, _method=_method, _external=_external, **values)


class Request(RequestBase):
    @property
    def max_content_length(self):
        """Read-only view of the MAX_CONTENT_LENGTH config key."""
        if current_app:
            return current_app.config["MAX_CONTENT_LENGTH"]
        else:
            return None

    def __repr__(self):
        return f"<{type(self).__name__} {self.url!r} [{self.method}]>"
`;

const defaultExport = `export default function (config) {
  const headers = Object.assign({}, config.headers);
  if (config.auth) {
    headers.Authorization = "Basic " + btoa(config.auth.username + ":" + config.auth.password);
  }
  return { ...config, headers };
}
`;

const codePathState = `export class CodePathState {
  makeFirstThrowablePathInTryOrCatchBlock() {
    if (!this.forkContext.reachable) {
      return;
    }
    const context = this.getTryContext();
    if (context === this || context.position !== "try" || !context.thrownForkContext.empty) {
      return;
    }
    context.thrownForkContext.add(this.forkContext.head);
    this.forkContext.replaceHead(this.forkContext.makeNext(-1, -1));
  }
}
`;

describe("pattern names keep every word of the identifier", () => {
  it("keeps prepositions and verbs that were dropped before (forEach, endsWith, toArray, url_for)", async () => {
    const names = namesOfUnits([await extracted("src/util/array-set.js", "javascript", arraySet), await extracted("flask/helpers.py", "python", helpers)]);
    expect(names.get("ArraySet.forEach")).toBe("For Each Method of Array Set");
    expect(names.get("ArraySet.toArray")).toBe("To Array Method of Array Set");
    expect(names.get("endsWith")).toBe("Ends With");
    expect(names.get("url_for")).toBe("URL For");
    expect(names.get("Request.max_content_length")).toBe("Max Content Length Method of Request");
    expect(names.get("Request.__repr__")).toBe("String Representation (__repr__) of Request");
    expect(names.get("ArraySet.constructor")).toBe("Constructor of Array Set");
  });

  it("names an anonymous default export after the file's export name, never 'Default Function'", async () => {
    const file = await extracted("lib/helpers/resolveConfig.js", "javascript", defaultExport);
    const names = [...namesOfUnits([file]).values()];
    expect(names).toEqual(["Resolve Config (default export)"]);
    const index = await extracted("packages/basic-auth/index.js", "javascript", defaultExport);
    expect([...namesOfUnits([index]).values()]).toEqual(["Basic Auth (default export)"]);
  });

  it("gives way with the class, never with the identifier, when a name would pass 12 words", async () => {
    const names = namesOfUnits([await extracted("lib/linter/code-path-state.js", "javascript", codePathState)]);
    expect(names.get("CodePathState.makeFirstThrowablePathInTryOrCatchBlock")).toBe("Make First Throwable Path In Try Or Catch Block Method");
  });

  it("names a method shared by a family of database-driver classes in at most 12 words", async () => {
    const drivers = ["AuroraMysql", "BetterSqlite3", "Cockroach", "Mysql", "Oracle", "Postgres", "SqlServer", "Spanner", "AbstractSqlite", "Sap"];
    const files = await Promise.all(
      drivers.map((driver) =>
        extracted(
          `src/driver/${driver.toLowerCase()}/${driver}QueryRunner.ts`,
          "typescript",
          `export class ${driver}QueryRunner extends BaseQueryRunner {\n  async createView(view: View, syncWithMetadata: boolean = false, oldView?: View): Promise<void> {\n    const upQueries: Query[] = [];\n    const downQueries: Query[] = [];\n    upQueries.push(await this.createViewSql(view));\n    if (syncWithMetadata) upQueries.push(await this.insertViewDefinitionSql(view));\n    downQueries.push(this.dropViewSql(view));\n    if (syncWithMetadata) downQueries.push(await this.deleteViewDefinitionSql(view));\n    await this.executeQueries(upQueries, downQueries);\n  }\n}\n`,
        ),
      ),
    );
    const { patterns } = buildPatterns({ files });
    const family = patterns.find((pattern) => pattern.occurrences.length === drivers.length && pattern.occurrences[0].qualname.endsWith(".createView"));
    expect(family?.name).toBe("Async Create View Method in Query Runner Classes");
  });

  it("keeps every word and stays within 12 words on every unit of real-shaped files", async () => {
    const files = [
      await extracted("src/util/array-set.js", "javascript", arraySet),
      await extracted("flask/helpers.py", "python", helpers),
      await extracted("lib/helpers/resolveConfig.js", "javascript", defaultExport),
      await extracted("lib/linter/code-path-state.js", "javascript", codePathState),
    ];
    const model = buildRepoModel(files);
    const names = namesOfUnits(files);
    for (const unit of model.units) {
      const name = names.get(unit.qualname)!;
      expect(countNameWords(name), name).toBeLessThanOrEqual(nameWordLimit);
      expect(keepsEveryWord(name, unit), `${unit.qualname} → ${name}`).toBe(true);
    }
  });
});
