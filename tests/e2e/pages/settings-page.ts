import { expect, type Page } from "@playwright/test";

/** `/projects/[slug]/settings`: members and API keys. */
export class SettingsPage {
  constructor(private readonly page: Page) {}

  async open(slug: string) {
    await this.page.goto(`/projects/${slug}/settings`);
  }

  /** Invites an address with a role (the form keeps its old test ids). */
  async addMember(email: string, role: "admin" | "member" | "viewer") {
    await this.page.getByTestId("member-email").fill(email);
    await this.page.getByTestId("member-role").selectOption(role);
    await this.page.getByTestId("member-add").click();
  }

  member(email: string) {
    return this.page.getByTestId(`member-item-${email}`);
  }

  /** The note an invitation leaves: "Invited <email>: ...". */
  invited() {
    return this.page.getByTestId("member-invited");
  }

  invitation(email: string) {
    return this.page.getByTestId(`invitation-item-${email}`);
  }

  memberError() {
    return this.page.getByTestId("member-error");
  }

  /** Creates a key and returns the key the page shows once. */
  async createApiKey(name: string, role: "admin" | "member" | "viewer") {
    await this.page.getByTestId("api-key-name").fill(name);
    await this.page.getByTestId("api-key-role").selectOption(role);
    await this.page.getByTestId("api-key-create").click();
    await expect(this.page.getByTestId("new-api-key")).toBeVisible();
    return (await this.page.getByTestId("new-api-key").textContent())?.trim() ?? "";
  }

  async revokeApiKey(name: string) {
    await this.page.getByTestId(`api-key-revoke-${name}`).click();
    await expect(this.page.getByTestId(`api-key-revoked-${name}`)).toBeVisible();
  }

  error() {
    return this.page.getByTestId("project-settings-error");
  }
}
