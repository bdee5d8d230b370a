import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { AuthPage } from "./pages/auth-page";
import { inviteAndAccept } from "./pages/invitations";
import { FeedPage } from "./pages/feed-page";

const password = "correct horse battery";
const run = Date.now().toString(36);
const owner = `feed-owner-${run}@example.com`;
const colleague = `feed-colleague-${run}@example.com`;
const outsider = `feed-outsider-${run}@example.com`;
const slug = `feed-${run}`;
const fixtureRoot = path.resolve("tests/fixtures/repos/python-service");

/** The Python fixture service as upload files (paths relative to its root). */
function fixtureFiles(): { path: string; content: string }[] {
  const files = fs.readdirSync(fixtureRoot, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".py"));
  return files.sort().map((file) => ({ path: file.split(path.sep).join("/"), content: fs.readFileSync(path.join(fixtureRoot, file), "utf8") }));
}

async function personPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test("an ingest in one browser shows up in a member's live feed within a second, and never in an outsider's", async ({ browser }) => {
  const ownerPage = await personPage(browser);
  await new AuthPage(ownerPage).signUp(owner, password);
  const created = await ownerPage.request.post("/api/v1/projects", { data: { name: "Feed", slug } });
  expect(created.status()).toBe(201);

  const colleaguePage = await personPage(browser);
  const consoleErrors: string[] = [];
  colleaguePage.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
  await new AuthPage(colleaguePage).signUp(colleague, password);
  await inviteAndAccept({ adminPage: ownerPage, memberPage: colleaguePage, slug, email: colleague, role: "viewer" });
  const colleagueFeed = new FeedPage(colleaguePage);
  await colleagueFeed.open(slug);
  await expect(colleagueFeed.empty()).toBeVisible();

  // An outsider gets a real 404 page: no project navigation, no feed, no form.
  const outsiderPage = await personPage(browser);
  await new AuthPage(outsiderPage).signUp(outsider, password);
  const outsiderFeed = new FeedPage(outsiderPage);
  const refused = await outsiderPage.goto(`/projects/${slug}/feed`);
  expect(refused?.status()).toBe(404);
  await expect(outsiderPage.getByTestId("not-found")).toBeVisible();
  await expect(outsiderPage.getByRole("navigation", { name: "Project" })).toHaveCount(0);
  await expect(outsiderPage.locator("form")).toHaveCount(0);

  await colleagueFeed.recordFirstEventTime();
  const ingest = await ownerPage.request.post("/api/v1/extract", { data: { project: slug, repository: "python-service", files: fixtureFiles() } });
  const acknowledgedAt = performance.timeOrigin + performance.now();
  expect(ingest.status(), await ingest.text()).toBe(200);
  const summary = (await ingest.json()) as { patterns_created: number };
  expect(summary.patterns_created).toBeGreaterThan(0);

  await expect(colleagueFeed.events().first()).toBeVisible({ timeout: 1_000 });
  const shownAt = await colleagueFeed.firstEventTime();
  expect(shownAt).toBeDefined();
  const delay = shownAt! - acknowledgedAt;
  const note = `first event shown ${delay.toFixed(1)} ms after the ingest was acknowledged`;
  test.info().annotations.push({ type: "feed latency", description: note });
  console.log(`live feed: ${note}`);
  expect(delay).toBeLessThan(1_000);
  // One entry for the whole ingest, naming who ran it and what it did; it opens onto its patterns.
  await expect(colleagueFeed.events()).toHaveCount(1);
  const entry = colleagueFeed.events().first();
  await expect(entry).toHaveAttribute("data-event-type", "ingest.completed");
  await expect(entry.getByTestId("feed-event-actor")).toHaveText(owner);
  await expect(entry.getByTestId("feed-event-action")).toHaveText("ingested python-service");
  await expect(entry.getByTestId("feed-event-summary")).toContainText(`${summary.patterns_created} new`);
  await entry.getByTestId("feed-event-expand").click();
  await expect(entry.getByTestId("feed-ingest-pattern")).toHaveCount(Math.min(summary.patterns_created, 100));
  const patterns = await ownerPage.request.get(`/api/v1/patterns?project=${slug}&limit=100`);
  const names = ((await patterns.json()).patterns as { name: string }[]).map((pattern) => pattern.name).sort();
  expect((await entry.getByTestId("feed-ingest-pattern").locator("a").allTextContents()).sort()).toEqual(names);
  await expect(colleagueFeed.status()).toHaveAttribute("data-status", "live");
  await snapshot(colleaguePage, "live-feed-member");
  expect(consoleErrors).toEqual([]);

  await outsiderPage.reload();
  await expect(outsiderFeed.events()).toHaveCount(0);
  await expect(outsiderPage.getByTestId("not-found")).toBeVisible();
  await snapshot(outsiderPage, "live-feed-outsider");
});

