import { expect, type Page } from "@playwright/test";

/** `/projects/[slug]/feed`: the live feed of one project. */
export class FeedPage {
  constructor(private readonly page: Page) {}

  /** Opens the feed; with `expectLive`, waits until it is connected and listening. */
  async open(slug: string, { expectLive = true } = {}) {
    await this.page.goto(`/projects/${slug}/feed`);
    await expect(this.page.getByRole("heading", { name: "Live feed" })).toBeVisible();
    if (expectLive) await expect(this.status()).toHaveAttribute("data-status", "live");
  }

  status() {
    return this.page.getByTestId("feed-status");
  }

  events() {
    return this.page.getByTestId("feed-event");
  }

  error() {
    return this.page.getByTestId("feed-error");
  }

  empty() {
    return this.page.getByTestId("feed-empty");
  }

  /**
   * Starts recording, in the page, when the first feed item appears: wall-clock milliseconds
   * (performance.timeOrigin + now), comparable with the test process's own clock.
   */
  async recordFirstEventTime() {
    await this.page.evaluate(() => {
      const holder = window as unknown as { firstFeedEventAt?: number };
      const observer = new MutationObserver(() => {
        if (holder.firstFeedEventAt === undefined && document.querySelector('[data-testid="feed-event"]')) {
          holder.firstFeedEventAt = performance.timeOrigin + performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  }

  async firstEventTime(): Promise<number | undefined> {
    return this.page.evaluate(() => (window as unknown as { firstFeedEventAt?: number }).firstFeedEventAt);
  }
}
