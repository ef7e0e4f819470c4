import { asUser } from "@vigil/db";
import { loadPlans } from "@vigil/billing";
import { appUrl } from "../core/context.ts";
import { fail } from "../core/errors.ts";
import { authedProcedure, router } from "../core/trpc.ts";
import { secondFactorRefusal } from "../core/two-factor-policy.ts";
import type { PlatformOperator } from "./audit.ts";
import { liftSuspension, listConsoleWorkspaces, listPlatformAudit, resendOwnerInvitation, setPlanOverride, setVerification, suspendWorkspace } from "./console.ts";
import { listWorkspacesSchema, planOverrideSchema, setVerificationSchema, suspendSchema, workspaceRefSchema } from "./inputs.ts";

/**
 * The operator console's procedures (decision 0231): for users marked by `pnpm platform:operator
 * add`, signed in with a second factor. Nobody else learns more than "forbidden". They take no
 * tenantSlug: an operator gets no tenant scope, so no workspace's records are open to them.
 */
const operatorProcedure = authedProcedure.use(async ({ ctx, next }) => {
  // The user's own row, read in their account scope (row-level security): no privileged handle.
  const operator = await asUser(ctx.user.id, (tx) => tx.user.findUnique({ where: { id: ctx.user.id }, select: { platformOperatorSince: true } }));
  if (!operator?.platformOperatorSince) fail("FORBIDDEN", "errors.forbidden");
  // This session must have proved the second factor, not merely the account have one (decision 0265).
  const refusal = secondFactorRefusal(ctx.user, ctx.session);
  if (refusal) fail("FORBIDDEN", refusal);
  const platformOperator: PlatformOperator = { userId: ctx.user.id, email: ctx.user.email, ipAddress: ctx.ipAddress };
  return next({ ctx: { operator: platformOperator, log: ctx.log.child({ platformOperator: ctx.user.id }) } });
});

export const platformRouter = router({
  /** Every workspace with its metadata only (no records), and the plans an override may grant. */
  workspaces: operatorProcedure.input(listWorkspacesSchema).query(async ({ input }) => ({
    ...(await listConsoleWorkspaces({ search: input?.search, after: input?.after, pageSize: input?.pageSize })),
    plans: loadPlans(process.env).map((plan) => ({ key: plan.key, name: plan.name })),
  })),

  audit: operatorProcedure.query(() => listPlatformAudit()),

  setVerification: operatorProcedure
    .input(setVerificationSchema)
    .mutation(({ ctx, input }) => setVerification(ctx.operator, input.workspaceId, input.verified, input.note)),

  suspend: operatorProcedure.input(suspendSchema).mutation(({ ctx, input }) => suspendWorkspace(ctx.operator, input.workspaceId, input.reason)),

  liftSuspension: operatorProcedure.input(workspaceRefSchema).mutation(({ ctx, input }) => liftSuspension(ctx.operator, input.workspaceId)),

  setPlanOverride: operatorProcedure.input(planOverrideSchema).mutation(({ ctx, input }) => setPlanOverride(ctx.operator, input.workspaceId, input.planKey)),

  resendOwnerInvitation: operatorProcedure
    .input(workspaceRefSchema)
    .mutation(({ ctx, input }) => resendOwnerInvitation(ctx.operator, input.workspaceId, appUrl(ctx))),
});
