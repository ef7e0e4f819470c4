import { TRPCError } from "@trpc/server";
import { withTenant } from "@vigil/db";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, callerFor, createTestUser, createTestWorkspace, refusalOf, type TestUser } from "../testing/index.ts";
import { createTestVisit } from "../testing/visits.ts";

let owner: TestUser, monitor: TestUser, viewer: TestUser;
let workspace: { id: string; slug: string };
let visitId: string;
const finding = { theme: "Material conditions", text: "Cell 3 has no natural light and no call button.", severity: "high" as const };

beforeAll(async () => {
  [owner, monitor, viewer] = await Promise.all([createTestUser(), createTestUser(), createTestUser()]);
  workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, monitor, "monitor");
  await addMember(workspace.id, viewer, "viewer");
  visitId = (await createTestVisit(workspace.id)).id;
});

describe("findings", () => {
  it("a monitor records, edits and deletes a finding; every change is audited", async () => {
    const { caller } = await callerFor(monitor);
    const created = await caller.findings.create({ tenantSlug: workspace.slug, visitId, ...finding });
    expect(created).toMatchObject({ ...finding, createdBy: { name: monitor.name } });
    await caller.findings.update({ tenantSlug: workspace.slug, findingId: created.id, ...finding, severity: "critical" });
    const listed = await caller.findings.list({ tenantSlug: workspace.slug, visitId });
    expect(listed.findings.map((f) => [f.id, f.severity])).toContainEqual([created.id, "critical"]);
    await caller.findings.delete({ tenantSlug: workspace.slug, findingId: created.id });
    expect((await caller.findings.list({ tenantSlug: workspace.slug, visitId })).findings.map((f) => f.id)).not.toContain(created.id);
    const actions = await withTenant(workspace.id, null, (tx) => tx.auditEvent.findMany({ where: { targetId: created.id }, orderBy: { createdAt: "asc" }, select: { action: true } }));
    expect(actions.map((a) => a.action)).toEqual(["finding.created", "finding.updated", "finding.deleted"]);
  });

  it("a viewer can read findings but cannot add, change or delete one", async () => {
    const { caller: monitorCaller } = await callerFor(monitor);
    const created = await monitorCaller.findings.create({ tenantSlug: workspace.slug, visitId, ...finding });
    const { caller } = await callerFor(viewer);
    expect((await caller.findings.list({ tenantSlug: workspace.slug, visitId })).findings.map((f) => f.id)).toContain(created.id);
    expect(await refusalOf(caller.findings.create({ tenantSlug: workspace.slug, visitId, ...finding }))).toBe("FORBIDDEN errors.forbidden");
    expect(await refusalOf(caller.findings.update({ tenantSlug: workspace.slug, findingId: created.id, ...finding }))).toBe("FORBIDDEN errors.forbidden");
    expect(await refusalOf(caller.findings.delete({ tenantSlug: workspace.slug, findingId: created.id }))).toBe("FORBIDDEN errors.forbidden");
  });

  it("refuses an empty theme with a message for that field, and any change once the report is sent", async () => {
    const { caller } = await callerFor(monitor);
    const error = await caller.findings.create({ tenantSlug: workspace.slug, visitId, ...finding, theme: "  " }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    const sent = await createTestVisit(workspace.id, { status: "report_sent" });
    expect(await refusalOf(caller.findings.create({ tenantSlug: workspace.slug, visitId: sent.id, ...finding }))).toBe("CONFLICT visitErrors.notEditable");
  });

  it("another workspace's member can neither read nor change them, even with the ids", async () => {
    const { caller: monitorCaller } = await callerFor(monitor);
    const created = await monitorCaller.findings.create({ tenantSlug: workspace.slug, visitId, ...finding });
    const stranger = await createTestUser();
    const theirs = await createTestWorkspace(stranger);
    const { caller } = await callerFor(stranger);
    const attempts = [
      () => caller.findings.list({ tenantSlug: theirs.slug, visitId }),
      () => caller.findings.create({ tenantSlug: theirs.slug, visitId, ...finding }),
      () => caller.findings.update({ tenantSlug: theirs.slug, findingId: created.id, ...finding, theme: "Hijacked" }),
      () => caller.findings.delete({ tenantSlug: theirs.slug, findingId: created.id }),
      () => caller.findings.list({ tenantSlug: workspace.slug, visitId }),
    ];
    for (const attempt of attempts) expect(await refusalOf(attempt())).toBe("NOT_FOUND errors.notFound");
    const unchanged = await withTenant(workspace.id, null, (tx) => tx.finding.findFirst({ where: { id: created.id } }));
    expect(unchanged?.theme).toBe(finding.theme);
  });
});
