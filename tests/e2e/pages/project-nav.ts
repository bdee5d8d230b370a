import { expect, type Page } from "@playwright/test";

/** The pages of a project, by the path below `/projects/[slug]`. */
export const projectSections = ["", "/patterns", "/graph", "/insights", "/feed", "/sessions", "/costs", "/ingest", "/settings"] as const;
export type ProjectSection = (typeof projectSections)[number];

/** The project shell: switcher, navigation and theme toggle around every project page. */
export class ProjectNav {
  constructor(private readonly page: Page) {}

  /** Opens a project page and waits until its navigation marks it current. */
  async open(slug: string, section: ProjectSection = "") {
    await this.page.goto(`/projects/${slug}${section}`);
    await expect(this.page.getByRole("navigation", { name: "Project" }).locator('[aria-current="page"]')).toHaveCount(1);
  }

  /** Follows a navigation link, the way a user moves between pages. */
  async go(label: "Overview" | "Patterns" | "Graph" | "Insights" | "Live feed" | "Sessions" | "Costs" | "Ingest" | "Settings") {
    await this.page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: label, exact: true }).click();
  }

  themeToggle() {
    return this.page.getByTestId("theme-toggle");
  }

  switcher() {
    return this.page.getByTestId("project-switcher");
  }
}
