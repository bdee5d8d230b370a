import { expect, type Page } from "@playwright/test";

/** `/projects/[slug]/graph`: the relationship graph, its search and its focus. */
export class GraphPage {
  constructor(private readonly page: Page) {}

  async open(slug: string, query = "") {
    await this.page.goto(`/projects/${slug}/graph${query}`);
    await expect(this.canvas()).toBeVisible({ timeout: 20_000 });
  }

  canvas() {
    return this.page.getByTestId("graph-canvas");
  }

  nodes() {
    return this.page.getByTestId("graph-node");
  }

  /** Types in the search box and picks the result with this exact name. */
  async focusOn(name: string) {
    await this.page.getByTestId("graph-search").fill(name);
    await this.page.getByTestId("graph-search-result").filter({ has: this.page.getByText(name, { exact: true }) }).first().click();
    await expect(this.page.getByTestId("graph-focus-name")).toHaveText(name);
    await expect(this.canvas()).toHaveAttribute("data-layout-ready", "true");
  }

  /**
   * Each drawn label's size on screen in CSS pixels (its font size times the viewport's zoom),
   * and the boxes of the nodes, to check that labels read and nothing overlaps.
   */
  async labelMetrics(): Promise<{ names: string[]; screenFontSizes: number[]; boxes: { x: number; y: number; width: number; height: number }[] }> {
    return this.page.evaluate(() => {
      const viewport = document.querySelector<HTMLElement>(".react-flow__viewport")!;
      const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
      const labels = [...document.querySelectorAll<HTMLElement>('[data-testid="graph-node-label"]')];
      const boxes = [...document.querySelectorAll<HTMLElement>('[data-testid="graph-node"]')].map((node) => {
        const box = node.getBoundingClientRect();
        return { x: box.x, y: box.y, width: box.width, height: box.height };
      });
      return {
        names: labels.map((label) => label.textContent ?? ""),
        screenFontSizes: labels.map((label) => parseFloat(getComputedStyle(label).fontSize) * zoom),
        boxes,
      };
    });
  }
}
