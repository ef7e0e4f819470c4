import { withTenant } from "@vigil/db";
import { expect, it } from "vitest";
import { createTestUser, createTestWorkspace, addMember, type TestUser } from "../testing/index.ts";
import type { DemoWorkspaceContext } from "./context.ts";
import { ANDRII, JELENA, MARKO, OLENA, seedJointVisits } from "./joint-visits.ts";
import { seedTemplates } from "./templates.ts";

async function context(countryCode: string, owner: TestUser, others: [string, TestUser][], ownerEmail: string): Promise<DemoWorkspaceContext> {
  const ws = await createTestWorkspace(owner);
  for (const [, user] of others) await addMember(ws.id, user, "monitor");
  return { tenantId: ws.id, slug: ws.slug, countryCode, ownerId: owner.id, memberIds: new Map([[ownerEmail, owner.id], ...others.map(([email, user]) => [email, user.id] as [string, string])]) };
}

it("Serbia's NPM hosts Ukraine's in December 2014 at a prison and a police station; Andrii's answers are attributed to him", async () => {
  const [jelena, marko, olena, andrii] = await Promise.all([createTestUser("Jelena"), createTestUser("Marko"), createTestUser("Olena"), createTestUser("Andrii")]);
  const serbia = await context("RS", jelena, [[MARKO, marko]], JELENA);
  const ukraine = await context("UA", olena, [[ANDRII, andrii]], OLENA);
  await seedTemplates(serbia);
  await withTenant(serbia.tenantId, null, (tx) =>
    tx.place.createMany({
      data: [
        { tenantId: serbia.tenantId, name: "Correctional Institution Sremska Mitrovica", type: "prison" },
        { tenantId: serbia.tenantId, name: "Police Department Niš", type: "police_custody" },
      ],
    }),
  );

  await seedJointVisits([serbia, ukraine]);

  const partners = await withTenant(serbia.tenantId, null, (tx) =>
    tx.visitPartner.findMany({ select: { status: true, partnerTenantId: true, visit: { select: { plannedStart: true, place: { select: { type: true } } } }, members: { select: { userId: true } } } }),
  );
  expect(partners.map((p) => [p.status, p.partnerTenantId, p.visit.plannedStart.toISOString().slice(0, 7), p.members.length]).sort()).toEqual([
    ["accepted", ukraine.tenantId, "2014-12", 2],
    ["accepted", ukraine.tenantId, "2014-12", 2],
  ]);
  expect(partners.map((p) => p.visit.place.type).sort()).toEqual(["police_custody", "prison"]);
  const answers = await withTenant(serbia.tenantId, null, (tx) => tx.checklistAnswer.findMany({ select: { updatedById: true } }));
  expect(answers).toHaveLength(4);
  expect(new Set(answers.map((a) => a.updatedById))).toEqual(new Set([andrii.id]));
  const audited = await withTenant(ukraine.tenantId, null, (tx) => tx.auditEvent.findMany({ where: { action: { startsWith: "jointVisit." } }, select: { action: true } }));
  expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(["jointVisit.invited", "jointVisit.accepted", "jointVisit.memberNominated"]));
});
