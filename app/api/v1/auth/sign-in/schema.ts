import { z } from "zod";
import { textLimits } from "@/lib/domain";

/** POST /api/v1/auth/sign-in body. */
export const signInSchema = z.object({
  email: z.string().trim().max(textLimits.email, `must be at most ${textLimits.email} characters`).pipe(z.email()),
  // No policy here (older accounts sign in with what they chose), only the bound.
  password: z.string().min(1, "is required").max(textLimits.passwordMax, `must be at most ${textLimits.passwordMax} characters`),
});

/** A valid sign-in body. */
export type SignInBody = z.infer<typeof signInSchema>;
