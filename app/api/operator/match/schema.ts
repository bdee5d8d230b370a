import { z } from "zod";
import { matchSchema } from "@/app/api/v1/patterns/match/schema";

/** POST /api/operator/match body: a match request naming the project by slug. */
export const operatorMatchSchema = matchSchema.extend({ project: z.string().min(1).max(100) });