test("the feed reconnects after the network drops and shows what was written meanwhile", async ({ browser }) => {
  // Self-contained: a retried test runs in a fresh worker, with a new `run`.
  const reader = `feed-reader-${run}@example.com`;
  const readerSlug = `feed-resume-${run}`;
  const readerPage = await personPage(browser);
  await new AuthPage(readerPage).signUp(reader, password);
  expect((await readerPage.request.post("/api/v1/projects", { data: { name: "Resume", slug: readerSlug } })).status()).toBe(201);
  const feed = new FeedPage(readerPage);
  await feed.trackEventSources();
  await feed.open(readerSlug);
  await expect(feed.empty()).toBeVisible();

  // Chromium's offline mode spares open connections, so the stream is cut by hand as well.
  await readerPage.context().setOffline(true);
  await feed.dropConnections();
  await expect(feed.status()).toHaveAttribute("data-status", "reconnecting", { timeout: 10_000 });
  const writerPage = await personPage(browser);
  await new AuthPage(writerPage).signIn(reader, password);
  const pattern = await writerPage.request.post("/api/v1/patterns", {
    data: { project: readerSlug, name: `Manual pattern ${run}`, code: "def manual():\n    return 1\n", language: "python" },
  });
  expect(pattern.status()).toBe(201);
  await readerPage.context().setOffline(false);

  const created = readerPage.locator('[data-testid="feed-event"][data-event-type="pattern.created"]');
  await expect(created).toHaveCount(1, { timeout: 20_000 });
  await expect(created).toContainText(`Manual pattern ${run}`);
  await expect(created.getByTestId("feed-event-actor")).toHaveText(reader);
  await expect(feed.status()).toHaveAttribute("data-status", "live");
  await expect(feed.events()).toHaveCount(1);
  await snapshot(readerPage, "live-feed-after-reconnect");
});

test("the patterns table refreshes live when another browser adds a pattern, without a reload", async ({ browser }) => {
  const viewerEmail = `table-viewer-${run}@example.com`;
  const tableSlug = `feed-table-${run}`;
  const ownerPage = await personPage(browser);
  await new AuthPage(ownerPage).signUp(`table-owner-${run}@example.com`, password);
  expect((await ownerPage.request.post("/api/v1/projects", { data: { name: "Table", slug: tableSlug } })).status()).toBe(201);
  const viewerPage = await personPage(browser);
  await new AuthPage(viewerPage).signUp(viewerEmail, password);
  await inviteAndAccept({ adminPage: ownerPage, memberPage: viewerPage, slug: tableSlug, email: viewerEmail, role: "viewer" });

  await viewerPage.goto(`/projects/${tableSlug}/patterns`);
  await expect(viewerPage.getByTestId("empty-ingest")).toBeVisible();
  await expect(viewerPage.getByTestId("live-refresh")).toHaveAttribute("data-status", "live");
  await viewerPage.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));

  const created = await ownerPage.request.post("/api/v1/patterns", {
    data: { project: tableSlug, name: `Live Table Pattern ${run}`, code: "def live_table():\n    return 2\n", language: "python" },
  });
  expect(created.status()).toBe(201);
  await expect(viewerPage.getByTestId("pattern-row")).toHaveCount(1, { timeout: 3_000 });
  await expect(viewerPage.getByTestId("pattern-link")).toHaveText(`Live Table Pattern ${run}`);
  expect(await viewerPage.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
  await snapshot(viewerPage, "patterns-refreshed-live");
});
