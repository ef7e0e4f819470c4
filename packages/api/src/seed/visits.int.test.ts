import { withTenant } from "@vigil/db";
import { expect, it } from "vitest";
import { addMember, createTestUser, createTestWorkspace } from "../testing/index.ts";
import { createTestPlace, createTestTemplate } from "../testing/visits.ts";
import { seedVisits } from "./visits.ts";

// The registry and template seeds are built in parallel: this test gives the visit seed the places
// and templates those seeds name, in a workspace of its own.
it("seeds visits in every status, including the Kruševac night visit with its template and team", async () => {
  const owner = await createTestUser("Jelena");
  const monitor = await createTestUser("Marko");
  const workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, monitor, "monitor");
  await createTestPlace(workspace.id, { name: "Police Department Kruševac", type: "police_custody" });
  await createTestPlace(workspace.id, { name: "Belgrade District Prison", type: "prison" });
  const custody = await createTestTemplate(workspace.id, ["police_custody"]);
  const prison = await createTestTemplate(workspace.id, ["prison", "pre_trial_detention"]);
  await withTenant(workspace.id, null, async (tx) => {
    await tx.checklistTemplate.update({ where: { tenantId_id: { tenantId: workspace.id, id: custody.templateId } }, data: { name: "Police custody" } });
    await tx.checklistTemplate.update({ where: { tenantId_id: { tenantId: workspace.id, id: prison.templateId } }, data: { name: "Prison" } });
  });
  const memberIds = new Map([
    ["jelena.petrovic@npm-serbia.example", owner.id],
    ["marko.jovanovic@npm-serbia.example", monitor.id],
  ]);

  await seedVisits({ tenantId: workspace.id, slug: workspace.slug, countryCode: "RS", ownerId: owner.id, memberIds });

  const visits = await withTenant(workspace.id, null, (tx) =>
    tx.visit.findMany({ include: { place: true, templateVersion: { include: { template: true } }, team: { orderBy: { visitRole: "asc" } } } }),
  );
  expect([...new Set(visits.map((v) => v.status))].sort()).toEqual(["cancelled", "closed", "in_progress", "planned", "report_drafting", "report_sent"]);
  const night = visits.find((v) => v.nightVisit && v.plannedStart.toISOString().startsWith("2014-06-12"))!;
  expect(night).toMatchObject({ type: "ad_hoc", announced: false, status: "closed" });
  expect(night.plannedEnd.toISOString().slice(0, 10)).toBe("2014-06-12");
  expect(night.place.name).toBe("Police Department Kruševac");
  expect([night.templateVersion?.template.name, night.templateVersion?.version]).toEqual(["Police custody", 1]);
  expect(night.team.map((m) => [m.visitRole, m.userId ?? m.externalName])).toEqual([
    ["lead", owner.id],
    ["monitor", monitor.id],
    ["doctor", "Dr Dragan Milić"],
  ]);
  // Each status was reached through audited transitions.
  const trail = await withTenant(workspace.id, null, (tx) => tx.auditEvent.findMany({ where: { targetId: night.id }, orderBy: { id: "asc" } }));
  expect(trail.filter((e) => e.action === "visit.statusChanged")).toHaveLength(4);
});
