import { z } from "zod";
import { gitHubConnectRequestSchema } from "@/lib/domain";

/** POST /api/operator/github body: `motif github connect` while `motif serve` owns the data dir. */
export const operatorGitHubConnectSchema = gitHubConnectRequestSchema.extend({ project: z.string().min(1).max(100) });
