import { accountRecoveryRouter } from "./routers/account-recovery.ts";
import { auditLogRouter } from "./routers/audit-log.ts";
import { authRouter } from "./routers/auth.ts";
import { invitationsRouter } from "./routers/invitations.ts";
import { membersRouter } from "./routers/members.ts";
import { profileRouter } from "./routers/profile.ts";
import { sessionsRouter } from "./routers/sessions.ts";
import { twoFactorRouter } from "./routers/two-factor.ts";
import { workspaceDeletionRouter } from "./routers/workspace-deletion.ts";
import { workspaceExportRouter } from "./routers/workspace-export.ts";
import { workspacesRouter } from "./routers/workspaces.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  profile: profileRouter,
  workspaces: workspacesRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  twoFactor: twoFactorRouter,
  accountRecovery: accountRecoveryRouter,
  sessions: sessionsRouter,
  auditLog: auditLogRouter,
  workspaceExport: workspaceExportRouter,
  workspaceDeletion: workspaceDeletionRouter,
});

export type AppRouter = typeof appRouter;

/** Loaders, actions and tests call procedures through this, so authorisation lives in one place. */
export const createCaller = createCallerFactory(appRouter);
