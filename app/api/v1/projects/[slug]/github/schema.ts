export { gitHubConnectRequestSchema as connectGitHubSchema } from "@/lib/domain";
