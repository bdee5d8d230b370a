import { z } from "zod";

/** POST /api/v1/auth/sign-up body. */
export const signUpSchema = z.object({
  email: z.string().trim().pipe(z.email()),
  password: z.string().min(8, "must be at least 8 characters").max(256, "must be at most 256 characters"),
});

/** A valid sign-up body. */
export type SignUpBody = z.infer<typeof signUpSchema>;
