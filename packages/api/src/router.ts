import { accountRecoveryRouter, authRouter, profileRouter } from "./account/router.ts";
import { attachmentsRouter } from "./attachments/router.ts";
import { auditLogRouter } from "./audit/router.ts";
import { billingRouter } from "./billing/router.ts";
import { checklistRouter } from "./checklist/router.ts";
import { dashboardRouter } from "./dashboard/router.ts";
import { findingsRouter } from "./findings/router.ts";
import { forumsRouter } from "./forums/router.ts";
import { interviewsRouter } from "./interviews/router.ts";
import { jointVisitsRouter } from "./joint-visits/router.ts";
import { libraryRouter } from "./library/router.ts";
import { offlineRouter } from "./offline/router.ts";
import { publicSiteRouter } from "./public-site/router.ts";
import { invitationsRouter, membersRouter } from "./members/router.ts";
import { recommendationsRouter } from "./recommendations/router.ts";
import { authoritiesRouter, placesRouter } from "./registry/router.ts";
import { platformRouter } from "./platform/router.ts";
import { reportsRouter } from "./reports/router.ts";
import { sessionsRouter, twoFactorRouter } from "./security/router.ts";
import { templatesRouter } from "./templates/router.ts";
import { visitsRouter } from "./visits/router.ts";
import { workspaceDeletionRouter, workspaceExportRouter, workspacesRouter } from "./workspaces/router.ts";
import { createCallerFactory, router } from "./core/trpc.ts";

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
  offline: offlineRouter,
  publicSite: publicSiteRouter,
  platform: platformRouter,
});

export type AppRouter = typeof appRouter;

/** Loaders, actions and tests call procedures through this, so authorisation lives in one place. */
export const createCaller = createCallerFactory(appRouter);
