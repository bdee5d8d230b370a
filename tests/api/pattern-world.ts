import { POST as createKey } from "@/app/api/v1/projects/[slug]/api-keys/route";
import { POST as createProject } from "@/app/api/v1/projects/route";
import { POST as createPattern } from "@/app/api/v1/patterns/route";
import { joinProject, signUpAccount, type TestAccount } from "./accounts";
import { callRoute } from "./api-harness";

/**
 * Two tenants for pattern tests: project A with an admin, a member and a viewer (and a member
 * API key and a viewer API key), project B with its own admin and key.
 */
export interface PatternWorld {
  adminA: TestAccount;
  memberA: TestAccount;
  viewerA: TestAccount;
  adminB: TestAccount;
  keyA: string;
  viewerKeyA: string;
  keyB: string;
}

async function issueKey(account: TestAccount, slug: string, role: string): Promise<string> {
  const answer = await callRoute(createKey, { method: "POST", cookie: account.cookie, params: { slug }, body: { name: `${role} key`, role } });
  if (answer.status !== 201) throw new Error(JSON.stringify(answer.body));
  return answer.body.key;
}

async function join(admin: TestAccount, slug: string, account: TestAccount, role: string) {
  await joinProject({ admin, slug, account, role });
}

/** Signs the accounts up and builds both projects through the real routes. */
export async function buildPatternWorld(): Promise<PatternWorld> {
  const [adminA, memberA, viewerA, adminB] = [
    await signUpAccount("admin-a@example.com"),
    await signUpAccount("member-a@example.com"),
    await signUpAccount("viewer-a@example.com"),
    await signUpAccount("admin-b@example.com"),
  ];
  await callRoute(createProject, { method: "POST", cookie: adminA.cookie, body: { name: "Alpha", slug: "alpha" } });
  await callRoute(createProject, { method: "POST", cookie: adminB.cookie, body: { name: "Beta", slug: "beta" } });
  await join(adminA, "alpha", memberA, "member");
  await join(adminA, "alpha", viewerA, "viewer");
  return {
    adminA,
    memberA,
    viewerA,
    adminB,
    keyA: await issueKey(adminA, "alpha", "member"),
    viewerKeyA: await issueKey(adminA, "alpha", "viewer"),
    keyB: await issueKey(adminB, "beta", "member"),
  };
}

/** Creates a manual pattern through POST /api/v1/patterns and returns it. */
export async function createTestPattern(bearer: string, body: Record<string, unknown>) {
  const answer = await callRoute(createPattern, { method: "POST", bearer, body });
  if (answer.status !== 201) throw new Error(`create failed: ${JSON.stringify(answer.body)}`);
  return answer.body.pattern as { id: string; name: string; version: number; status: string; [field: string]: unknown };
}
