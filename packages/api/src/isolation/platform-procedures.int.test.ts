import { randomBytes } from "node:crypto";
import { asUser, withTenant } from "@vigil/db";
import { privilegedDb } from "@vigil/db/privileged";
import { beforeAll, describe, expect, it } from "vitest";
import { createSession } from "@vigil/auth";
import { SECOND_FACTOR_DUE, TWO_FACTOR_REQUIRED } from "../core/two-factor-policy.ts";
import { setPlatformOperator } from "../platform/operators.ts";
import { createTestOperator } from "../platform/testing.ts";
import { appRouter } from "../router.ts";
import { callerFor, createTestUser, createTestVisit, createWorkspaceWithRoles, refusalOf, type TestUser } from "../testing/index.ts";
import type { Caller } from "./matrix.ts";

/**
 * The operator console (decision 0231): only operators signed in with a second factor reach its
 * procedures, and an operator gets no tenant scope, so row-level security refuses them a
 * workspace's visits, interviews, reports and files whichever way they ask.
 */
const workspaceId = "00000000-0000-4000-8000-000000000000";
const PLATFORM_PROCEDURES: Record<string, (caller: Caller) => Promise<unknown>> = {
  "platform.workspaces": (c) => c.platform.workspaces(),
  "platform.audit": (c) => c.platform.audit(),
  "platform.setVerification": (c) => c.platform.setVerification({ workspaceId, verified: true, note: null }),
  "platform.suspend": (c) => c.platform.suspend({ workspaceId, reason: "test" }),
  "platform.liftSuspension": (c) => c.platform.liftSuspension({ workspaceId }),
  "platform.setPlanOverride": (c) => c.platform.setPlanOverride({ workspaceId, planKey: null }),
  "platform.resendOwnerInvitation": (c) => c.platform.resendOwnerInvitation({ workspaceId }),
};

let operator: TestUser;
let withoutSecondFactor: TestUser;
/** The enrolled operator's session signed in with the password alone (decision 0265). */
let passwordOnlySession: { token: string };
let world: Awaited<ReturnType<typeof createWorkspaceWithRoles>>;
let visitId: string;

beforeAll(async () => {
  [operator, withoutSecondFactor, world] = await Promise.all([createTestOperator(), createTestUser(), createWorkspaceWithRoles()]);
  await setPlatformOperator(withoutSecondFactor.email);
  passwordOnlySession = { token: (await createSession(operator.id)).token };
  // A workspace with one of each confidential record, so an empty answer means "refused", not "none".
  visitId = (await createTestVisit(world.workspace.id)).id;
  await withTenant(world.workspace.id, world.owner.id, async (tx) => {
    const tenantId = world.workspace.id;
    await tx.interview.create({ data: { tenantId, visitId, pseudonym: "P-1", category: "detainee", consentGiven: true } });
    await tx.finding.create({ data: { tenantId, visitId, theme: "cells", text: "No light", severity: "high" } });
    await tx.report.create({ data: { tenantId, visitId, language: "en" } });
    await tx.attachment.create({ data: { tenantId, visitId, fileName: "cell.jpg", contentType: "image/jpeg", sizeBytes: 3n, sha256: randomBytes(32), storageKey: randomBytes(16).toString("hex") } });
  });
});

describe("every platform procedure", () => {
  it("is listed here", () => {
    const platform = Object.keys(appRouter._def.procedures).filter((path) => path.startsWith("platform.")).sort();
    expect(platform).toEqual(Object.keys(PLATFORM_PROCEDURES).sort());
  });

  it.each(Object.keys(PLATFORM_PROCEDURES))("%s refuses signed-out callers, workspace owners, operators without two-factor and sessions without it", async (path) => {
    const call = PLATFORM_PROCEDURES[path]!;
    expect(await refusalOf(call((await callerFor(null)).caller))).toBe("UNAUTHORIZED errors.unauthorized");
    expect(await refusalOf(call((await callerFor(world.owner)).caller))).toBe("FORBIDDEN errors.forbidden");
    expect(await refusalOf(call((await callerFor(withoutSecondFactor)).caller))).toBe(`FORBIDDEN ${TWO_FACTOR_REQUIRED}`);
    expect(await refusalOf(call((await callerFor(passwordOnlySession)).caller))).toBe(`FORBIDDEN ${SECOND_FACTOR_DUE}`);
  });
});

describe("an operator", () => {
  it("is refused a workspace's visits, interviews, reports and files through its procedures", async () => {
    const { caller } = await callerFor(operator);
    const tenantSlug = world.workspace.slug;
    const attachmentId = (await privilegedDb().attachment.findFirstOrThrow({ where: { tenantId: world.workspace.id }, select: { id: true } })).id;
    for (const call of [
      () => caller.visits.list({ tenantSlug }),
      () => caller.visits.get({ tenantSlug, visitId }),
      () => caller.interviews.list({ tenantSlug, visitId }),
      () => caller.findings.list({ tenantSlug, visitId }),
      () => caller.reports.get({ tenantSlug, visitId }),
      () => caller.attachments.open({ tenantSlug, attachmentId }),
    ]) {
      expect(await refusalOf(call())).toBe("NOT_FOUND errors.notFound");
    }
  });

  it("reads nothing of them in the database, as the application role with the operator's own scope", async () => {
    const counts = await asUser(operator.id, async (tx) => [
      await tx.visit.count(), await tx.interview.count(), await tx.finding.count(), await tx.report.count(), await tx.attachment.count(),
      await tx.auditEvent.count(), await tx.membership.count({ where: { tenantId: world.workspace.id } }),
    ]);
    expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // They are there: the owner role sees them.
    const tenantId = world.workspace.id;
    expect(await privilegedDb().interview.count({ where: { tenantId } })).toBe(1);
    expect(await privilegedDb().attachment.count({ where: { tenantId } })).toBe(1);
  });

  it("cannot give itself a tenant scope either: naming the workspace does not make one a member", async () => {
    const { caller } = await callerFor(operator);
    expect(await refusalOf(caller.workspaces.current({ tenantSlug: world.workspace.slug }))).toBe("NOT_FOUND errors.notFound");
    expect((await caller.workspaces.mine()).length).toBe(0);
  });

  it("sees the workspace in the console with its metadata and storage size, not its records", async () => {
    const { caller } = await callerFor(operator);
    const { workspaces } = await caller.platform.workspaces({ search: world.workspace.slug });
    expect(workspaces).toHaveLength(1);
    expect(workspaces[0]).toMatchObject({ memberCount: 3, storageBytes: 3 });
    expect(JSON.stringify(workspaces)).not.toMatch(/P-1|No light|cell\.jpg/);
  });
});
