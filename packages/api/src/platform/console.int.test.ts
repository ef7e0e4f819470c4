import { randomUUID } from "node:crypto";
import { hashSecret } from "@vigil/auth";
import { asUser, withTenant } from "@vigil/db";
import { privilegedDb } from "@vigil/db/privileged";
import { LOCALES, translator } from "@vigil/i18n";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { WORKSPACE_SUSPENDED } from "../core/entitlements.ts";
import { TWO_FACTOR_REQUIRED } from "../core/two-factor-policy.ts";
import { TENANT_PROCEDURES } from "../isolation/tenant-procedures.ts";
import { createRoleMatrix, type RoleMatrix } from "../isolation/matrix.ts";
import { appRouter } from "../router.ts";
import { callerFor, codeOf, createTestUser, createTestWorkspace, refusalOf, type TestUser } from "../testing/index.ts";
import { useSmtpReceiver } from "../testing/smtp.ts";
import { PLATFORM_OPERATOR } from "./audit.ts";
import { setPlatformOperator } from "./operators.ts";
import { createTestOperator } from "./testing.ts";

/** The operator console's actions (decision 0231): each one changes the workspace and lands in both audit logs. */
const smtp = useSmtpReceiver();
let operator: TestUser;
let owner: TestUser;
let workspace: { id: string; slug: string };

beforeAll(async () => {
  operator = await createTestOperator();
  owner = await createTestUser();
  workspace = await createTestWorkspace(owner);
});

async function bothLogs(tenantId: string, action: string) {
  const [inWorkspace, onPlatform] = await Promise.all([
    privilegedDb().auditEvent.findMany({ where: { tenantId, action }, select: { actorId: true, details: true } }),
    privilegedDb().platformAuditEvent.findMany({ where: { workspaceId: tenantId, action }, select: { operatorId: true, operatorEmail: true, details: true } }),
  ]);
  return { inWorkspace, onPlatform };
}

describe("the workspace list", () => {
  it("shows each workspace's metadata and nothing else", async () => {
    const { caller } = await callerFor(operator);
    const { workspaces, plans } = await caller.platform.workspaces({ search: workspace.slug });
    expect(workspaces).toHaveLength(1);
    const [row] = workspaces;
    expect(Object.keys(row!).sort()).toEqual(
      ["id", "slug", "name", "countryCode", "createdAt", "verifiedAt", "suspendedAt", "suspensionReason", "planOverride", "deletionRequestedAt",
        "planKey", "billingStatus", "memberCount", "storageBytes", "lastActiveAt", "pendingOwnerInvitations"].sort(),
    );
    expect(row).toMatchObject({ id: workspace.id, slug: workspace.slug, countryCode: "RS", memberCount: 1, storageBytes: 0, verifiedAt: null, suspendedAt: null });
    expect(row!.lastActiveAt).toBeInstanceOf(Date);
    expect(plans.map((plan) => plan.key)).toContain("free");
  });
});

describe("verification", () => {
  it("verifies and un-verifies, in the workspace's log and the platform's", async () => {
    const target = await createTestWorkspace(await createTestUser());
    const { caller } = await callerFor(operator);
    expect(await caller.platform.setVerification({ workspaceId: target.id, verified: true, note: "OPCAT NPM list" })).toMatchObject({ changed: true });
    expect((await privilegedDb().tenant.findUniqueOrThrow({ where: { id: target.id } })).verifiedAt).toBeInstanceOf(Date);
    expect(await caller.platform.setVerification({ workspaceId: target.id, verified: false, note: null })).toMatchObject({ changed: true, verifiedAt: null });
    const verified = await bothLogs(target.id, "workspace.verified");
    expect(verified.inWorkspace).toEqual([{ actorId: null, details: { actor: PLATFORM_OPERATOR, operator: operator.email, countryCode: "RS", note: "OPCAT NPM list" } }]);
    expect(verified.onPlatform).toEqual([{ operatorId: operator.id, operatorEmail: operator.email, details: { countryCode: "RS", note: "OPCAT NPM list" } }]);
    expect((await bothLogs(target.id, "workspace.verificationRevoked")).onPlatform).toHaveLength(1);
  });
});

