export { requireProject, explainNothingChanged } from "./project-access";
export { renameProject, deleteProject, changeMemberRole, removeMember, createProjectApiKey, revokeProjectApiKey, withdrawInvitation, declineInvitation } from "./manage-projects";
export { findPageProject } from "./find-page-project";
