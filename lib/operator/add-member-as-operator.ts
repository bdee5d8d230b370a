import { translateDatabaseErrors, upsertProjectMemberByEmail, type Database } from "@/lib/db";
import type { OperatorMemberAnswer, OperatorMemberRequest } from "@/lib/domain";
import { MotifError } from "@/lib/errors";
import { inOperatorProject } from "./in-operator-project";

/**
 * `motif projects add-member`: the local operator gives a signed-up account a role in a
 * project (a project `motif ingest` made has no members, so nobody sees it in the dashboard
 * until this). An unknown email is a 404 that says to sign up first.
 */
export async function addMemberAsOperator({ database, request }: { database: Database; request: OperatorMemberRequest }): Promise<OperatorMemberAnswer> {
  return translateDatabaseErrors(() =>
    inOperatorProject({ database, slug: request.project }, async (transaction, project) => {
      const member = await upsertProjectMemberByEmail({ transaction, projectId: project.id, email: request.email, role: request.role });
      if (!member) throw new MotifError("not_found:resource", `no account with email ${request.email}: sign up in the web app first (motif serve)`);
      return { project: { slug: project.slug }, member: { ...member, role: request.role } };
    }),
  );
}
