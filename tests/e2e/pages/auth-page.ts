import { expect, type Page } from "@playwright/test";

/** The sign-up and sign-in pages. */
export class AuthPage {
  constructor(private readonly page: Page) {}

  /** Signs up a new account and waits for the projects page. */
  async signUp(email: string, password: string) {
    await this.page.goto("/sign-up");
    await this.submit(email, password);
    await expect(this.page).toHaveURL(/\/projects$/);
  }

  /** Signs in and waits for the projects page. */
  async signIn(email: string, password: string) {
    await this.page.goto("/sign-in");
    await this.submit(email, password);
    await expect(this.page).toHaveURL(/\/projects$/);
  }

  /** Fills and submits the form on the current auth page, without waiting for an outcome. */
  async submit(email: string, password: string) {
    await this.page.getByTestId("auth-email").fill(email);
    await this.page.getByTestId("auth-password").fill(password);
    await this.page.getByTestId("auth-submit").click();
  }

  /** The inline error the form shows. */
  error() {
    return this.page.getByTestId("auth-error");
  }
}
