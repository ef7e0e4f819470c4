import { randomUUID } from "node:crypto";
import { withTenant } from "@vigil/db";
import { privilegedDb } from "@vigil/db/privileged";
import { z } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { ROLE_ORDER } from "../core/roles.ts";
import { appRouter } from "../router.ts";
import { addMember, callerFor, codeOf, createTestUser, createTestWorkspace } from "../testing/index.ts";
import { useSmtpReceiver } from "../testing/smtp.ts";
import { createRoleMatrix, type RoleMatrix } from "./matrix.ts";
import { TENANT_PROCEDURES } from "./tenant-procedures.ts";

/**
 * The application lock, for every procedure inside a workspace: signed-out callers, members of
 * another workspace and members below the procedure's role are refused, before anything is read.
 */
useSmtpReceiver();
let matrix: RoleMatrix;

beforeAll(async () => {
  matrix = await createRoleMatrix();
});

describe("every tenant procedure", () => {
  it("is listed here (a new tenant procedure must be added to its group in procedures-*.ts)", () => {
    const takesTenantSlug = Object.entries(appRouter._def.procedures)
      .filter(([, procedure]) =>
        (procedure as unknown as { _def: { inputs: unknown[] } })._def.inputs.some((input) => input instanceof z.ZodObject && "tenantSlug" in input.shape),
      )
      .map(([path]) => path)
      .sort();
    expect(takesTenantSlug).toEqual(Object.keys(TENANT_PROCEDURES).sort());
  });

  it.each(Object.keys(TENANT_PROCEDURES))("%s refuses signed-out callers", async (path) => {
    const { caller } = await callerFor(null);
    expect(await codeOf(TENANT_PROCEDURES[path]!.call(caller, matrix.workspace.slug))).toBe("UNAUTHORIZED");
  });

  it.each(Object.keys(TENANT_PROCEDURES))("%s answers NOT_FOUND to a member of another workspace", async (path) => {
    const { caller } = await callerFor(matrix.outsider);
    expect(await codeOf(TENANT_PROCEDURES[path]!.call(caller, matrix.workspace.slug))).toBe("NOT_FOUND");
  });

  it.each(Object.keys(TENANT_PROCEDURES))("%s refuses roles below its minimum and admits the rest", async (path) => {
    const { minRole, admitted, call } = TENANT_PROCEDURES[path]!;
    for (const role of ROLE_ORDER) {
      const { caller } = await callerFor(matrix.byRole.get(role)!);
      const code = await codeOf(call(caller, matrix.workspace.slug));
      const allowed = ROLE_ORDER.indexOf(role) <= ROLE_ORDER.indexOf(minRole);
      expect(code, `${role} on ${path}`).toBe(allowed ? admitted : "FORBIDDEN");
    }
  });
});

describe("ids from another workspace", () => {
  it("cannot be changed, removed or revoked through one's own workspace", async () => {
    const other = await createTestWorkspace(matrix.outsider);
    const victim = await createTestUser();
    const victimMembership = await addMember(other.id, victim, "monitor");
    const invitation = await withTenant(other.id, null, (tx) =>
      tx.invitation.create({ data: { tenantId: other.id, email: "x@example.org", role: "viewer", tokenHash: Buffer.from(randomUUID()), expiresAt: new Date(Date.now() + 60_000) } }),
    );
    const { caller } = await callerFor(matrix.owner);
    expect(await codeOf(caller.members.changeRole({ tenantSlug: matrix.workspace.slug, membershipId: victimMembership.id, role: "admin" }))).toBe("NOT_FOUND");
    expect(await codeOf(caller.members.remove({ tenantSlug: matrix.workspace.slug, membershipId: victimMembership.id }))).toBe("NOT_FOUND");
    expect(await codeOf(caller.members.revokeInvitation({ tenantSlug: matrix.workspace.slug, invitationId: invitation.id }))).toBe("NOT_FOUND");
    // Nor by naming the other workspace's slug.
    expect(await codeOf(caller.members.list({ tenantSlug: other.slug }))).toBe("NOT_FOUND");

    const unchanged = await withTenant(other.id, null, (tx) => tx.membership.findFirst({ where: { id: victimMembership.id } }));
    expect(unchanged?.role).toBe("monitor");
    const stillPending = await withTenant(other.id, null, (tx) => tx.invitation.findFirst({ where: { id: invitation.id } }));
    expect(stillPending?.revokedAt).toBeNull();
  });

  it("a person in two workspaces appears once, in each workspace's own list", async () => {
    const both = await createTestUser();
    const second = await createTestWorkspace(matrix.outsider);
    await addMember(matrix.workspace.id, both, "viewer");
    await addMember(second.id, both, "monitor");
    const { caller } = await callerFor(both);
    const here = await caller.members.list({ tenantSlug: matrix.workspace.slug });
    expect(here.filter((m) => m.user.id === both.id).map((m) => m.role)).toEqual(["viewer"]);
    const there = await caller.members.list({ tenantSlug: second.slug });
    expect(there.map((m) => m.user.id).sort()).toEqual([matrix.outsider.id, both.id].sort());
    expect((await caller.workspaces.mine()).map((w) => w.slug).sort()).toEqual([matrix.workspace.slug, second.slug].sort());
    await withTenant(matrix.workspace.id, null, (tx) => tx.membership.deleteMany({ where: { userId: both.id } }));
  });

  it("members.list shows only this workspace's members", async () => {
    const { caller } = await callerFor(matrix.byRole.get("viewer")!);
    const members = await caller.members.list({ tenantSlug: matrix.workspace.slug });
    expect(members.map((m) => m.user.id).sort()).toEqual([...matrix.byRole.values()].map((u) => u.id).sort());
    expect(members.some((m) => m.user.id === matrix.outsider.id)).toBe(false);
    expect(await privilegedDb().user.count({ where: { id: matrix.outsider.id } })).toBe(1);
  });
});
