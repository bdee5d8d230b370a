import { z } from "zod";

/** POST /api/operator/mcp-key body: the project the local MCP key is for. */
export const mcpKeySchema = z.object({ project: z.string().trim().min(1).max(100) }).strict();
