import { readFile } from "node:fs/promises";
import { Linter } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { extractFile } from "@/lib/extract/extract-file";
import type { FileExtraction, Language } from "@/lib/domain";

async function extractFixture(file: string, language: Language): Promise<FileExtraction> {
  return extractFile({ file, source: await readFile(file, "utf8"), language });
}

function cyclomaticByQualname(extraction: FileExtraction): Record<string, number> {
  return Object.fromEntries(extraction.units.map((unit) => [unit.qualname, unit.metrics.cyclomatic]));
}

describe("cyclomatic complexity for Python (radon's rules)", () => {
  // Every number below was produced by radon 6 (cc_visit + add_inner_blocks) on the fixture.
  const radon: Record<string, number> = {
    plain_total: 2, // generator expression: its `for` counts
    shipping_band: 4, // if + 2 elif; else is free
    first_paid: 4, // for + its else + if
    drain: 3, // while + its else
    parse_payload: 4, // two handlers + try's else; finally is free
    only_finally: 1,
    grouped_failures: 1, // except* (TryStar) is not counted by radon
    eligible: 4, // `a and not b and c or d`: one per boolean operator
    label: 2, // conditional expression
    totals_by_sku: 5, // two comprehension fors + two ifs
    flat_skus: 4,
    any_refund: 2,
    checked: 3, // each assert is 1, whatever is inside it
    route: 3, // 3 cases, minus 1 for the wildcard
    route_named: 4, // 3 cases minus the capture `case other`, plus the guard's `and`
    route_closed: 3, // 2 cases, no wildcard
    sorter: 2, // the lambda's ternary counts for the enclosing function
    with_is_free: 1,
    retry_later: 1, // defaults and closures add nothing
    "retry_later.delay": 2,
    "retry_later.jitter": 2,
    decorated_free: 1,
    decorated: 2, // the default's ternary is not counted
    fetch_all: 3, // async for + if; async with is free
    keep_going: 3,
    Order: 3, // class: (1 + body if + methods) averaged over methods, +1 for several methods
    "Order.is_large": 2,
    "Order.describe": 1,
    "describe.money": 2, // radon names a method's closure after the method alone
    "Order.Line": 3,
    "Order.Line.cost": 2,
    Empty: 1,
    Single: 3,
    "Single.only": 2,
    Registry: 4,
    "Registry.register": 2,
    "Registry.lookup": 1,
    "Registry.names": 3,
    make_local_class: 1,
  };

  it("matches radon on every function, method and class of the rules fixture", async () => {
    const extraction = await extractFixture("tests/fixtures/python/complexity/radon_rules.py", "python");
    const ours = cyclomaticByQualname(extraction);
    expect(Object.fromEntries(Object.keys(radon).map((qualname) => [qualname, ours[qualname]]))).toEqual(radon);
  });

  it("counts classes nested in functions too, under the function's name", async () => {
    const ours = cyclomaticByQualname(await extractFixture("tests/fixtures/python/complexity/radon_rules.py", "python"));
    expect(ours["make_local_class.Local"]).toBe(3);
    expect(ours["make_local_class.Local.method"]).toBe(2);
  });
});

