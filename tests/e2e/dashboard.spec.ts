import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { AuthPage } from "./pages/auth-page";
import { IngestPage } from "./pages/ingest-page";
import { PatternDetailPage } from "./pages/pattern-detail-page";
import { PatternsPage } from "./pages/patterns-page";
import { ProjectNav, projectSections } from "./pages/project-nav";
import { ProjectsPage } from "./pages/projects-page";

const run = Date.now().toString(36);
const email = `dash-${run}@example.com`;
const password = "correct horse battery";
const slug = `shop-${run}`;
const fixtureRepository = path.resolve("tests/fixtures/repos/python-service");
const retryName = "Exponential Backoff Retry Loop for Fetch Stock";

// One signed-in page for the whole story: each step builds on what the previous one made.
test.describe.configure({ mode: "serial", timeout: 180_000 });

let page: Page;
const consoleErrors: string[] = [];

function listenForErrors(target: Page) {
  target.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(`${target.url()}: ${message.text()}`);
  });
  target.on("pageerror", (error) => consoleErrors.push(`${target.url()}: uncaught ${error.message}`));
}

/** A full-page screenshot kept as a test artifact (and attached to the report). */
async function snapshot(name: string) {
  const file = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await test.info().attach(name, { path: file, contentType: "image/png" });
}

