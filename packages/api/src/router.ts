import { attachmentsRouter } from "./routers/attachments.ts";
import { authRouter } from "./routers/auth.ts";
import { findingsRouter } from "./routers/findings.ts";
import { interviewsRouter } from "./routers/interviews.ts";
import { invitationsRouter } from "./routers/invitations.ts";
import { membersRouter } from "./routers/members.ts";
import { profileRouter } from "./routers/profile.ts";
import { workspacesRouter } from "./routers/workspaces.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  profile: profileRouter,
  workspaces: workspacesRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  interviews: interviewsRouter,
  findings: findingsRouter,
  attachments: attachmentsRouter,
});

export type AppRouter = typeof appRouter;

/** Loaders, actions and tests call procedures through this, so authorisation lives in one place. */
export const createCaller = createCallerFactory(appRouter);
