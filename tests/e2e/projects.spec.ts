import { expect, test, type Browser, type Page } from "@playwright/test";
import { AuthPage } from "./pages/auth-page";
import { ProjectsPage } from "./pages/projects-page";
import { SettingsPage } from "./pages/settings-page";

const password = "correct horse battery";
const run = Date.now().toString(36);
const owner = `owner-${run}@example.com`;
const colleague = `colleague-${run}@example.com`;
const outsider = `outsider-${run}@example.com`;
const slug = `atlas-${run}`;

/** Each person gets their own browser context: their own cookies, their own session. */
async function personPage(browser: Browser, permissions: string[] = []): Promise<Page> {
  return (await browser.newContext({ permissions })).newPage();
}

async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test("members see the projects they are invited to once they accept, and nobody else does", async ({ browser }) => {
  const ownerPage = await personPage(browser);
  await new AuthPage(ownerPage).signUp(owner, password);
  await expect(ownerPage.getByTestId("current-user")).toHaveText(owner);
  const ownerProjects = new ProjectsPage(ownerPage);
  await expect(ownerProjects.emptyMessage()).toBeVisible();
  await ownerProjects.create("Atlas", slug);
  await snapshot(ownerPage, "1-owner-projects");

  const colleaguePage = await personPage(browser);
  await new AuthPage(colleaguePage).signUp(colleague, password);
  await new ProjectsPage(colleaguePage).signOut();

  await ownerProjects.openSettings(slug);
  const settings = new SettingsPage(ownerPage);
  // An address without an account is invited exactly as one with an account: nothing tells them apart.
  await settings.addMember(`ghost-${run}@example.com`, "member");
  await expect(settings.invited()).toContainText(`Invited ghost-${run}@example.com`);
  await settings.addMember(colleague, "member");
  await expect(settings.invited()).toContainText(`Invited ${colleague}`);
  await expect(settings.invitation(colleague)).toBeVisible();
  await expect(settings.member(colleague)).toHaveCount(0);
  await snapshot(ownerPage, "2-owner-settings");

  await new AuthPage(colleaguePage).signIn(colleague, password);
  const colleagueProjects = new ProjectsPage(colleaguePage);
  await expect(colleagueProjects.project(slug)).toHaveCount(0);
  await colleagueProjects.acceptInvitation(slug);
  await expect(colleagueProjects.project(slug)).toContainText("Atlas");
  await expect(colleagueProjects.project(slug)).toContainText("member");
  await expect(colleaguePage.getByTestId(`project-counts-${slug}`)).toContainText("0 patterns · 2 members");
  await snapshot(colleaguePage, "3-colleague-projects");

  const outsiderPage = await personPage(browser);
  await new AuthPage(outsiderPage).signUp(outsider, password);
  const outsiderProjects = new ProjectsPage(outsiderPage);
  await expect(outsiderProjects.emptyMessage()).toBeVisible();
  await expect(outsiderProjects.project(slug)).toHaveCount(0);
  // Not a member: a real 404 page, without the project's navigation or any form.
  const refused = await outsiderPage.goto(`/projects/${slug}/settings`);
  expect(refused?.status()).toBe(404);
  await expect(outsiderPage.getByTestId("not-found")).toBeVisible();
  await expect(outsiderPage.getByRole("navigation", { name: "Project" })).toHaveCount(0);
  await expect(outsiderPage.locator("form")).toHaveCount(0);
  await snapshot(outsiderPage, "4-outsider");
});

test("an admin creates an API key, sees it once, and revokes it", async ({ browser, request }) => {
  const ownerPage = await personPage(browser, ["clipboard-read", "clipboard-write"]);
  await new AuthPage(ownerPage).signIn(owner, password);
  const settings = new SettingsPage(ownerPage);
  await settings.open(slug);
  const key = await settings.createApiKey("ci", "viewer");
  expect(key).toMatch(/^motif_[A-Za-z0-9_-]{54}$/);
  await ownerPage.getByTestId("copy-api-key").click();
  await expect(ownerPage.getByTestId("copy-api-key")).toHaveText("Copied");
  expect(await ownerPage.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await snapshot(ownerPage, "5-new-api-key");

  const asKey = await request.get("/api/v1/projects", { headers: { authorization: `Bearer ${key}` } });
  expect(asKey.status()).toBe(200);
  expect((await asKey.json()).projects.map((project: { slug: string }) => project.slug)).toEqual([slug]);

  await settings.revokeApiKey("ci");
  const revoked = await request.get("/api/v1/projects", { headers: { authorization: `Bearer ${key}` } });
  expect(revoked.status()).toBe(401);
  await ownerPage.reload();
  await expect(ownerPage.getByTestId("new-api-key")).toHaveCount(0);
  await expect(ownerPage.getByTestId("api-key-item-ci")).toContainText("motif_");
  await snapshot(ownerPage, "6-revoked-api-key");
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  const auth = new AuthPage(page);
  await page.goto("/sign-in");
  await auth.submit(owner, "not the password");
  await expect(auth.error()).toHaveText("email or password is incorrect");
  await expect(page).toHaveURL(/\/sign-in$/);
});
