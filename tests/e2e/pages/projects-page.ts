import { expect, type Page } from "@playwright/test";

/** `/projects`: the project list and the create form. */
export class ProjectsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/projects");
    await expect(this.page.getByRole("heading", { name: "Projects" })).toBeVisible();
  }

  /** Creates a project and waits for it in the list. */
  async create(name: string, slug: string) {
    await this.page.getByTestId("project-name").fill(name);
    await this.page.getByTestId("project-slug").fill(slug);
    await this.page.getByTestId("project-create").click();
    await expect(this.project(slug)).toBeVisible();
  }

  project(slug: string) {
    return this.page.getByTestId(`project-item-${slug}`);
  }

  /** Accepts the invitation to a project and waits for the project in the list. */
  async acceptInvitation(slug: string) {
    await this.page.getByTestId(`invitation-accept-${slug}`).click();
    await expect(this.project(slug)).toBeVisible();
  }

  emptyMessage() {
    return this.page.getByTestId("projects-empty");
  }

  async openSettings(slug: string) {
    await this.page.getByTestId(`project-settings-${slug}`).click();
    await expect(this.page).toHaveURL(new RegExp(`/projects/${slug}/settings$`));
  }

  async signOut() {
    await this.page.getByTestId("sign-out").click();
    await expect(this.page).toHaveURL(/\/sign-in$/);
  }
}
