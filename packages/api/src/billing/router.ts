import type { Context } from "../core/context.ts";
import { billingOverview, billingStatus, openPortal, startCheckout } from "./billing.ts";
import { startCheckoutSchema } from "./inputs.ts";
import { router, tenantProcedure, type TenantContext } from "../core/trpc.ts";

type TenantCtx = Context & TenantContext & { user: { id: string; email: string } };

function billingUrl(ctx: TenantCtx): string {
  const origin = (process.env.APP_URL ?? new URL(ctx.request.url).origin).replace(/\/$/, "");
  return `${origin}/t/${ctx.tenant.slug}/billing`;
}

// Starting Checkout or opening the Portal changes nothing in Vigil, and is how a read-only workspace
// pays again: both stay open when the workspace is read-only.
const payingWhileReadOnly = { allowWhenReadOnly: true };

export const billingRouter = router({
  /** For every member: read-only and grace banners, the member limit. */
  status: tenantProcedure("viewer", { allowDuringDeletionGrace: true }).query(({ ctx }) => billingStatus(ctx.tx, ctx.membership.role === "owner")),

  overview: tenantProcedure("owner").query(({ ctx }) => billingOverview(ctx.tx, ctx.log)),

  startCheckout: tenantProcedure("owner", payingWhileReadOnly)
    .input(startCheckoutSchema)
    .mutation(async ({ ctx, input }) => ({
      url: await startCheckout(ctx.tx, ctx.actor, { planKey: input.planKey, billingUrl: billingUrl(ctx), email: ctx.user.email, workspaceName: ctx.tenant.name, locale: ctx.locale }),
    })),

  openPortal: tenantProcedure("owner", payingWhileReadOnly).mutation(async ({ ctx }) => ({
    url: await openPortal(ctx.tx, ctx.actor, { billingUrl: billingUrl(ctx), locale: ctx.locale }),
  })),
});
