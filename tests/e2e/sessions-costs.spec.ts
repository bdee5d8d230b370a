import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { AuthPage } from "./pages/auth-page";
import { ProjectNav } from "./pages/project-nav";
import { ProjectsPage } from "./pages/projects-page";

const run = Date.now().toString(36);
const slug = `agents-${run}`;
const transcript = fs.readFileSync(path.resolve("tests/fixtures/sessions/claude-code-warehouse-client.jsonl"), "utf8");

test.describe.configure({ mode: "serial", timeout: 120_000 });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await new AuthPage(page).signUp(`agents-${run}@example.com`, "correct horse battery");
  await new ProjectsPage(page).create("Agents", slug);
});
test.afterAll(async () => page.close());

test("the Sessions page lists an analysed transcript and shows its report", async () => {
  const nav = new ProjectNav(page);
  await nav.open(slug, "/sessions");
  await expect(page.getByTestId("sessions-empty")).toBeVisible();
  // The browser's session cookie goes along: the analysis runs as this admin.
  const answer = await page.request.post(`/api/v1/projects/${slug}/sessions`, { data: { transcript } });
  expect(answer.status()).toBe(201);
  await page.reload();
  const item = page.getByTestId("session-item");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Add a client for the warehouse reservation API");
  await expect(item).toContainText("pending");
  await item.getByRole("link").click();
  await expect(page.getByTestId("session-report")).toContainText("**Outcome:** pending (not judged: no LLM provider is configured");
  await expect(page.getByTestId("session-report")).toContainText("| tool calls | 6 (1 failed) |");
});

test("the Costs page says no call was made yet, and an admin sets the budget", async () => {
  const nav = new ProjectNav(page);
  await nav.open(slug, "/sessions");
  await nav.go("Costs");
  await expect(page.getByTestId("costs-empty")).toBeVisible();
  await expect(page.getByTestId("costs-total")).toHaveText("$0.0000 over 0 LLM calls in the last 30 days.");
  await page.getByTestId("budget-daily").fill("0.5");
  await page.getByTestId("budget-monthly").fill("10");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("costs-budget")).toHaveText("Today (UTC): $0.0000 of $0.5000 · this month: $0.0000 of $10.0000");
  await page.reload();
  await expect(page.getByTestId("budget-daily")).toHaveValue("0.5");
});
