export { resolveCaller, requireCaller, getPageUser, claimsForApiKey } from "./resolve-caller";
export { signUp, signIn, signOut, currentSession, type StartedSession, type Credentials } from "./sessions";
export { signAccessToken, verifyAccessToken, type SessionUser, type IssuedToken } from "./access-token";
export { hashPassword, verifyPassword } from "./password-hash";
export { getJwtSecret, getLocalJwtSecret } from "./jwt-secret";
export { generateApiKey, hashApiKey, apiKeyPrefix, type GeneratedApiKey } from "./api-key";
export { sessionCookieName } from "./session-cookie";
export { invalidCredentialsMessage } from "./local-accounts";
export { forgetVerifiedApiKey, apiKeyTrustMs } from "./verified-api-keys";
