import { expect, type Page } from "@playwright/test";

/** `/projects/[slug]/ingest`: pick or paste files and extract their patterns. */
export class IngestPage {
  constructor(private readonly page: Page) {}

  async open(slug: string) {
    await this.page.goto(`/projects/${slug}/ingest`);
    await expect(this.page.getByRole("heading", { name: "Ingest code" })).toBeVisible();
  }

  /** Picks a whole folder, as the folder picker does (paths below the folder are kept). */
  async pickFolder(folder: string) {
    await this.page.getByTestId("ingest-folder").setInputFiles(folder);
  }

  /** Adds one pasted file. */
  async paste(path: string, content: string) {
    await this.page.getByTestId("paste-path").fill(path);
    await this.page.getByTestId("paste-content").fill(content);
    await this.page.getByTestId("paste-add").click();
  }

  fileCount() {
    return this.page.getByTestId("ingest-file-count");
  }

  /** Sends the files and waits for the summary. */
  async extract() {
    await this.page.getByTestId("ingest-submit").click();
    await expect(this.page.getByTestId("ingest-summary")).toBeVisible({ timeout: 120_000 });
  }

  summary(figure: "files" | "units" | "patterns" | "created" | "updated" | "unchanged" | "occurrences") {
    return this.page.getByTestId(`summary-${figure}`);
  }
}
