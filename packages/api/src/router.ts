import { attachmentsRouter } from "./routers/attachments.ts";
import { accountRecoveryRouter } from "./routers/account-recovery.ts";
import { auditLogRouter } from "./routers/audit-log.ts";
import { authRouter } from "./routers/auth.ts";
import { checklistRouter } from "./routers/checklist.ts";
import { authoritiesRouter } from "./routers/authorities.ts";
import { billingRouter } from "./routers/billing.ts";
import { findingsRouter } from "./routers/findings.ts";
import { interviewsRouter } from "./routers/interviews.ts";
import { invitationsRouter } from "./routers/invitations.ts";
import { membersRouter } from "./routers/members.ts";
import { placesRouter } from "./routers/places.ts";
import { profileRouter } from "./routers/profile.ts";
import { templatesRouter } from "./routers/templates.ts";
import { visitsRouter } from "./routers/visits.ts";
import { sessionsRouter } from "./routers/sessions.ts";
import { twoFactorRouter } from "./routers/two-factor.ts";
import { workspaceDeletionRouter } from "./routers/workspace-deletion.ts";
import { workspaceExportRouter } from "./routers/workspace-export.ts";
import { workspacesRouter } from "./routers/workspaces.ts";
import { reportsRouter } from "./routers/reports.ts";
import { jointVisitsRouter } from "./routers/joint-visits.ts";
import { recommendationsRouter } from "./routers/recommendations.ts";
import { dashboardRouter } from "./routers/dashboard.ts";
import { libraryRouter } from "./routers/library.ts";
import { forumsRouter } from "./routers/forums.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  profile: profileRouter,
  workspaces: workspacesRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  checklist: checklistRouter,
  places: placesRouter,
  authorities: authoritiesRouter,
  templates: templatesRouter,
  billing: billingRouter,
  visits: visitsRouter,
  interviews: interviewsRouter,
  findings: findingsRouter,
  attachments: attachmentsRouter,
  twoFactor: twoFactorRouter,
  accountRecovery: accountRecoveryRouter,
  sessions: sessionsRouter,
  auditLog: auditLogRouter,
  workspaceExport: workspaceExportRouter,
  workspaceDeletion: workspaceDeletionRouter,
  reports: reportsRouter,
  jointVisits: jointVisitsRouter,
  recommendations: recommendationsRouter,
  dashboard: dashboardRouter,
  library: libraryRouter,
  forums: forumsRouter,
});

export type AppRouter = typeof appRouter;

/** Loaders, actions and tests call procedures through this, so authorisation lives in one place. */
export const createCaller = createCallerFactory(appRouter);
