import { z } from "zod";
import { textLimits } from "@/lib/domain";

/** POST /api/v1/auth/sign-up body; the rest of the password policy is lib/auth's passwordProblem. */
export const signUpSchema = z.object({
  email: z.string().trim().max(textLimits.email, `must be at most ${textLimits.email} characters`).pipe(z.email()),
  password: z
    .string()
    .min(textLimits.passwordMin, `must be at least ${textLimits.passwordMin} characters`)
    .max(textLimits.passwordMax, `must be at most ${textLimits.passwordMax} characters`),
});

/** A valid sign-up body. */
export type SignUpBody = z.infer<typeof signUpSchema>;
