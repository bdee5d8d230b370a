export { requireProject, explainNothingChanged } from "./project-access";
export { renameProject, deleteProject, changeMemberRole, removeMember, createProjectApiKey, revokeProjectApiKey } from "./manage-projects";
export { resolveProject, requireWriter } from "./resolve-project";
export { listProjectMembers, addProjectMember, listProjectApiKeys } from "./project-members";
export { listCallerProjects, createProject } from "./caller-projects";
