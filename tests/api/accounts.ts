import { POST as signUpRoute } from "@/app/api/v1/auth/sign-up/route";
import { POST as acceptRoute } from "@/app/api/v1/invitations/[invitationId]/accept/route";
import { POST as inviteRoute } from "@/app/api/v1/projects/[slug]/invitations/route";
import { callRoute } from "./api-harness";

/** A signed-up test account with its access token and its session cookie. */
export interface TestAccount {
  id: string;
  email: string;
  token: string;
  cookie: string;
}

/** Signs up an account through the real route and keeps what a client would keep. */
export async function signUpAccount(email: string, password = "correct horse battery"): Promise<TestAccount> {
  const answer = await callRoute(signUpRoute, { method: "POST", body: { email, password } });
  if (answer.status !== 201) throw new Error(`sign-up of ${email} failed: ${JSON.stringify(answer.body)}`);
  const cookie = (answer.headers.get("set-cookie") ?? "").split(";")[0];
  return { id: answer.body.user.id, email: answer.body.user.email, token: answer.body.access_token, cookie };
}

/**
 * Makes `account` a member of `slug` the way people join: the admin invites the address and
 * the account accepts, both through the real routes.
 */
export async function joinProject({ admin, slug, account, role }: { admin: TestAccount; slug: string; account: TestAccount; role: string }) {
  const invited = await callRoute(inviteRoute, { method: "POST", cookie: admin.cookie, params: { slug }, body: { email: account.email, role } });
  if (invited.status !== 202) throw new Error(`inviting ${account.email} failed: ${JSON.stringify(invited.body)}`);
  const accepted = await callRoute(acceptRoute, { method: "POST", cookie: account.cookie, params: { invitationId: invited.body.invitation.id } });
  if (accepted.status !== 200) throw new Error(`${account.email} could not accept: ${JSON.stringify(accepted.body)}`);
  return accepted.body.member;
}
