import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { AuthPage } from "./pages/auth-page";
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
  await new AuthPage(colleaguePage).signUp(colleague, password);
  const added = await ownerPage.request.post(`/api/v1/projects/${slug}/members`, { data: { email: colleague, role: "viewer" } });
  expect(added.status()).toBe(201);
  const colleagueFeed = new FeedPage(colleaguePage);
  await colleagueFeed.open(slug);
  await expect(colleagueFeed.empty()).toBeVisible();

  const outsiderPage = await personPage(browser);
  await new AuthPage(outsiderPage).signUp(outsider, password);
  const outsiderFeed = new FeedPage(outsiderPage);
  await outsiderFeed.open(slug, { expectLive: false });
  await expect(outsiderFeed.error()).toHaveText(`project "${slug}" not found`);

  await colleagueFeed.recordFirstEventTime();
  const ingest = await ownerPage.request.post("/api/v1/extract", { data: { project: slug, repository: "python-service", files: fixtureFiles() } });
  const acknowledgedAt = performance.timeOrigin + performance.now();
  expect(ingest.status()).toBe(200);
  const summary = (await ingest.json()) as { patterns_created: number };
  expect(summary.patterns_created).toBeGreaterThan(0);

  await expect(colleagueFeed.events().first()).toBeVisible({ timeout: 1_000 });
  const shownAt = await colleagueFeed.firstEventTime();
  expect(shownAt).toBeDefined();
  expect(shownAt! - acknowledgedAt).toBeLessThan(1_000);
  await expect(colleagueFeed.events()).toHaveCount(Math.min(summary.patterns_created, 100));
  await expect(colleaguePage.locator('[data-testid="feed-event"][data-event-type="pattern_created"]')).toHaveCount(
    Math.min(summary.patterns_created, 100),
  );
  const patterns = await ownerPage.request.get(`/api/v1/patterns?project=${slug}&limit=100`);
  const names = ((await patterns.json()).patterns as { name: string }[]).map((pattern) => pattern.name);
  const firstSummary = (await colleagueFeed.events().first().getByTestId("feed-event-summary").textContent()) ?? "";
  expect(names.some((name) => firstSummary.startsWith(name))).toBe(true);
  await expect(colleagueFeed.status()).toHaveAttribute("data-status", "live");
  await snapshot(colleaguePage, "live-feed-member");

  await expect(outsiderFeed.events()).toHaveCount(0);
  await expect(outsiderFeed.error()).toHaveText(`project "${slug}" not found`);
  await snapshot(outsiderPage, "live-feed-outsider");
});

test("the feed reconnects after the network drops and shows what was written meanwhile", async ({ browser }) => {
  const ownerPage = await personPage(browser);
  await new AuthPage(ownerPage).signIn(owner, password);
  const feed = new FeedPage(ownerPage);
  await feed.open(slug);
  const before = await feed.events().count();
  await ownerPage.context().setOffline(true);
  const writer = await browser.newContext();
  const writerPage = await writer.newPage();
  await new AuthPage(writerPage).signIn(owner, password);
  const pattern = await writerPage.request.post("/api/v1/patterns", {
    data: { project: slug, name: `Manual pattern ${run}`, code: "def manual():\n    return 1\n", language: "python" },
  });
  expect(pattern.status()).toBe(201);
  await ownerPage.context().setOffline(false);
  await expect(ownerPage.locator('[data-testid="feed-event"][data-event-type="pattern.created"]').first()).toContainText(`Manual pattern ${run}`, { timeout: 15_000 });
  expect(await feed.events().count()).toBe(Math.min(before + 1, 100));
});
