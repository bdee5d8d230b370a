import { expect, type Page } from "@playwright/test";

/** `/projects/[slug]/patterns/[id]`: one pattern, its numbers and the outcome form. */
export class PatternDetailPage {
  constructor(private readonly page: Page) {}

  name() {
    return this.page.getByTestId("pattern-name");
  }

  successRate() {
    return this.page.getByTestId("pattern-success-rate");
  }

  /** Reports how using the pattern went, and waits for the thanks. */
  async reportOutcome(outcome: "successful" | "partial" | "failed", rating?: 1 | 2 | 3 | 4 | 5) {
    await this.page.getByTestId("usage-outcome").selectOption(outcome);
    await this.page.getByTestId("usage-rating").selectOption(rating ? String(rating) : "");
    await this.page.getByTestId("usage-submit").click();
    await expect(this.page.getByTestId("usage-reported")).toBeVisible();
  }

  code() {
    return this.page.getByTestId("pattern-code");
  }
}
