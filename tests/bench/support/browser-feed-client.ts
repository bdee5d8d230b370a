import fs from "node:fs";
import { chromium } from "@playwright/test";
import type { TestAccount } from "@/tests/api/accounts";
import { latencyStats, type LatencyStats } from "./latency-stats";

const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * The same measurement in Chromium: a page's EventSource on the stream (with the member's
 * session cookie) stamps each event with the page's wall clock (timeOrigin + now) and hands
 * it to the bench through `page.exposeFunction`; the stamp, not the hand-over, is measured.
 * Undefined when no Chromium is installed.
 */
export async function measureBrowser(options: {
  url: string;
  slug: string;
  account: TestAccount;
  write: () => Promise<number[]>;
  count: number;
}): Promise<LatencyStats | undefined> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) return undefined;
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const context = await browser.newContext();
    const [name, value] = options.account.cookie.split(/=(.*)/s);
    await context.addCookies([{ name, value, url: options.url }]);
    const page = await context.newPage();
    const arrivals = new Map<number, number>();
    await page.exposeFunction("reportFeedEvent", (id: number, at: number) => void arrivals.set(id, at));
    await page.goto(`${options.url}/`);
    await page.evaluate((slug) => {
      const report = (window as unknown as { reportFeedEvent: (id: number, at: number) => void }).reportFeedEvent;
      const source = new EventSource(`/api/v1/projects/${slug}/events/stream`);
      source.onmessage = (message) => report(Number(message.lastEventId), performance.timeOrigin + performance.now());
    }, options.slug);
    // The page cannot see the ': subscribed' comment: write until the first event comes through.
    for (let attempt = 0; arrivals.size === 0 && attempt < 100; attempt += 1) {
      await options.write();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (arrivals.size === 0) throw new Error("the browser never received an event");
    const samples: number[] = [];
    for (let index = 0; index < options.count + 5; index += 1) {
      const started = performance.timeOrigin + performance.now();
      const [id] = await options.write();
      const deadline = Date.now() + 5_000;
      while (!arrivals.has(id)) {
        if (Date.now() > deadline) throw new Error(`event ${id} did not reach the browser within 5 s`);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      if (index >= 5) samples.push(arrivals.get(id)! - started);
    }
    return latencyStats(samples);
  } finally {
    await browser.close();
  }
}
