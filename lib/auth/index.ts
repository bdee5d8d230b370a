export { resolveCaller, requireCaller, getPageUser, verifySessionToken } from "./resolve-caller";
export { signUp, signIn, signOut, currentSession, type StartedSession, type Credentials } from "./sessions";
export { listOwnSessions, revokeOwnSession } from "./own-sessions";
export { signAccessToken, verifyAccessToken, type SessionUser, type IssuedToken } from "./access-token";
export { hashPassword, verifyPassword } from "./password-hash";
export { passwordProblem, assertPasswordAcceptable } from "./password-policy";
export { getJwtSecret, getLocalJwtSecret } from "./jwt-secret";
export { generateApiKey, hashApiKey, isWellFormedApiKey, apiKeyPrefix, type GeneratedApiKey } from "./api-key";
export { sessionCookieName } from "./session-cookie";
export { invalidCredentialsMessage } from "./local-accounts";
export { forgetVerifiedApiKey, apiKeyTrustMs } from "./verified-api-keys";
<<<<<<< HEAD
export { forgetSession, sessionTrustMs } from "./session-registry";
export { clientAddressHeader, clientAddressOf } from "./client-address";
export { signInLimits, signUpLimits } from "./sign-in-limits";
=======
export { getAccessTokenKeys, supabaseJwks, type AccessTokenKeys } from "./access-token-keys";
>>>>>>> main