describe("cyclomatic complexity for TypeScript and JavaScript (ESLint's complexity rule)", () => {
  // Every number below is what ESLint 10's `complexity` rule reports for the fixture.
  const eslintTypeScript: Record<string, number> = {
    plain: 1,
    stockLevel: 3, // if + else if
    isCheap: 2, // ternary in an arrow bound to a name
    countTagged: 8, // for, for-of, for-in, while, do-while, `?.`, `??`
    parseQty: 2, // catch; finally is free
    category: 4, // three non-default cases
    logical: 5, // &&, ||, `?.`, ??
    assignDefaults: 4, // ||=, ??=, &&= (but not +=)
    contactOf: 3, // `?.` member and `?.()` call
    withDefaults: 6, // five default values, destructuring included
    outer: 1, // callbacks are functions of their own
    "Warehouse.constructor": 2, // parameter property default
    "Warehouse.size": 2,
    "Warehouse.limit": 2,
    "Warehouse.add": 3,
    "Warehouse.remove": 2, // arrow class field
    "Warehouse.skus": 3,
    "Warehouse.restock": 4,
    "handlers.created": 2,
    "handlers.removed": 3,
    "handlers.archived": 2,
  };

  it("matches ESLint on every named function of the TypeScript rules fixture", async () => {
    const ours = cyclomaticByQualname(await extractFixture("tests/fixtures/typescript/complexity/eslint-rules.ts", "typescript"));
    expect(Object.fromEntries(Object.keys(eslintTypeScript).map((qualname) => [qualname, ours[qualname]]))).toEqual(eslintTypeScript);
  });

  it("matches ESLint on prototype methods, labels, switch and JSX", async () => {
    const script = cyclomaticByQualname(await extractFixture("tests/fixtures/javascript/complexity/eslint-rules.js", "javascript"));
    expect(script).toMatchObject({
      RateLimiter: 5,
      "RateLimiter.hit": 4,
      "RateLimiter.sweep": 5,
      "policies.lenient": 2,
      "policies.names": 1,
      "Throttle.constructor": 1,
      "Throttle.onDrain": 2,
      "Throttle.push": 2,
      "Throttle.create": 2,
      createLimiter: 3,
    });
    const jsx = cyclomaticByQualname(await extractFixture("tests/fixtures/javascript/complexity/status-badge.jsx", "javascript"));
    expect(jsx).toMatchObject({ StatusBadge: 7, Details: 2, StatusList: 3 });
  });

  it("gives classes radon's average so both languages read alike", async () => {
    const ours = cyclomaticByQualname(await extractFixture("tests/fixtures/typescript/complexity/eslint-rules.ts", "typescript"));
    // (1 + 3 initializer/static-block decisions + 18 across 7 methods) / 7, truncated, + 1.
    expect(ours.Warehouse).toBe(4);
  });

  it.each([
    ["tests/fixtures/typescript/complexity/eslint-rules.ts", "typescript"],
    ["tests/fixtures/javascript/complexity/eslint-rules.js", "javascript"],
    ["tests/fixtures/javascript/complexity/status-badge.jsx", "javascript"],
    ["tests/fixtures/typescript/units/order-controller.ts", "typescript"],
  ] as const)("agrees with a live ESLint run on %s", async (file, language) => {
    const source = await readFile(file, "utf8");
    const linter = new Linter({ configType: "flat" });
    const messages = linter.verify(
      source,
      [
        {
          files: ["**/*.{ts,js,jsx}"],
          languageOptions: {
            ...(language === "typescript" ? { parser: tseslint.parser as Linter.Parser } : {}),
            parserOptions: { ecmaFeatures: { jsx: true } },
          },
          rules: { complexity: ["error", 0] },
        },
      ],
      `fixture${file.slice(file.lastIndexOf("."))}`,
    );
    const extraction = await extractFile({ file, source, language });
    const compared: string[] = [];
    for (const message of messages) {
      const named = /^(?:.* )?(?:function|method|constructor|getter|setter)(?: '([^']+)'|$)/i.exec(message.message.split(" has a complexity")[0]);
      const reported = Number(/has a complexity of (\d+)/.exec(message.message)?.[1]);
      const unit = extraction.units.find((candidate) => candidate.startLine === message.line && candidate.kind !== "class" && (named?.[1] === undefined ? /constructor/i.test(message.message) === (candidate.name === "constructor") : candidate.name === named[1]));
      if (!named || !unit) continue;
      compared.push(unit.qualname);
      expect({ [unit.qualname]: unit.metrics.cyclomatic }).toEqual({ [unit.qualname]: reported });
    }
    expect(compared.length).toBeGreaterThanOrEqual(4);
  });
});

describe("cognitive complexity and nesting (SonarSource)", () => {
  it("charges nesting, labelled jumps, else branches and boolean runs", async () => {
    const script = await extractFixture("tests/fixtures/javascript/complexity/eslint-rules.js", "javascript");
    const sweep = script.units.find((unit) => unit.qualname === "RateLimiter.sweep")!;
    // for(+1) > for(+2) > if(+3) + continue label(+1), if(+3) + break label(+1)
    expect(sweep.metrics).toMatchObject({ cognitive: 11, maxNesting: 3 });
    const jsx = await extractFixture("tests/fixtures/javascript/complexity/status-badge.jsx", "javascript");
    // ternary(+1) nesting a ternary(+2), one && run(+1), a ternary(+1)
    expect(jsx.units.find((unit) => unit.qualname === "StatusBadge")!.metrics).toMatchObject({ cognitive: 5, maxNesting: 0 });
    const python = await extractFixture("tests/fixtures/python/complexity/radon_rules.py", "python");
    const byName = Object.fromEntries(python.units.map((unit) => [unit.qualname, unit.metrics]));
    expect(byName.shipping_band).toMatchObject({ cognitive: 4, maxNesting: 1 }); // if + elif + elif + else
    expect(byName.eligible).toMatchObject({ cognitive: 2 }); // `and … and` run, then `or`
    expect(byName.first_paid).toMatchObject({ cognitive: 4, maxNesting: 2 }); // for(+1) > if(+2), for-else(+1)
  });
});
