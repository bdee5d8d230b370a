import { z } from "zod";

/** POST /api/v1/auth/sign-in body. */
export const signInSchema = z.object({
  email: z.string().trim().pipe(z.email()),
  password: z.string().min(1, "is required"),
});

/** A valid sign-in body. */
export type SignInBody = z.infer<typeof signInSchema>;
