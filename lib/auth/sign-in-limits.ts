import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { MotifError } from "@/lib/errors";

const windowSeconds = 15 * 60;

/**
 * Password attempts allowed per 15 minutes: per account (whatever the address) and per address
 * (whatever the account). A correct password gives the attempt back, so these count failures.
 */
export const signInLimits = { perAccount: 10, perAddress: 30, windowSeconds } as const;

/** Sign-ups allowed per address per 15 minutes: each costs a password hash. */
export const signUpLimits = { perAddress: 30, windowSeconds } as const;

// In process memory: embedded mode has one server. Several Supabase-mode servers each keep
// their own counts (a limit per server), documented in docs/security.md.
const byAccount = new RateLimiterMemory({ keyPrefix: "sign-in-account", points: signInLimits.perAccount, duration: windowSeconds });
const byAddress = new RateLimiterMemory({ keyPrefix: "sign-in-address", points: signInLimits.perAddress, duration: windowSeconds });
const signUpsByAddress = new RateLimiterMemory({ keyPrefix: "sign-up-address", points: signUpLimits.perAddress, duration: windowSeconds });

function tooMany(refusal: RateLimiterRes, what: string): MotifError {
  const retryAfterSeconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
  return new MotifError("too_many_requests:auth", `${what}; try again in ${Math.ceil(retryAfterSeconds / 60)} min`, {
    retryAfterSeconds,
  });
}

async function take(limiter: RateLimiterMemory, key: string, what: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw tooMany(error, what);
    throw error;
  }
}

/** The account key: the email as sign-in matches it (trimmed, case-insensitive). */
function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Takes one attempt from the account's and the address's budgets before any password is
 * hashed; an exhausted budget is a 429 with Retry-After. Concurrent attempts each take their
 * own, so a burst cannot slip past the count.
 */
export async function takeSignInAttempt({ email, address }: { email: string; address: string }): Promise<void> {
  await take(byAddress, address, "too many sign-in attempts from this address");
  await take(byAccount, accountKey(email), "too many sign-in attempts for this account");
}

/** A correct password: the account's count starts over and the address gets its attempt back. */
export async function forgiveSignInAttempt({ email, address }: { email: string; address: string }): Promise<void> {
  await byAccount.delete(accountKey(email));
  await byAddress.reward(address, 1);
}

/** Takes one sign-up from the address's budget before the password is hashed (429 when spent). */
export async function takeSignUpAttempt(address: string): Promise<void> {
  await take(signUpsByAddress, address, "too many sign-ups from this address");
}
