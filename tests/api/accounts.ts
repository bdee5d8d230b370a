import { POST as signUpRoute } from "@/app/api/v1/auth/sign-up/route";
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
