import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { AuthPage } from "./pages/auth-page";
import { FeedPage } from "./pages/feed-page";
import { GraphPage } from "./pages/graph-page";
import { IngestPage } from "./pages/ingest-page";
import { PatternsPage } from "./pages/patterns-page";
import { largeProject } from "./support/large-project";

// The dashboard on a project of more than 5,000 patterns from real code (the Python standard
// library, zod and openai-node), seeded before the server starts (tests/e2e/support/seed-large-project.ts).
test.describe.configure({ mode: "serial", timeout: 180_000 });

const { slug } = largeProject;
let page: Page;

async function snapshot(name: string, target: Page = page) {
  const file = test.info().outputPath(`${name}.png`);
  await target.screenshot({ path: file });
  await test.info().attach(name, { path: file, contentType: "image/png" });
}

test.beforeAll(async ({ browser }) => {
  page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  await new AuthPage(page).signIn(largeProject.email, largeProject.password);
});

test("the project list links the project with its pattern and member counts", async () => {
  await expect(page.getByTestId(`project-counts-${slug}`)).toContainText(/[5-9],\d{3} patterns · 1 member/);
  await page.getByTestId(`project-link-${slug}`).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${slug}$`));
});

test("the graph shows a chosen pattern's neighbourhood, laid out, grouped by file, with labels legible", async () => {
  // The pattern with the most relationships among the project's strongest ones.
  const overview = await page.request.get(`/api/v1/projects/${slug}/graph?limit=200`);
  const { graph } = (await overview.json()) as { graph: { nodes: { id: string; name: string }[]; edges: { source: string; target: string }[] } };
  const degree = new Map<string, number>();
  for (const edge of graph.edges) for (const end of [edge.source, edge.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  // The most connected one that the search box can offer: it lists the 8 best matches of what is
  // typed, so a name many patterns share (a method "Warn" in several classes) may not be among them.
  let hub: { id: string; name: string } | undefined;
  for (const node of graph.nodes.toSorted((left, right) => (degree.get(right.id) ?? 0) - (degree.get(left.id) ?? 0))) {
    const found = await page.request.get(`/api/v1/patterns?${new URLSearchParams({ project: slug, q: node.name, limit: "8", sort: "quality_score" })}`);
    const { patterns } = (await found.json()) as { patterns: { id: string; name: string }[] };
    if (patterns.filter((pattern) => pattern.name === node.name).length === 1 && patterns.some((pattern) => pattern.id === node.id)) {
      hub = node;
      break;
    }
  }
  if (!hub) throw new Error("no pattern of the overview can be found by its name");

  const graphPage = new GraphPage(page);
  await graphPage.open(slug);
  await graphPage.focusOn(hub.name);
  await expect(page).toHaveURL(new RegExp(`focus=${hub.id}`));
  await expect(page.locator('[data-testid="graph-node"][data-focused="true"]')).toHaveCount(1);
  await expect(page.getByTestId("graph-cluster").first()).toBeVisible();
  const metrics = await graphPage.labelMetrics();
  expect(metrics.names.length).toBeGreaterThan(3);
  expect(metrics.names).toContain(hub.name);
  // Every label at least 11 px on screen, and no two pattern boxes on top of each other.
  for (const [index, size] of metrics.screenFontSizes.entries()) expect(size, metrics.names[index]).toBeGreaterThanOrEqual(11);
  for (const [index, box] of metrics.boxes.entries()) {
    for (const other of metrics.boxes.slice(index + 1)) {
      const overlap = box.x < other.x + other.width && other.x < box.x + box.width && box.y < other.y + other.height && other.y < box.y + box.height;
      expect(overlap).toBe(false);
    }
  }
  await snapshot("graph-neighbourhood");

  // Two hops and grouping by kind stay in the URL; a click on a neighbour moves the focus.
  await page.getByTestId("graph-depth").selectOption("2");
  await expect(page).toHaveURL(/depth=2/);
  await page.reload();
  await expect(page.getByTestId("graph-focus-name")).toHaveText(hub.name);
  // A neighbour in view (two hops reach further than the screen).
  // The two-hop layout is computed and fitted after the reload: wait until it has settled.
  const canvas = (await graphPage.canvas().boundingBox())!;
  const neighbourInView = () => page.locator('[data-testid="graph-node"][data-focused="false"]').evaluateAll((nodes, frame) => nodes.findIndex((node) => {
    const box = node.getBoundingClientRect();
    return box.left >= frame.x && box.right <= frame.x + frame.width && box.top >= frame.y && box.bottom <= frame.y + frame.height;
  }), canvas);
  await expect.poll(neighbourInView, { timeout: 15_000 }).toBeGreaterThanOrEqual(0);
  const inView = await neighbourInView();
  const neighbour = page.locator('[data-testid="graph-node"][data-focused="false"]').nth(inView);
  const neighbourName = (await neighbour.getByTestId("graph-node-label").textContent())!;
  await neighbour.click();
  await expect(page.getByTestId("graph-focus-name")).toHaveText(neighbourName);
  await page.goBack();
  await expect(page.getByTestId("graph-focus-name")).toHaveText(hub.name);
});

test("the feed shows each ingest once with its actor and counts, and loads older entries on scroll", async () => {
  const feed = new FeedPage(page);
  await feed.open(slug);
  const ingests = page.locator('[data-testid="feed-event"][data-event-type="ingest.completed"]');
  // Three ingests of thousands of patterns are three entries, not thousands of rows.
  const entries = feed.events();
  await expect(entries).toHaveCount(30);
  await expect(ingests).toHaveCount(0);
  const statusChange = page.locator('[data-testid="feed-event"][data-event-type="pattern.status_changed"]');
  await expect(statusChange.getByTestId("feed-event-actor")).toHaveText(largeProject.email);
  await expect(statusChange.getByTestId("feed-event-summary")).toHaveText("active → deprecated");
  await expect(statusChange.getByTestId("feed-event-pattern")).not.toBeEmpty();
  const used = page.locator('[data-testid="feed-event"][data-event-type="pattern.used"]').first();
  await expect(used.getByTestId("feed-event-pattern")).not.toBeEmpty();

  // Scrolling to the end loads the next pages (no button pressed).
  await page.getByTestId("feed-more").scrollIntoViewIfNeeded();
  await expect(entries).toHaveCount(60);
  await page.getByTestId("feed-more").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("feed-end")).toBeVisible();
  await expect(ingests).toHaveCount(3);
  const stdlib = ingests.filter({ hasText: "cpython-stdlib" });
  await expect(stdlib.getByTestId("feed-event-actor")).toHaveText(largeProject.email);
  // Every one of the first ingest's patterns is new (how many, the extractor decides).
  await expect(stdlib.getByTestId("feed-event-summary")).toHaveText(/^659 files, [\d,]+ patterns touched: \d+ new, 0 changed$/);
  const [, touched, created] = /, ([\d,]+) patterns touched: (\d+) new/.exec((await stdlib.getByTestId("feed-event-summary").textContent())!)!;
  expect(Number(touched.replaceAll(",", ""))).toBe(Number(created));
  expect(Number(created)).toBeGreaterThan(4_000);
  await stdlib.getByTestId("feed-event-expand").click();
  await expect(stdlib.getByTestId("feed-ingest-pattern")).toHaveCount(100);
  await snapshot("feed-ingest-expanded");
});

test("a filtered, paged Patterns URL reloads to the same rows, with the total and the repository", async () => {
  const patterns = new PatternsPage(page);
  await patterns.open(slug);
  await expect(page.getByTestId("patterns-total")).toHaveText(/^[5-9],\d{3}$/);
  await page.getByTestId("filter-repositories").selectOption("zod");
  await expect(page).toHaveURL(/repositories=zod/);
  await patterns.settled();
  await page.getByTestId("patterns-next").click();
  await expect(page).toHaveURL(/page=2/);
  await patterns.settled();
  await page.getByTestId("patterns-next").click();
  await expect(page).toHaveURL(/page=3/);
  await patterns.settled();
  const url = page.url();
  const names = await patterns.names();
  expect(names).toHaveLength(25);
  // A page's repository cells show "…" until their counts arrive after the rows.
  await expect(patterns.rows().getByTestId("pattern-repositories").filter({ hasText: "…" })).toHaveCount(0);
  for (const repository of await patterns.rows().getByTestId("pattern-repositories").allTextContents()) expect(repository).toContain("zod");
  await expect(page.getByTestId("patterns-page")).toHaveText(/^Page 3 of \d+ · \d+ patterns$/);
  await page.reload();
  await patterns.settled();
  expect(page.url()).toBe(url);
  expect(await patterns.names()).toEqual(names);
  await page.goBack();
  await expect(page).toHaveURL(/page=2/);
  await snapshot("patterns-filtered-paged");
});

// The progress comes over the project's job stream from the process doing the work: in embedded
// mode the ingest's write transaction holds PGlite's one connection, so `GET /jobs` waits for it.
test("an ingest's progress moves on the Ingest page while it runs", async () => {
  // Real modules (about a hundred), copied so that the folder picker sends exactly these.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "motif-e2e-upload-"));
  const sources = ["email", "asyncio", "json", "http", "xml/dom", "importlib", "concurrent/futures", "logging", "unittest"]
    .flatMap((dir) => fs.readdirSync(path.join("/usr/lib/python3.11", dir)).filter((name) => name.endsWith(".py")).map((name) => path.join(dir, name)))
    .slice(0, 150);
  for (const file of sources) {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.copyFileSync(path.join("/usr/lib/python3.11", file), path.join(folder, file));
  }
  const ingest = new IngestPage(page);
  await ingest.open(slug);
  await ingest.pickFolder(folder);
  await expect(ingest.fileCount()).toHaveText(`${sources.length} files to extract`);
  await page.getByTestId("ingest-repository").fill("upload-check");
  await page.getByTestId("ingest-submit").click();

  const job = page.locator('[data-testid="job-row"][data-job-status="running"]');
  await expect(job).toHaveCount(1, { timeout: 30_000 });
  await expect(job.getByTestId("job-repository")).toHaveText("upload-check");
  await expect(job.getByTestId("job-actor")).toHaveText(largeProject.email);
  const seen: { fraction: number; text: string }[] = [];
  let pictured = false;
  while ((await job.count()) > 0) {
    // The row may finish between two reads: a short wait each, not the test's whole budget.
    const fraction = Number(await job.getByTestId("job-progress").getAttribute("value", { timeout: 500 }).catch(() => null));
    const text = (await job.getByTestId("job-counts").textContent({ timeout: 500 }).catch(() => null)) ?? "";
    if (text && (seen.length === 0 || seen.at(-1)!.text !== text)) seen.push({ fraction, text });
    if (!pictured && /^(embedding|writing) /.test(text)) {
      pictured = true;
      await snapshot("ingest-progress");
    }
    await page.waitForTimeout(200);
  }
  test.info().annotations.push({ type: "progress seen", description: seen.map((step) => `${step.fraction.toFixed(2)} ${step.text}`).join(" | ") });
  // It moved: several distinct readings, the fraction never going back.
  expect(seen.length, JSON.stringify(seen)).toBeGreaterThanOrEqual(3);
  expect(seen.some((step) => new RegExp(`extracting \\d+ of ${sources.length} files`).test(step.text)), JSON.stringify(seen)).toBe(true);
  // Also while the write holds the database (embedded: PGlite's one connection), not only before it.
  expect(seen.some((step) => /^(embedding|writing) /.test(step.text)), JSON.stringify(seen)).toBe(true);
  for (let index = 1; index < seen.length; index++) expect(seen[index].fraction).toBeGreaterThanOrEqual(seen[index - 1].fraction);
  await expect(ingest.summary("files")).toHaveText(String(sources.length), { timeout: 120_000 });
  await expect(page.locator('[data-testid="job-row"]').first()).toHaveAttribute("data-job-status", "succeeded");
  fs.rmSync(folder, { recursive: true, force: true });
});
