import { initTRPC, TRPCError } from "@trpc/server";
import { isAllowedOrigin } from "@vigil/auth";
import { withWorkspace, type MemberRole, type TenantTx, type WorkspaceEntry } from "@vigil/db";
import pLimit from "p-limit";
import { z } from "zod";
import type { Actor } from "./actor.ts";
import type { Context } from "./context.ts";
import { withOutcomeTasks } from "./after-commit.ts";
import { isServiceUnavailable } from "./database-outage.ts";
import { describeError } from "./error-format.ts";
import { fail } from "./errors.ts";
import { inputHasNul } from "./nul-input.ts";
import { refuseIfReadOnly } from "./entitlements.ts";
import { hasRole } from "./roles.ts";

/** The error key for an owner who opens anything but restore or export while the workspace awaits deletion. */
export const DELETION_PENDING = "securityErrors.deletionPending";
import { slugSchema } from "./schemas.ts";
import { secondFactorRefusal, twoFactorRequiredFor } from "./two-factor-policy.ts";

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    // Clients get the translated message and field errors; never a stack trace.
    const { stack: _stack, ...data } = shape.data;
    if (isServiceUnavailable(error)) {
      // The context itself may have failed (no session lookup without a database): then no translation.
      const message = ctx ? ctx.t("errors.serviceUnavailable") : "Service temporarily unavailable. Please try again in a few seconds.";
      return { ...shape, message, data: { ...data, code: "SERVICE_UNAVAILABLE" as const, httpStatus: 503, fieldErrors: {} } };
    }
    const described = ctx ? describeError(error, ctx.t) : { message: "Error", fieldErrors: {} };
    return { ...shape, message: described.message, data: { ...data, fieldErrors: described.fieldErrors } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Refuses every mutation that did not come from this origin (CSRF), whoever calls. */
const sameOrigin = t.middleware(({ ctx, type, next }) => {
  if (type === "mutation" && !isAllowedOrigin(ctx.request, process.env.APP_URL)) fail("FORBIDDEN", "errors.crossOrigin");
  return next();
});

/** Refuses input PostgreSQL cannot store (a NUL anywhere) with a 400, before any schema or handler runs. */
const refuseNul = t.middleware(async ({ getRawInput, next }) => {
  // Unreadable input is left to the procedure's own input parser (a procedure without input ignores it).
  const raw = await getRawInput().catch(() => undefined);
  if (inputHasNul(raw)) fail("BAD_REQUEST", "errors.badRequest");
  return next();
});

export const publicProcedure = t.procedure.use(refuseNul).use(sameOrigin);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "errors.unauthorized" });
  return next({ ctx: { user: ctx.user, session: ctx.session } });
});

export type TenantContext = {
  tenant: { id: string; slug: string; name: string; countryCode: string; defaultLocale: string };
  membership: { id: string; role: MemberRole };
  /** The caller in this workspace, as services and the audit log take it (from the membership, never the input). */
  actor: Actor;
  tx: TenantTx;
};

/**
 * Procedures inside a workspace. The workspace is named by its slug (it is in the URL), but the
 * tenant id and the role come only from the caller's verified membership; a non-member gets
 * NOT_FOUND, so a workspace's existence is not revealed. The procedure then runs in one
 * transaction bound to that tenant: row-level security sees nothing else, and any error rolls
 * back everything the procedure wrote.
 */
export type TenantProcedureOptions = {
  /** Billing's read-only state does not stop it (paying again, opening the portal). */
  allowWhenReadOnly?: boolean;
  /** Owners may still call it while the workspace waits out its deletion grace period (restore, export). */
  allowDuringDeletionGrace?: boolean;
  /**
   * Never reads in a page loader's shared transaction (decision 0178): for procedures that change
   * their transaction's scope (a joint visit's SET LOCAL ROLE and app.joint_visit_id), which would
   * otherwise outlive the procedure and widen what the loader's other queries see.
   */
  ownTransaction?: boolean;
  /**
   * Reads a file from the request inside its transaction (an upload): the body may take minutes to
   * arrive from a phone on a slow network, and a 48-megapixel photo seconds to strip, so the
   * transaction gets UPLOAD_TRANSACTION_MS instead of Prisma's 5 s (decision 0244).
   */
  receivesFile?: boolean;
};

