import { generateOpaqueToken } from "@vigil/auth";
import { loadPlans } from "@vigil/billing";
import type { TenantTx } from "@vigil/db";
import { privilegedDb } from "@vigil/db/privileged";
import { invitationMail, mailer } from "@vigil/email";
import { isLocale } from "@vigil/i18n";
import { fail } from "../core/errors.ts";
import { setWorkspaceVerification } from "../workspaces/verification.ts";
import { recordOperatorAction, type PlatformOperator } from "./audit.ts";
import { forgetPublicSite } from "../public-site/page-cache.ts";

/**
 * The operator console's service (decision 0231). It reads and writes through the privileged handle,
 * because the columns it changes are the owner role's alone; so every select here names its columns,
 * and names only a workspace's metadata: never a visit, interview, report, finding or file's content.
 * Storage used is a sum of sizes and "last active" the time of the latest audit entry.
 */

type ConsoleWorkspace = {
  id: string; slug: string; name: string; countryCode: string; createdAt: Date;
  verifiedAt: Date | null; suspendedAt: Date | null; suspensionReason: string | null; planOverride: string | null;
  deletionRequestedAt: Date | null; planKey: string | null; billingStatus: string | null;
  memberCount: number; storageBytes: number; lastActiveAt: Date | null; pendingOwnerInvitations: number;
};

/** Workspaces per page of the console. */
const CONSOLE_PAGE_SIZE = 100;

export type ConsolePage = { workspaces: ConsoleWorkspace[]; nextCursor: string | null };

/**
 * Workspaces, newest first, a page at a time, with metadata only; `search` matches the name or the
 * slug. `after` is the last workspace of the previous page (its id): Prisma's cursor compares the
 * order's columns in SQL, so equal creation times and microseconds neither skip nor repeat one.
 */
export async function listConsoleWorkspaces(options: { search?: string; after?: string; pageSize?: number } = {}): Promise<ConsolePage> {
  const db = privilegedDb();
  const term = options.search?.trim();
  const pageSize = options.pageSize ?? CONSOLE_PAGE_SIZE;
  const page = await db.tenant.findMany({
    where: term ? { OR: [{ name: { contains: term, mode: "insensitive" } }, { slug: { contains: term.toLowerCase() } }] } : {},
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    ...(options.after ? { cursor: { id: options.after }, skip: 1 } : {}),
    // One more than a page: whether there is a next one, without counting them all.
    take: pageSize + 1,
    select: {
      id: true, slug: true, name: true, countryCode: true, createdAt: true, verifiedAt: true, suspendedAt: true, suspensionReason: true,
      planOverride: true, deletionRequestedAt: true, billing: { select: { planKey: true, status: true } }, _count: { select: { memberships: true } },
    },
  });
  const tenants = page.slice(0, pageSize);
  const nextCursor = page.length > pageSize ? tenants.at(-1)!.id : null;
  const ids = tenants.map((tenant) => tenant.id);
  const [storage, activity, invitations] = await Promise.all([
    db.attachment.groupBy({ by: ["tenantId"], where: { tenantId: { in: ids } }, _sum: { sizeBytes: true } }),
    db.auditEvent.groupBy({ by: ["tenantId"], where: { tenantId: { in: ids } }, _max: { createdAt: true } }),
    db.invitation.groupBy({ by: ["tenantId"], where: { tenantId: { in: ids }, role: "owner", acceptedAt: null, revokedAt: null }, _count: { _all: true } }),
  ]);
  const bytes = new Map(storage.map((row) => [row.tenantId, Number(row._sum.sizeBytes ?? 0n)]));
  const lastActive = new Map(activity.map((row) => [row.tenantId, row._max.createdAt]));
  const ownerInvitations = new Map(invitations.map((row) => [row.tenantId, row._count._all]));
  const workspaces = tenants.map(({ billing, _count, ...tenant }) => ({
    ...tenant,
    planKey: billing?.planKey ?? null,
    billingStatus: billing?.status ?? null,
    memberCount: _count.memberships,
    storageBytes: bytes.get(tenant.id) ?? 0,
    lastActiveAt: lastActive.get(tenant.id) ?? null,
    pendingOwnerInvitations: ownerInvitations.get(tenant.id) ?? 0,
  }));
  return { workspaces, nextCursor };
}

/** The operator actions' changes, each in one transaction with both audit rows. */
type LockedWorkspace = { id: string; slug: string; name: string; defaultLocale: string; suspendedAt: Date | null; planOverride: string | null };

/** Long enough for a slow mail server (greylisting, a slow TLS handshake) while an invitation is resent. */
const OPERATOR_ACTION_MS = 60_000;

