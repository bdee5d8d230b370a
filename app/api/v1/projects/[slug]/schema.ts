import { z } from "zod";
import { projectNameSchema } from "../schema";

/** PATCH /api/v1/projects/[slug] body. */
export const updateProjectSchema = z.object({ name: projectNameSchema });

/** A valid update-project body. */
export type UpdateProjectBody = z.infer<typeof updateProjectSchema>;
