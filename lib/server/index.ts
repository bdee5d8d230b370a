export { startServer, type ServeOptions } from "./start-server";
export { ensureBuild, isBuildCurrent } from "./ensure-build";