async function onWorkspace<T>(workspaceId: string, work: (tx: TenantTx, workspace: LockedWorkspace) => Promise<T>): Promise<T> {
  return privilegedDb().$transaction(async (tx) => {
    // Two operators acting on one workspace at once take turns. NO KEY: the members' own writes
    // (whose foreign keys take KEY SHARE on the tenant row) go on while an operator acts.
    const [workspace] = await tx.$queryRaw<{ id: string; slug: string; name: string; default_locale: string; suspended_at: Date | null; plan_override: string | null }[]>`
      SELECT id, slug, name, default_locale, suspended_at, plan_override FROM tenants WHERE id = ${workspaceId}::uuid FOR NO KEY UPDATE`;
    if (!workspace) fail("NOT_FOUND", "errors.notFound");
    return work(tx, { id: workspace.id, slug: workspace.slug, name: workspace.name, defaultLocale: workspace.default_locale, suspendedAt: workspace.suspended_at, planOverride: workspace.plan_override });
    // Prisma's default of 5 s rolled back a resend whose mail had already gone out: a dead link.
  }, { timeout: OPERATOR_ACTION_MS, maxWait: 10_000 });
}

/** Verifies or un-verifies the workspace (the same change as `pnpm platform:verify`). */
export async function setVerification(operator: PlatformOperator, workspaceId: string, verify: boolean, note: string | null) {
  const tenant = await privilegedDb().tenant.findUnique({ where: { id: workspaceId }, select: { slug: true } });
  if (!tenant) fail("NOT_FOUND", "errors.notFound");
  const result = await setWorkspaceVerification({ slug: tenant.slug, revoke: !verify, note, operator });
  return { changed: result.changed, verifiedAt: result.verifiedAt };
}

/** Makes the workspace read-only (every change refused) with a reason its owners see. */
export async function suspendWorkspace(operator: PlatformOperator, workspaceId: string, reason: string) {
  const { slug, suspendedAt } = await onWorkspace(workspaceId, async (tx, workspace) => {
    const suspendedAt = workspace.suspendedAt ?? new Date();
    await tx.tenant.update({ where: { id: workspace.id }, data: { suspendedAt, suspensionReason: reason }, select: { id: true } });
    await recordOperatorAction(tx, operator, workspace, "workspace.suspended", { reason });
    return { slug: workspace.slug, suspendedAt };
  });
  // Committed: a suspended workspace's public site is offline (public_site_tenant), its cached pages too.
  forgetPublicSite(slug);
  return { suspendedAt };
}

export async function liftSuspension(operator: PlatformOperator, workspaceId: string) {
  const lifted = await onWorkspace(workspaceId, async (tx, workspace) => {
    if (!workspace.suspendedAt) return null;
    await tx.tenant.update({ where: { id: workspace.id }, data: { suspendedAt: null, suspensionReason: null }, select: { id: true } });
    await recordOperatorAction(tx, operator, workspace, "workspace.suspensionLifted");
    return workspace.slug;
  });
  // Committed: the "site not found" pages cached while it was suspended go.
  if (lifted) forgetPublicSite(lifted);
  return { changed: lifted !== null };
}

/** Grants a plan by hand (`null` gives the subscription back its say); only a plan this installation offers. */
export async function setPlanOverride(operator: PlatformOperator, workspaceId: string, planKey: string | null) {
  if (planKey !== null && !loadPlans(process.env).some((plan) => plan.key === planKey)) fail("BAD_REQUEST", "platformErrors.unknownPlan", {}, "planKey");
  return onWorkspace(workspaceId, async (tx, workspace) => {
    if (workspace.planOverride === planKey) return { changed: false };
    await tx.tenant.update({ where: { id: workspace.id }, data: { planOverride: planKey }, select: { id: true } });
    await recordOperatorAction(tx, operator, workspace, "workspace.planOverridden", { planKey, previous: workspace.planOverride });
    return { changed: true };
  });
}

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Sends the workspace's pending owner invitation again with a fresh link (the old link stops
 * working) and a fresh week; for an NPM whose first owner lost or never got the e-mail.
 */
export async function resendOwnerInvitation(operator: PlatformOperator, workspaceId: string, appUrl: string) {
  return onWorkspace(workspaceId, async (tx, workspace) => {
    const invitation = await tx.invitation.findFirst({
      where: { tenantId: workspace.id, role: "owner", acceptedAt: null, revokedAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true },
    });
    if (!invitation) fail("NOT_FOUND", "platformErrors.noOwnerInvitation");
    const { token, hash } = generateOpaqueToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    await tx.invitation.update({ where: { tenantId_id: { tenantId: workspace.id, id: invitation.id } }, data: { tokenHash: hash, expiresAt }, select: { id: true } });
    await recordOperatorAction(tx, operator, workspace, "invitation.resent", { invitationId: invitation.id, email: invitation.email });
    // Sent inside the transaction: if the mail server refuses, the old link stays valid and nothing is logged.
    await mailer().send(
      invitationMail({
        to: invitation.email, locale: isLocale(workspace.defaultLocale) ? workspace.defaultLocale : "en", workspaceName: workspace.name, inviterName: "Vigil",
        role: "owner", acceptUrl: `${appUrl.replace(/\/$/, "")}/invitations/${token}`, expiresAt,
      }),
    );
    return { email: invitation.email, expiresAt };
  });
}

/** The platform audit log, newest first. */
export function listPlatformAudit(limit = 100) {
  return privilegedDb().platformAuditEvent.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, operatorEmail: true, action: true, workspaceSlug: true, details: true, createdAt: true },
  });
}
