import { privilegedDb } from "@vigil/db/privileged";
import { describe, expect, it } from "vitest";
import { addMember, callerFor, createTestUser, createTestWorkspace } from "../testing/index.ts";

/** Log rows at known times: written with the owner role, since the app role may only append with now(). */
async function seedLog(tenantId: string, actorId: string, count: number, action: string, targetType: string, at: (i: number) => Date) {
  await privilegedDb().auditEvent.createMany({
    data: Array.from({ length: count }, (_, i) => ({ tenantId, actorId, action, targetType, targetId: `${targetType}-${i}`, ipAddress: "10.60.0.1", createdAt: at(i) })),
  });
}

describe("audit log", () => {
  it("pages newest first without repeats, filters by user, action, record type and date, and stays in its workspace", async () => {
    const owner = await createTestUser("Olga Owner");
    const workspace = await createTestWorkspace(owner);
    const admin = await createTestUser("Adam Admin");
    await addMember(workspace.id, admin, "admin");
    const base = Date.UTC(2026, 5, 1);
    await seedLog(workspace.id, owner.id, 40, "place.created", "place", (i) => new Date(base + i * 60_000));
    await seedLog(workspace.id, admin.id, 25, "visit.updated", "visit", (i) => new Date(base + 2 * 86_400_000 + i * 60_000));
    const stranger = await createTestUser();
    const elsewhere = await createTestWorkspace(stranger);
    await seedLog(elsewhere.id, stranger.id, 5, "place.created", "place", (i) => new Date(base + i * 60_000));

    const { caller } = await callerFor(admin);
    const filter = { from: "2026-06-01", to: "2026-06-30" };
    const first = await caller.auditLog.list({ tenantSlug: workspace.slug, filter });
    expect(first.events).toHaveLength(50);
    const second = await caller.auditLog.list({ tenantSlug: workspace.slug, filter, cursor: first.nextCursor! });
    expect(second.events).toHaveLength(15);
    expect(second.nextCursor).toBeNull();
    const all = [...first.events, ...second.events];
    expect(new Set(all.map((e) => e.id)).size).toBe(65);
    const times = all.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all[0]).toMatchObject({ action: "visit.updated", actor: { name: "Adam Admin" }, ipAddress: "10.60.0.1" });

    const byActor = await caller.auditLog.list({ tenantSlug: workspace.slug, filter: { actorId: owner.id } });
    expect(byActor.events.filter((e) => e.targetType === "place")).toHaveLength(40);
    expect(byActor.events.every((e) => e.actor?.id === owner.id)).toBe(true);
    const byType = await caller.auditLog.list({ tenantSlug: workspace.slug, filter: { targetType: "visit", action: "visit.updated" } });
    expect(byType.events).toHaveLength(25);
    const oneDay = await caller.auditLog.list({ tenantSlug: workspace.slug, filter: { from: "2026-06-03", to: "2026-06-03" } });
    expect(oneDay.events).toHaveLength(25);

    const options = await caller.auditLog.filterOptions({ tenantSlug: workspace.slug });
    expect(options.actions).toEqual(expect.arrayContaining(["place.created", "visit.updated"]));
    expect(options.actors.map((a) => a.id).sort()).toEqual([owner.id, admin.id].sort());
  });

  it("exports the filtered log as CSV, with spreadsheet formulas neutralised, and nothing of another workspace", async () => {
    const owner = await createTestUser("=HYPERLINK(\"x\")");
    const workspace = await createTestWorkspace(owner);
    await seedLog(workspace.id, owner.id, 3, "member.invited", "invitation", (i) => new Date(Date.UTC(2026, 6, 1) + i * 1000));
    const stranger = await createTestUser();
    const elsewhere = await createTestWorkspace(stranger);
    await seedLog(elsewhere.id, stranger.id, 2, "member.invited", "secret-record", (i) => new Date(Date.UTC(2026, 6, 1) + i * 1000));

    const csv = await (await callerFor(owner)).caller.auditLog.exportCsv({ tenantSlug: workspace.slug, filter: { action: "member.invited" } });
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("time,actor_name,actor_email,action,record_type,record_id,ip_address,details");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toContain("secret-record");
  });
});