describe("suspension", () => {
  let matrix: RoleMatrix;
  beforeAll(async () => {
    matrix = await createRoleMatrix();
    const { caller } = await callerFor(operator);
    await caller.platform.suspend({ workspaceId: matrix.workspace.id, reason: "  Unpaid invoice since March; call us  " });
  });

  // Paying (Checkout, the Portal), exporting and restoring change nothing in the workspace's records;
  // opening evidence and reading interview notes are reads, mutations only for their audit rows
  // (decision 0243's review).
  const stillOpen = new Set([
    "billing.startCheckout", "billing.openPortal", "workspaceDeletion.restore", "workspaceExport.start", "attachments.open", "jointVisits.openEvidence", "interviews.readNotes",
  ]);
  const mutations = Object.keys(TENANT_PROCEDURES).filter(
    (path) => (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]!._def.type === "mutation" && !stillOpen.has(path),
  );

  it("covers the workspace's mutations", () => {
    expect(mutations.length).toBeGreaterThan(40);
  });

  it.each(mutations)("%s is refused for the owner with the suspension's message", async (path) => {
    const { caller } = await callerFor(matrix.owner);
    expect(await refusalOf(TENANT_PROCEDURES[path]!.call(caller, matrix.workspace.slug))).toBe(`FORBIDDEN ${WORKSPACE_SUSPENDED}`);
  });

  it("leaves reading open, tells every member, and the reason only to owners", async () => {
    const viewer = (await callerFor(matrix.byRole.get("viewer")!)).caller;
    expect(await codeOf(viewer.members.list({ tenantSlug: matrix.workspace.slug }))).toBe("OK");
    expect(await viewer.billing.status({ tenantSlug: matrix.workspace.slug })).toMatchObject({ suspended: true, suspensionReason: null });
    const ownerCaller = (await callerFor(matrix.owner)).caller;
    expect(await ownerCaller.billing.status({ tenantSlug: matrix.workspace.slug })).toMatchObject({ suspended: true, suspensionReason: "Unpaid invoice since March; call us" });
  });

  it("has its refusal translated in every language", () => {
    for (const locale of LOCALES) expect(translator(locale)(WORKSPACE_SUSPENDED), locale).not.toBe(WORKSPACE_SUSPENDED);
  });

  it("is logged in both logs, and lifting it opens the workspace again", async () => {
    const suspended = await bothLogs(matrix.workspace.id, "workspace.suspended");
    expect(suspended.inWorkspace).toEqual([{ actorId: null, details: { actor: PLATFORM_OPERATOR, operator: operator.email, reason: "Unpaid invoice since March; call us" } }]);
    expect(suspended.onPlatform).toHaveLength(1);

    const { caller } = await callerFor(operator);
    expect(await caller.platform.liftSuspension({ workspaceId: matrix.workspace.id })).toEqual({ changed: true });
    expect(await caller.platform.liftSuspension({ workspaceId: matrix.workspace.id })).toEqual({ changed: false });
    const ownerCaller = (await callerFor(matrix.owner)).caller;
    expect(await codeOf(ownerCaller.members.invite({ tenantSlug: matrix.workspace.slug, email: "after-lift@example.org", role: "viewer" }))).toBe("OK");
    expect((await bothLogs(matrix.workspace.id, "workspace.suspensionLifted")).onPlatform).toHaveLength(1);
  });

  it("refuses a blank or overlong reason, and an unknown workspace, changing nothing", async () => {
    const target = await createTestWorkspace(await createTestUser());
    const { caller } = await callerFor(operator);
    expect(await codeOf(caller.platform.suspend({ workspaceId: target.id, reason: "   " }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.platform.suspend({ workspaceId: target.id, reason: "x".repeat(501) }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller.platform.suspend({ workspaceId: randomUUID(), reason: "Why" }))).toBe("NOT_FOUND");
    expect((await privilegedDb().tenant.findUniqueOrThrow({ where: { id: target.id } })).suspendedAt).toBeNull();
  });
});

describe("plan override", () => {
  // The default plans offer "network" only when its price is configured.
  const saved = process.env.STRIPE_PRICE_NETWORK;
  afterEach(() => {
    if (saved === undefined) delete process.env.STRIPE_PRICE_NETWORK;
    else process.env.STRIPE_PRICE_NETWORK = saved;
  });

  it("grants a plan this installation offers, logged; refuses one it does not", async () => {
    process.env.STRIPE_PRICE_NETWORK = "price_network_test";
    const target = await createTestWorkspace(await createTestUser());
    const { caller } = await callerFor(operator);
    expect(await refusalOf(caller.platform.setPlanOverride({ workspaceId: target.id, planKey: "platinum" }))).toBe("BAD_REQUEST platformErrors.unknownPlan");
    expect(await caller.platform.setPlanOverride({ workspaceId: target.id, planKey: "network" })).toEqual({ changed: true });
    expect((await privilegedDb().tenant.findUniqueOrThrow({ where: { id: target.id } })).planOverride).toBe("network");
    expect(await caller.platform.setPlanOverride({ workspaceId: target.id, planKey: null })).toEqual({ changed: true });
    const logged = await bothLogs(target.id, "workspace.planOverridden");
    expect(logged.onPlatform.map((row) => row.details)).toEqual(expect.arrayContaining([{ planKey: "network", previous: null }, { planKey: null, previous: "network" }]));
    expect(logged.inWorkspace).toHaveLength(2);
  });
});

describe("resending an owner invitation", () => {
  it("sends a fresh link to the invited owner; the old link stops working", async () => {
    const target = await createTestWorkspace(await createTestUser());
    const email = `first-owner-${randomUUID().slice(0, 8)}@example.org`;
    const oldHash = hashSecret("old-token");
    await withTenant(target.id, null, (tx) => tx.invitation.create({ data: { tenantId: target.id, email, role: "owner", tokenHash: oldHash, expiresAt: new Date(Date.now() - 1000) } }));
    const { caller } = await callerFor(operator);
    const result = await caller.platform.resendOwnerInvitation({ workspaceId: target.id });
    expect(result.email).toBe(email);
    expect(result.expiresAt.getTime()).toBeGreaterThan(Date.now());
    const mail = await smtp.waitFor(email);
    expect(mail.text).toMatch(/\/invitations\/[A-Za-z0-9_-]+/);
    const stored = await privilegedDb().invitation.findFirstOrThrow({ where: { tenantId: target.id, email } });
    expect(Buffer.from(stored.tokenHash).equals(Buffer.from(oldHash))).toBe(false);
    expect((await bothLogs(target.id, "invitation.resent")).inWorkspace).toHaveLength(1);
  });

  it("says so when the workspace has no pending owner invitation", async () => {
    const { caller } = await callerFor(operator);
    expect(await refusalOf(caller.platform.resendOwnerInvitation({ workspaceId: workspace.id }))).toBe("NOT_FOUND platformErrors.noOwnerInvitation");
  });
});

describe("the platform columns", () => {
  it("cannot be set by the application role, in a workspace or an account scope", async () => {
    await expect(withTenant(workspace.id, owner.id, (tx) => tx.tenant.update({ where: { id: workspace.id }, data: { suspendedAt: null, planOverride: "network" } }))).rejects.toThrow();
    await expect(asUser(owner.id, (tx) => tx.user.update({ where: { id: owner.id }, data: { platformOperatorSince: new Date() } }))).rejects.toThrow();
    expect((await privilegedDb().user.findUniqueOrThrow({ where: { id: owner.id } })).platformOperatorSince).toBeNull();
  });

  it("operators are made and unmade by the command, which logs it", async () => {
    const person = await createTestUser();
    expect(await setPlatformOperator(person.email)).toMatchObject({ changed: true, twoFactorEnabled: false });
    expect(await setPlatformOperator(person.email)).toMatchObject({ changed: false });
    expect(await setPlatformOperator(person.email, true)).toMatchObject({ changed: true });
    expect(await privilegedDb().platformAuditEvent.count({ where: { action: { in: ["operator.added", "operator.removed"] }, details: { equals: { email: person.email } } } })).toBe(2);
    await expect(setPlatformOperator("nobody-here@example.org")).rejects.toThrow(/signs up first/);
  });
});

describe("who may use the console", () => {
  it("refuses signed-out callers, members (even owners), operators without two-factor, and cross-origin changes", async () => {
    const noSecondFactor = await createTestUser();
    await setPlatformOperator(noSecondFactor.email);
    expect(await codeOf((await callerFor(null)).caller.platform.workspaces())).toBe("UNAUTHORIZED");
    expect(await refusalOf((await callerFor(owner)).caller.platform.workspaces())).toBe("FORBIDDEN errors.forbidden");
    expect(await refusalOf((await callerFor(noSecondFactor)).caller.platform.workspaces())).toBe(`FORBIDDEN ${TWO_FACTOR_REQUIRED}`);
    expect(await refusalOf((await callerFor(operator, { origin: "cross" })).caller.platform.suspend({ workspaceId: workspace.id, reason: "x" }))).toBe("FORBIDDEN errors.crossOrigin");
    expect((await privilegedDb().tenant.findUniqueOrThrow({ where: { id: workspace.id } })).suspendedAt).toBeNull();
  });
});
