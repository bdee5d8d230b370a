export { requireProject, explainNothingChanged } from "./project-access";
export { renameProject, deleteProject, changeMemberRole, removeMember, createProjectApiKey, revokeProjectApiKey } from "./manage-projects";
export { resolveProject, requireWriter } from "./resolve-project";
