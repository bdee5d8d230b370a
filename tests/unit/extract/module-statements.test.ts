import { describe, expect, it } from "vitest";
import { extractFile } from "@/lib/extract/extract-file";
import { shippedUsageReadsModuleStatements, usageRulesShipped } from "@/lib/extract/usage";

const source = `from flask import Flask

app = Flask(__name__)


@app.route("/")
def index():
    return "hi"


if __name__ == "__main__":
    app.run()
`;

describe("extractFile: module-level statements", () => {
  it("are not collected unless asked (no shipped usage rule reads them)", async () => {
    const extraction = await extractFile({ file: "app.py", source, language: "python" });
    expect(extraction.moduleStatements).toBeUndefined();
    expect(shippedUsageReadsModuleStatements).toBe(usageRulesShipped.length > 0);
  });

  it("are collected when asked, with their first lines", async () => {
    const extraction = await extractFile({ file: "app.py", source, language: "python", moduleStatements: true });
    expect(extraction.moduleStatements?.map((statement) => statement.line)).toEqual([3, 11]);
    expect(extraction.moduleStatements?.[0]?.code).toBe("app = Flask(__name__)");
  });
});
