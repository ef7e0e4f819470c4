import type { TenantTx } from "@vigil/db";
import { fail } from "../core/errors.ts";
import type { AuthorityFields } from "./inputs.ts";
import type { Actor } from "../core/actor.ts";
import { recordAudit } from "../core/audit.ts";

/** Every authority (a workspace has tens, not thousands), ministries and institutions by name. */
export function listAuthorities(tx: TenantTx, options: { includeArchived: boolean }) {
  return tx.authority.findMany({
    where: options.includeArchived ? {} : { archivedAt: null },
    select: {
      id: true, kind: true, name: true, nameTranslations: true, contactEmail: true, archivedAt: true,
      parent: { select: { id: true, name: true, nameTranslations: true } },
      _count: { select: { places: true } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

async function findAuthority(tx: TenantTx, authorityId: string) {
  const authority = await tx.authority.findFirst({ where: { id: authorityId }, select: { id: true, kind: true, archivedAt: true } });
  if (!authority) fail("NOT_FOUND", "errors.notFound");
  return authority;
}

/** An institution may name the ministry it answers to; a ministry answers to nobody here. */
async function assertValidParent(tx: TenantTx, fields: AuthorityFields, selfId?: string) {
  if (!fields.parentId) return;
  if (fields.kind === "ministry") fail("BAD_REQUEST", "authorityErrors.ministryHasNoParent", {}, "parentId");
  const parent = await tx.authority.findFirst({ where: { id: fields.parentId }, select: { id: true, kind: true } });
  if (!parent || parent.id === selfId || parent.kind !== "ministry") fail("BAD_REQUEST", "authorityErrors.parentNotMinistry", {}, "parentId");
}

export async function createAuthority(tx: TenantTx, actor: Actor, fields: AuthorityFields) {
  await assertValidParent(tx, fields);
  const authority = await tx.authority.create({ data: { tenantId: actor.tenantId, ...fields }, select: { id: true, name: true, kind: true } });
  await recordAudit(tx, actor, { action: "authority.created", targetType: "authority", targetId: authority.id, details: { ...fields } });
  return authority;
}

export async function updateAuthority(tx: TenantTx, actor: Actor, authorityId: string, fields: AuthorityFields) {
  const current = await findAuthority(tx, authorityId);
  await assertValidParent(tx, fields, authorityId);
  // A ministry that institutions answer to cannot become an institution: they would point at one.
  if (current.kind === "ministry" && fields.kind === "institution" && (await tx.authority.count({ where: { parentId: authorityId } })) > 0) {
    fail("CONFLICT", "authorityErrors.hasInstitutions", {}, "kind");
  }
  const authority = await tx.authority.update({
    where: { tenantId_id: { tenantId: actor.tenantId, id: authorityId } },
    data: { ...fields, updatedAt: new Date() },
    select: { id: true, name: true, kind: true },
  });
  await recordAudit(tx, actor, { action: "authority.updated", targetType: "authority", targetId: authorityId, details: { ...fields } });
  return authority;
}

export async function setAuthorityArchived(tx: TenantTx, actor: Actor, authorityId: string, archived: boolean) {
  const current = await findAuthority(tx, authorityId);
  if (Boolean(current.archivedAt) === archived) return { id: authorityId, archived };
  await tx.authority.update({ where: { tenantId_id: { tenantId: actor.tenantId, id: authorityId } }, data: { archivedAt: archived ? new Date() : null, updatedAt: new Date() } });
  await recordAudit(tx, actor, { action: archived ? "authority.archived" : "authority.unarchived", targetType: "authority", targetId: authorityId });
  return { id: authorityId, archived };
}
