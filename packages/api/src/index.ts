export { createContext, LOCALE_COOKIE, type Context, type SignedInUser } from "./context.ts";
export { describeError, type FieldErrors } from "./error-format.ts";
export { handleTrpcRequest } from "./http.ts";
export { logger } from "./logger.ts";
export { hasRole, ROLE_ORDER } from "./roles.ts";
export { appRouter, createCaller, type AppRouter } from "./router.ts";
export { slugFromName } from "./services/workspaces.ts";
export { TWO_FACTOR_REQUIRED } from "./services/two-factor.ts";
export { purgeDeletedWorkspaces } from "./services/workspace-deletion.ts";
