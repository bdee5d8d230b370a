import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { AuthPage } from "./pages/auth-page";

// The attack from the security probe: a page on another port of the same host (the same
// *site*, so the SameSite=Lax session cookie goes along) makes the signed-in victim's browser
// post JSON as text/plain, which needs no CORS preflight, to invite the attacker as admin.

const password = "correct horse battery";
const run = Date.now().toString(36);
const victim = `victim-${run}@example.com`;
const slug = `csrf-${run}`;

function attackerPage(target: string): string {
  const body = JSON.stringify({ email: `mallory-${run}@example.com`, role: "admin" });
  return `<!doctype html><title>cute cats</title>
<form id="form" method="POST" action="${target}" enctype="text/plain" target="sink">
  <input name='${body.slice(0, -2)}' value='"}'>
</form>
<iframe name="sink"></iframe>
<script>
  window.attack = async () => {
    await fetch(${JSON.stringify(target)}, { method: "POST", mode: "no-cors", credentials: "include",
      headers: { "content-type": "text/plain" }, body: ${JSON.stringify(body)} });
  };
  window.attackWithForm = () => document.getElementById("form").submit();
  window.probe = (url) => fetch(url, { mode: "no-cors", credentials: "include" });
</script>`;
}

async function serveAttacker(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end(attackerPage(target));
  });
  const port = Number(process.env.MOTIF_E2E_PORT ?? 3107) + 1;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test("a page on another origin cannot write with the user's cookie; the app's own pages can", async ({ page, baseURL }) => {
  await new AuthPage(page).signUp(victim, password);
  expect((await page.request.post("/api/v1/projects", { data: { name: "CSRF target", slug } })).status()).toBe(201);
  const target = `${baseURL}/api/v1/projects/${slug}/invitations`;
  const attacker = await serveAttacker(target);
  try {
    const evil = await page.context().newPage();
    await evil.goto(attacker.url);
    // The victim's cookie does go along from this page (the same site): a read of who is
    // signed in answers 200, not 401 (the page itself cannot read the answer).
    const sessionUrl = `${baseURL}/api/v1/auth/session`;
    const [probed] = await Promise.all([
      evil.waitForResponse((response) => response.url() === sessionUrl),
      evil.evaluate((url) => (window as unknown as { probe: (url: string) => Promise<void> }).probe(url), sessionUrl),
    ]);
    expect(probed.status()).toBe(200);
    const [fetched] = await Promise.all([
      evil.waitForResponse((response) => response.url() === target),
      evil.evaluate(() => (window as unknown as { attack: () => Promise<void> }).attack()),
    ]);
    // The same cookie on a write: the server refuses it by its Origin. (Playwright does not
    // show the headers Chromium adds to a no-cors request, Origin and Cookie among them.)
    expect(fetched.status()).toBe(403);
    const [posted] = await Promise.all([
      evil.waitForResponse((response) => response.url() === target),
      evil.evaluate(() => (window as unknown as { attackWithForm: () => void }).attackWithForm()),
    ]);
    expect(posted.status()).toBe(403);
    await evil.close();
  } finally {
    await attacker.close();
  }
  const pending = await page.request.get(`/api/v1/projects/${slug}/invitations`);
  expect((await pending.json()).invitations).toEqual([]);

  // The same write from the app's own page (same origin, JSON) goes through.
  await page.goto(`/projects/${slug}/settings`);
  const status = await page.evaluate(async (url) => {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "friend@example.com", role: "viewer" }) });
    return response.status;
  }, target);
  expect(status).toBe(202);
  const after = await page.request.get(`/api/v1/projects/${slug}/invitations`);
  expect((await after.json()).invitations.map((invitation: { email: string }) => invitation.email)).toEqual(["friend@example.com"]);
});