/** How long a transaction that receives a file may last (decision 0244). */
const UPLOAD_TRANSACTION_MS = 5 * 60_000;

/**
 * How many file-receiving transactions this process holds at once (decision 0244, amended). Each
 * holds a pooled connection while a phone's body arrives, for up to five minutes, and the pool has
 * ten: ten slow (or deliberately trickled) uploads took every connection, and every workspace's
 * other requests failed. Further uploads wait for a turn before their transaction opens; their body
 * waits with them (TCP backpressure), and everything else keeps its connections.
 */
export const UPLOADS_AT_ONCE = 3;
const uploadTurns = pLimit(UPLOADS_AT_ONCE);

export function tenantProcedure(minRole: MemberRole, options: TenantProcedureOptions = {}) {
  return authedProcedure.input(z.object({ tenantSlug: slugSchema })).use(async ({ ctx, input, next, type }) => {
    // The gates run before anything else in the transaction, and any refusal rolls it back.
    const enter = async (tx: TenantTx, entry: WorkspaceEntry | null) => {
      if (!entry) fail("NOT_FOUND", "errors.notFound");
      const { membership, tenant } = entry;
      // A workspace scheduled for deletion is gone for its members; its owners can only restore or export it.
      if (entry.deletionRequestedAt) {
        if (membership.role !== "owner") fail("NOT_FOUND", "errors.notFound");
        if (!options.allowDuringDeletionGrace) fail("FORBIDDEN", DELETION_PENDING);
      }
      if (!hasRole(membership.role, minRole)) fail("FORBIDDEN", "errors.forbidden");
      // Owners, admins, and everyone in a workspace that requires it: enrol first, and sign this
      // session in with the second factor (decision 0265); the UI redirects to either.
      if (twoFactorRequiredFor(membership.role, entry)) {
        const refusal = secondFactorRefusal(ctx.user, ctx.session);
        if (refusal) fail("FORBIDDEN", refusal);
      }
      // Billing's read-only state (unpaid past the grace period, or cancelled) refuses every change
      // here, in one place; queries (reading, exporting) still run. Billing never deletes data.
      if (type === "mutation" && !options.allowWhenReadOnly) await refuseIfReadOnly(tx);
      const result = await next({
        ctx: {
          tx,
          tenant,
          membership,
          actor: { tenantId: tenant.id, userId: ctx.user.id, role: membership.role, ipAddress: ctx.ipAddress },
          log: ctx.log.child({ tenantId: tenant.id }),
        } satisfies TenantContext & { log: Context["log"] },
      });
      // tRPC hands errors back instead of throwing them; rethrow so the transaction rolls back.
      if (!result.ok) throw result.error;
      return result;
    };
    // A page loader's read transaction for this workspace and this user (decision 0178): a query reads in it.
    const shared = ctx.sharedWorkspace;
    if (type === "query" && !options.ownTransaction && shared && shared.slug === input.tenantSlug && shared.userId === ctx.user.id) return enter(shared.tx, shared.entry);
    // One statement finds the membership and enters the tenant (docs/decisions/0120), when this
    // request's turn comes (context.ts: a batch does not take the whole pool).
    // Object removals wait for the outcome (decision 0252): after the commit for a deleted row's
    // file, after a rollback for a file stored for a row that was not kept.
    const open = () =>
      withOutcomeTasks((watch) =>
        withWorkspace(
          ctx.user.id,
          input.tenantSlug,
          (tx, entry) => {
            watch(tx);
            return enter(tx, entry);
          },
          options.receivesFile ? { timeoutMs: UPLOAD_TRANSACTION_MS } : {},
        ),
      );
    return ctx.transactions(options.receivesFile ? () => uploadTurns(open) : open);
  });
}
