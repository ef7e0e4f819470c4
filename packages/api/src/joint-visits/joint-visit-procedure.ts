import { enterJointVisit, jointActor } from "./scope.ts";
import { recordAudit } from "../core/audit.ts";
import { visitRefSchema } from "../core/schemas.ts";
import { fail } from "../core/errors.ts";
import { tenantProcedure } from "../core/trpc.ts";
import { secondFactorRefusal } from "../core/two-factor-policy.ts";

/**
 * Work on a host's visit from the partner's own workspace (the tenantSlug is the PARTNER's): the
 * membership check is the usual one, then enterJointVisit opens that one visit if, and only if,
 * the participation rows say the caller is a nominated member of an accepted partnership. Every
 * change is audited by the service in the host's log and here, once more, in the partner's own.
 */
export function jointVisitProcedure(minRole: "viewer" | "monitor", options: { allowWhenReadOnly?: boolean; receivesFile?: boolean } = {}) {
  // Its own transaction always: enterJointVisit narrows the transaction to the host's visit (role
  // vigil_joint), which must not reach a page loader's other queries (decision 0178).
  return tenantProcedure(minRole, { ownTransaction: true, ...options })
    .input(visitRefSchema)
    .use(async ({ ctx, input, next, type, path }) => {
      const participation = await enterJointVisit(ctx.tx, ctx.tenant.id, ctx.user.id, input.visitId);
      // The partner's own workspace rule was checked by tenantProcedure; the host's applies here.
      if (participation.hostRequiresTwoFactor) {
        const refusal = secondFactorRefusal(ctx.user, ctx.session);
        if (refusal) fail("FORBIDDEN", refusal);
      }
      const result = await next({ ctx: { participation, jointActor: jointActor(participation, ctx.actor) } });
      if (result.ok && type === "mutation") {
        // In the partner's own log: ctx.actor is the caller in their workspace (the services get the host-side jointActor).
        await recordAudit(ctx.tx, ctx.actor, {
          action: "jointVisit.partnerAction", targetType: "visit", targetId: input.visitId,
          details: { procedure: path, hostTenantId: participation.hostTenantId },
        });
      }
      return result;
    });
}