/** The elements that stick out past the viewport's right edge, to say what overflows. */
function widestElements(): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((element) => {
        // Inside a scrolling box (the table, the project navigation) sticking out is by design.
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          if (getComputedStyle(parent).overflowX !== "visible") return false;
        }
        return true;
      })
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${String(element.className).slice(0, 60)}`)
      .join(" | "),
  );
}

/** Parses RFC 4180 CSV (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\n") {
      row.push(cell.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      cell = "";
    }
    else cell += char;
  }
  return rows;
}

test.beforeAll(async ({ browser }) => {
  page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  listenForErrors(page);
  await new AuthPage(page).signUp(email, password);
  await new ProjectsPage(page).create("Shop", slug);
});

test.afterEach(() => {
  // Every step ends with no console error and no uncaught exception on any page it visited.
  expect(consoleErrors).toEqual([]);
});

test("an empty project says how to ingest the first repository", async () => {
  await new ProjectNav(page).open(slug);
  await expect(page.getByTestId("empty-ingest")).toContainText(`motif ingest . --project ${slug}`);
  await page.getByTestId("empty-ingest-link").click();
  await expect(page).toHaveURL(new RegExp(`/projects/${slug}/ingest$`));
  await expect(page.getByTestId("jobs-empty")).toBeVisible();
});

test("ingesting the fixture repository through the UI fills the patterns table with real patterns", async () => {
  const ingest = new IngestPage(page);
  await ingest.open(slug);
  await ingest.pickFolder(fixtureRepository);
  await expect(ingest.fileCount()).toHaveText("14 files to extract");
  await ingest.extract();
  await expect(ingest.summary("files")).toHaveText("14");
  const created = Number(await ingest.summary("created").textContent());
  expect(created).toBeGreaterThan(5);
  await expect(ingest.summary("patterns")).toHaveText(String(created));
  // The ingest is a job row of the project: shown with its outcome under the form.
  const job = page.getByTestId("job-row").first();
  await expect(job).toHaveAttribute("data-job-type", "ingest");
  await expect(job).toHaveAttribute("data-job-status", "succeeded");
  await expect(job.getByTestId("job-counts")).toHaveText(`${created} patterns: ${created} new, 0 changed`);
  await snapshot("ingest-summary");

  await page.getByTestId("summary-patterns-link").click();
  const patterns = new PatternsPage(page);
  await expect(patterns.rows()).toHaveCount(created);
  const retry = patterns.row(retryName);
  await expect(retry.getByTestId("pattern-type")).toHaveText("design");
  await expect(retry.getByTestId("pattern-kind")).toHaveText("retry backoff");
  await expect(retry.getByTestId("pattern-quality")).toHaveText(/^0\.\d\d/);
  await expect(retry.getByTestId("pattern-occurrences")).toHaveText(/^[1-9]\d*$/);
  await expect(retry.getByTestId("pattern-success-rate")).toHaveText("—");
});

test("filters narrow the table and live in the URL", async () => {
  const patterns = new PatternsPage(page);
  await patterns.open(slug);
  await patterns.filter("kinds", "retry_backoff");
  await expect(page).toHaveURL(/kinds=retry_backoff/);
  await patterns.settled();
  await expect(patterns.rows()).not.toHaveCount(0);
  for (const kind of await patterns.rows().getByTestId("pattern-kind").allTextContents()) expect(kind).toBe("retry backoff");
  await page.reload();
  await expect(page.getByTestId("filter-kinds")).toHaveValue("retry_backoff");
});

test("the default order leads with design patterns and recurring shapes; the Recurring filter splits them", async () => {
  const patterns = new PatternsPage(page);
  await patterns.open(slug);
  await patterns.settled();
  const leads = await patterns.rows().evaluateAll((rows) => rows.map((row) => row.getAttribute("data-leads")));
  const firstOneOff = leads.indexOf("false");
  expect(firstOneOff).toBeGreaterThan(0);
  expect(leads.slice(firstOneOff).every((value) => value === "false")).toBe(true);
  await expect(patterns.row(retryName).getByTestId("pattern-recurs")).toBeVisible();
  await patterns.filter("recurring", "false");
  await expect(page).toHaveURL(/recurring=false/);
  expect(await patterns.names()).not.toContain(retryName);
  await patterns.filter("recurring", "true");
  expect(await patterns.names()).toContain(retryName);
});

test("exporting CSV gives the filtered rows, properly quoted", async () => {
  const patterns = new PatternsPage(page);
  await patterns.open(slug, "?kinds=retry_backoff");
  const tableNames = await patterns.names();
  expect(tableNames).toContain(retryName);
  const download = await patterns.exportCsv();
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${slug}-patterns-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const rows = parseCsv(fs.readFileSync(await download.path(), "utf8"));
  const [header, ...body] = rows;
  expect(header.slice(0, 8)).toEqual(["id", "name", "pattern_type", "kind", "language", "status", "version", "quality_score"]);
  expect(body.map((row) => row[header.indexOf("name")]).sort()).toEqual([...tableNames].sort());
  for (const row of body) expect(row[header.indexOf("kind")]).toBe("retry_backoff");
  const retry = body.find((row) => row[header.indexOf("name")] === retryName)!;
  expect(Number(retry[header.indexOf("occurrences")])).toBeGreaterThan(0);
  expect(Number(retry[header.indexOf("quality_score")])).toBeGreaterThan(0);
});

test("searching by intent finds the retry pattern first", async () => {
  const patterns = new PatternsPage(page);
  await patterns.open(slug);
  await patterns.search("retry a flaky http call with exponential backoff");
  await expect(patterns.searchResults().first()).toContainText(retryName);
  await expect(patterns.searchResults().first()).toContainText("shop/clients/inventory.py");
  // Strong or weak on each result, and the parts of its rank behind "Why here" (lib/search matchStrength).
  await expect(patterns.searchResults().first().getByTestId("search-result-strength")).toHaveText("strong");
  await expect(patterns.searchResults().nth(1).getByTestId("search-result-strength")).toHaveText("weak");
  const why = patterns.searchResults().first().getByTestId("search-result-why");
  await why.locator("summary").click();
  await expect(why).toContainText(/Why here: #1 by the intent's words, #1 by meaning, \d of the intent's 6 words found in it/);
  await expect(why).toContainText(/intent's words\s*\d of 6 in it \(text #1\)/);
  await expect(why).toContainText(/re-rank\s*-?\d+\.\d\d from SQL #\d \(/);
  await expect(page.getByTestId("search-no-strong")).toHaveCount(0);
  await snapshot("patterns-search");
});

test("searching for code the project does not hold says there is no strong match", async () => {
  const patterns = new PatternsPage(page);
  await patterns.open(slug);
  await patterns.search("render a 3D mesh with WebGL shaders");
  await expect(page.getByTestId("search-no-strong")).toBeVisible();
  await expect(patterns.searchResults().first()).toBeVisible();
  for (const strength of await page.getByTestId("search-result-strength").allTextContents()) expect(strength).toBe("weak");
});

test("the detail page shows code, quality and occurrences, and a reported outcome moves the success rate", async () => {
  const patterns = new PatternsPage(page);
  await patterns.open(slug);
  await patterns.openPattern(retryName);
  const detail = new PatternDetailPage(page);
  await expect(detail.code()).toHaveAttribute("data-highlighted", "true");
  await expect(detail.code()).toContainText("def fetch_stock");
  await expect(page.getByTestId("quality-score")).toHaveText(/^\d+%$/);
  await expect(page.getByTestId("occurrence").first()).toContainText("shop/clients/inventory.py");
  await expect(page.getByTestId("lineage-version")).toHaveCount(1);
  await expect(detail.successRate()).toHaveText("—");

  await detail.reportOutcome("successful", 5);
  await expect(detail.successRate()).toHaveText("100%");
  await expect(page.getByTestId("pattern-rating")).toHaveText("5.0 / 5");
  await detail.reportOutcome("failed", 2);
  await expect(detail.successRate()).toHaveText("50%");
  await expect(page.getByTestId("usage-chart")).toBeVisible();

  await page.getByRole("link", { name: "← Patterns" }).click();
  await expect(new PatternsPage(page).row(retryName).getByTestId("pattern-success-rate")).toHaveText("50%");
});

test("the graph draws the relationships; a click on a node focuses on it, and its pattern opens from there", async () => {
  await new ProjectNav(page).open(slug, "/graph");
  await expect(page.getByTestId("graph-canvas")).toBeVisible();
  const nodes = page.getByTestId("graph-node");
  await expect(nodes.first()).toBeVisible();
  // The retry pattern sits in the middle of the fixture's graph (a corner one may lie under the minimap).
  const name = retryName;
  await page.getByTestId("graph-type-USES").uncheck();
  await expect(page.getByTestId("graph-summary")).toBeVisible();
  await page.getByTestId("graph-type-USES").check();
  await nodes.filter({ has: page.getByTestId("graph-node-label").getByText(name, { exact: true }) }).first().click();
  await expect(page.getByTestId("graph-focus-name")).toHaveText(name);
  await page.getByTestId("graph-open-focus").click();
  await expect(page.getByTestId("pattern-name")).toHaveText(name);
});

test("insights chart quality tiers, kinds and top patterns", async () => {
  await new ProjectNav(page).open(slug, "/insights");
  await expect(page.getByTestId("chart-quality-tiers")).toBeVisible();
  await expect(page.getByTestId("chart-by-kind")).toBeVisible();
  await expect(page.getByTestId("top-patterns").locator("li").first()).toContainText(retryName);
  await expect(page.getByTestId("chart-complexity-quality").locator(".recharts-scatter-symbol").first()).toBeVisible();
});

test("the theme toggle switches to dark mode and remembers it", async () => {
  const nav = new ProjectNav(page);
  await nav.open(slug);
  const dark = await page.evaluate(() => document.documentElement.classList.contains("dark"));
  await nav.themeToggle().click();
  await expect(page.locator("html")).toHaveClass(dark ? /^(?!.*\bdark\b)/ : /\bdark\b/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(dark ? /^(?!.*\bdark\b)/ : /\bdark\b/);
  await page.evaluate(() => localStorage.removeItem("motif-theme"));
});

test("every page renders at 1280 and 390 px, light and dark, with no console error", async () => {
  const nav = new ProjectNav(page);
  const patternUrl = await (async () => {
    await new PatternsPage(page).open(slug);
    return page.getByTestId("pattern-link").first().getAttribute("href");
  })();
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      for (const section of projectSections) {
        await nav.open(slug, section);
        // Not "networkidle": the live feed holds an event stream open for as long as the page lives.
        await expect(page.locator(".animate-pulse")).toHaveCount(0);
        // Nothing may spill sideways at phone width (tables and graphs scroll inside their own box).
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${section || "/"} at ${width}px overflows by ${overflow}px: ${await widestElements()}`).toBeLessThanOrEqual(0);
        await snapshot(`page${section.replace("/", "-") || "-overview"}-${width}-${scheme}`);
      }
      await page.goto(patternUrl!);
      await expect(page.getByTestId("pattern-code")).toHaveAttribute("data-highlighted", "true");
      await snapshot(`page-pattern-detail-${width}-${scheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: null });
});
