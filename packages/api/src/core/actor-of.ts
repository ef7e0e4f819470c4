import type { Context } from "./context.ts";
import type { Actor } from "./actor.ts";
import type { TenantContext } from "./trpc.ts";

/** Who is acting in a tenant procedure, as the services take it. */
export function actorOf(ctx: Context & TenantContext & { user: { id: string } }): Actor {
  return { tenantId: ctx.tenant.id, userId: ctx.user.id, role: ctx.membership.role, ipAddress: ctx.ipAddress };
}
