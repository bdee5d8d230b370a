export { requireProject, explainNothingChanged } from "./project-access";
export { renameProject, deleteProject, changeMemberRole, removeMember, createProjectApiKey, revokeProjectApiKey } from "./manage-projects";
export { listProjectInvitations, inviteProjectMember, listCallerInvitations, acceptInvitation, withdrawInvitation, declineInvitation } from "./project-invitations";
export { findPageProject } from "./find-page-project";
export { resolveProject, requireWriter } from "./resolve-project";
export { listProjectMembers, listProjectApiKeys } from "./project-members";
export { listCallerProjects, createProject } from "./caller-projects";
