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

  /**
   * Keeps a handle on every EventSource the page opens (call before `open`), so a test can
   * cut the feed's connection the way a dropped network does.
   */
  async trackEventSources() {
    await this.page.addInitScript(() => {
      const holder = window as unknown as { feedSources: EventSource[] };
      holder.feedSources = [];
      const Native = window.EventSource;
      window.EventSource = class extends Native {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          holder.feedSources.push(this);
        }
      };
    });
  }

  /** Cuts every open feed connection (the page's frame holds one too): closed for good, with the error event a lost network raises. */
  async dropConnections() {
    await this.page.evaluate(() => {
      for (const source of (window as unknown as { feedSources: EventSource[] }).feedSources) {
        if (source.readyState === EventSource.CLOSED) continue;
        source.close();
        source.dispatchEvent(new Event("error"));
      }
    });
  }

  async firstEventTime(): Promise<number | undefined> {
    return this.page.evaluate(() => (window as unknown as { firstFeedEventAt?: number }).firstFeedEventAt);
  }
}
