import { z } from "zod";
import { matchRequestSchema } from "@/lib/domain";

/** POST /api/operator/match body: a match request naming the project by slug. */
export const operatorMatchSchema = matchRequestSchema.extend({ project: z.string().min(1).max(100) });
