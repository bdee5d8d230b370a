import { expect, type Page } from "@playwright/test";

/**
 * Makes the person signed in on `memberPage` a member of `slug` the way people join: the admin
 * signed in on `adminPage` invites the address, the person accepts (both through the API).
 */
export async function inviteAndAccept({ adminPage, memberPage, slug, email, role }: {
  adminPage: Page;
  memberPage: Page;
  slug: string;
  email: string;
  role: "admin" | "member" | "viewer";
}) {
  const invited = await adminPage.request.post(`/api/v1/projects/${slug}/invitations`, { data: { email, role } });
  expect(invited.status()).toBe(202);
  const { invitation } = await invited.json();
  const accepted = await memberPage.request.post(`/api/v1/invitations/${invitation.id}/accept`);
  expect(accepted.status()).toBe(200);
}
