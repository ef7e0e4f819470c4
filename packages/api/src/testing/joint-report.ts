import { withTenant } from "@vigil/db";
import type { Locale } from "@vigil/i18n";
import { callerFor, createTestUser, createTestWorkspace, type TestUser } from "./index.ts";
import { createKrusevacVisit } from "./recommendations.ts";

export type SiteWorkspace = { id: string; slug: string; owner: TestUser };

/** A workspace that accepts joint visits, with its public site on in the given languages. */
export async function createWorkspaceWithSite(languages: Locale[]): Promise<SiteWorkspace> {
  const owner = await createTestUser();
  const workspace = await createTestWorkspace(owner);
  const { caller } = await callerFor(owner);
  await caller.jointVisits.setAllowed({ tenantSlug: workspace.slug, allow: true });
  await caller.publicSite.saveSettings({ tenantSlug: workspace.slug, enabled: true, languages, mandate: {} });
  return { id: workspace.id, slug: workspace.slug, owner };
}

/**
 * A host's visit with a sent report (not yet published) that the partner took part in: invited by
 * the host, accepted by the partner, through the joint-visit procedures.
 */
export async function createJointVisitWithSentReport(host: SiteWorkspace, partner: SiteWorkspace) {
  const { visitId, reportId } = await withTenant(host.id, host.owner.id, async (tx) => {
    const { visit } = await createKrusevacVisit(tx, host.id);
    const report = await tx.report.create({ data: { tenantId: host.id, visitId: visit.id, language: "sr-Cyrl", summary: "Joint visit.", status: "sent", sentAt: new Date("2014-12-30") } });
    return { visitId: visit.id, reportId: report.id };
  });
  await (await callerFor(host.owner)).caller.jointVisits.invite({ tenantSlug: host.slug, visitId, partnerTenantId: partner.id, confirmSlug: partner.slug });
  await (await callerFor(partner.owner)).caller.jointVisits.respond({ tenantSlug: partner.slug, hostTenantId: host.id, visitId, accept: true });
  return { visitId, reportId };
}
