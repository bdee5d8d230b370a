import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extractPaths } from "@/lib/extract";
import { comparePullRequest, renderPullRequestComment } from "@/lib/github";

const fixture = path.resolve(import.meta.dirname, "../../fixtures/repos/python-service");
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "motif-compare-pr-"));
afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

// A retry loop written again under other names, and a payment call that grew a branch.
const refunds = `import time

import requests


def refund_payment(payment_id, retries=4, first_pause=0.3):
    pause = first_pause
    for round_number in range(retries):
        try:
            result = requests.post(f"https://payments.internal/api/refunds/{payment_id}", timeout=4)
            result.raise_for_status()
            return result.json()
        except requests.RequestException:
            if round_number == retries - 1:
                raise
            time.sleep(pause)
            pause = pause * 2
`;

describe("comparePullRequest", () => {
  it("names the existing code a new unit repeats, counts complexity changes and renders them with links", async () => {
    const head = path.join(workspace, "head");
    fs.cpSync(fixture, head, { recursive: true });
    fs.writeFileSync(path.join(head, "shop/clients/refunds.py"), refunds);
    const payments = path.join(head, "shop/clients/payments.py");
    fs.writeFileSync(payments, fs.readFileSync(payments, "utf8").replace('    if amount <= 0:\n', '    if amount is None:\n        raise ValueError("amount is required")\n    if amount <= 0:\n'));
    const base = await extractPaths({ paths: [fixture], cwd: fixture, jobs: 1 });
    const after = await extractPaths({ paths: [head], cwd: head, jobs: 1 });
    const insight = comparePullRequest({ base, head: after, changedFiles: ["shop/clients/refunds.py", "shop/clients/payments.py"] });

    expect(insight.reuse).toEqual([expect.objectContaining({
      unit: { file: "shop/clients/refunds.py", line: 6, qualname: "refund_payment" },
      existing: expect.objectContaining({ file: "shop/clients/inventory.py", line: 10, qualname: "fetch_stock" }),
      how: "same",
    })]);
    expect(insight.kinds).toContain("retry_backoff");
    // refund_charge was edited in place: a complexity change, not a new pattern.
    expect(insight.newPatterns).toEqual([]);
    expect(insight.complexity.changes).toEqual(expect.arrayContaining([
      { file: "shop/clients/payments.py", qualname: "refund_charge", before: 3, after: 4 },
      { file: "shop/clients/refunds.py", qualname: "refund_payment", before: null, after: expect.any(Number) },
    ]));
    const comment = renderPullRequestComment(insight, {
      repository: "acme/shop", comparedWith: "0123456789abcdef0123456789abcdef01234567", projectUrl: "https://motif.example.com/projects/shop",
      patternUrls: new Map([[insight.reuse[0].patternKey, "https://motif.example.com/projects/shop/patterns/p1"]]),
    });
    expect(comment).toContain("`refund_payment` (`shop/clients/refunds.py:6`) looks like `fetch_stock` in `shop/clients/inventory.py:10` — reuse it");
    expect(comment).toContain("acme/shop `0123456` as Motif last ingested it");
    expect(comment).toContain("`refund_charge` 3 → 4");
    if (process.env.SHOW_COMMENT) process.stdout.write(`${comment}\n`);
  });
});
