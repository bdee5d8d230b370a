import { dictionary } from "@zxcvbn-ts/language-common";
import { textLimits } from "@/lib/domain";
import { MotifError } from "@/lib/errors";

// zxcvbn's list of ~49k passwords seen most often in breaches; lower-cased once.
let commonPasswords: Set<string> | undefined;
function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set((dictionary["passwords-common"] as string[]).map((word) => word.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

/**
 * Why a new password is refused, or undefined when it is acceptable: 8–256 characters, no
 * control characters (NUL included), not one character repeated, not among the passwords
 * most often found in breaches, not the email or its name part (NIST SP 800-63B §5.1.1.2).
 */
export function passwordProblem(password: string, email: string): string | undefined {
  if (password.length < textLimits.passwordMin) return `must be at least ${textLimits.passwordMin} characters`;
  if (password.length > textLimits.passwordMax) return `must be at most ${textLimits.passwordMax} characters`;
  if (/[\u0000-\u001f\u007f]/.test(password)) return "must not contain control characters";
  if (new Set(password).size === 1) return "must not be one character repeated";
  const lowered = password.toLowerCase();
  const [namePart] = email.toLowerCase().split("@");
  if (lowered === email.toLowerCase() || lowered === namePart) return "must not be your email address";
  if (isCommonPassword(password)) return "is one of the most common passwords; choose another";
  return undefined;
}

/** Refuses a new password that `passwordProblem` finds fault with: a 400 naming the field. */
export function assertPasswordAcceptable(password: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw new MotifError("bad_request:input", `password: ${problem}`);
}
