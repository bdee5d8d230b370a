import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:42110";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
const page = await context.newPage();
page.on("console", (m) => m.type() === "error" && console.log("console:", m.text(), m.location().url)); page.on("pageerror", (e) => console.log("pageerror:", e.message)); page.on("response", (r) => r.status() >= 400 && console.log("http", r.status(), r.url()));
await page.goto(`${base}/sign-in`);
await page.getByTestId("auth-email").fill("scale-owner@example.com");
await page.getByTestId("auth-password").fill("correct horse battery staple");
await page.getByTestId("auth-submit").click();
await page.waitForURL(/\/projects$/);
const [, ...targets] = process.argv.slice(1);
for (const target of targets) {
  const [url, name, wait] = target.split("|");
  const t0 = Date.now();
  await page.goto(base + url);
  if (wait) await page.getByTestId(wait).first().waitFor({ timeout: 20000 }).catch((e) => console.log("wait failed", e.message.split("\n")[0]));
  await page.waitForTimeout(1500);
  console.log(name, Date.now() - t0, "ms");
  await page.screenshot({ path: `/tmp/i21/shots/${name}.png`, fullPage: name.endsWith("full") });
}
await browser.close();
