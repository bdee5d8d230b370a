import { expect, type Download, type Page } from "@playwright/test";

/** `/projects/[slug]/patterns`: search by intent, filters, the table, export. */
export class PatternsPage {
  constructor(private readonly page: Page) {}

  async open(slug: string, query = "") {
    await this.page.goto(`/projects/${slug}/patterns${query}`);
    await expect(this.page.getByRole("heading", { name: "Patterns", exact: true })).toBeVisible();
  }

  /** Waits until the table shows the answer to its current filters (not the previous page kept on screen). */
  async settled() {
    await expect(this.page.getByTestId("pattern-table")).toHaveAttribute("aria-busy", "false");
  }

  /** The names in the table once it has settled. */
  async names(): Promise<string[]> {
    await this.settled();
    return this.rows().getByTestId("pattern-link").allTextContents();
  }

  rows() {
    return this.page.getByTestId("pattern-row");
  }

  /** The table row of the pattern with this exact name. */
  row(name: string) {
    return this.rows().filter({ has: this.page.getByTestId("pattern-link").getByText(name, { exact: true }) });
  }

  async filter(name: "pattern_types" | "kinds" | "languages" | "statuses" | "recurring" | "sort", value: string) {
    await this.page.getByTestId(`filter-${name}`).selectOption(value);
  }

  async search(intent: string) {
    await this.page.getByTestId("search-intent").fill(intent);
    await this.page.getByTestId("search-submit").click();
    await expect(this.page.getByTestId("search-results").or(this.page.getByTestId("search-empty"))).toBeVisible({ timeout: 30_000 });
  }

  searchResults() {
    return this.page.getByTestId("search-result");
  }

  /** Clicks Export CSV and returns the download. */
  async exportCsv(): Promise<Download> {
    const download = this.page.waitForEvent("download");
    await this.page.getByTestId("export-csv").click();
    return download;
  }

  async openPattern(name: string) {
    await this.row(name).getByTestId("pattern-link").click();
    await expect(this.page.getByTestId("pattern-name")).toHaveText(name);
  }
}
