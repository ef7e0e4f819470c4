import { withTenant } from "@vigil/db";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, callerFor, codeOf, createJointVisitWithSentReport, createTestUser, createWorkspaceWithSite, type SiteWorkspace, type TestUser } from "../testing/index.ts";
import { publicSiteJointVisits } from "./visitor.ts";

/**
 * A partner mentions a joint visit on its own public site (docs/decisions/0257): the visit shows
 * only while the partner mentions it AND the host has published its report; the participation is the
 * only grant, so a workspace that did not take part can neither list nor mention the visit.
 */
let host: SiteWorkspace, partner: SiteWorkspace, stranger: SiteWorkspace;
let visitId: string, reportId: string;

const as = async (user: TestUser) => (await callerFor(user)).caller;

beforeAll(async () => {
  [host, partner, stranger] = await Promise.all([createWorkspaceWithSite(["sr-Cyrl", "en"]), createWorkspaceWithSite(["uk", "en"]), createWorkspaceWithSite(["en"])]);
  ({ visitId, reportId } = await createJointVisitWithSentReport(host, partner));
});

describe("a partner's joint-visit mentions", () => {
  it("show on the partner's site only while mentioned and published by the host; unpublishing takes them off", async () => {
    const p = await as(partner.owner);
    const h = await as(host.owner);
    const [listed] = await p.publicSite.jointVisits({ tenantSlug: partner.slug });
    expect(listed).toMatchObject({ hostTenantId: host.id, visitId, mentioned: false, public: null });

    await p.publicSite.mentionJointVisit({ tenantSlug: partner.slug, hostTenantId: host.id, visitId });
    // Mentioned, but the host has not published the report: nothing of the host's shows.
    expect(await publicSiteJointVisits(partner.slug)).toEqual([]);

    await h.publicSite.publishReport({ tenantSlug: host.slug, reportId });
    const [shown] = await publicSiteJointVisits(partner.slug);
    expect(shown).toMatchObject({ hostSlug: host.slug, reportId, place: { name: "Police Department Kruševac" } });
    expect(JSON.stringify(shown)).not.toContain("Joint visit.");
    expect((await p.publicSite.jointVisits({ tenantSlug: partner.slug }))[0]).toMatchObject({ mentioned: true, public: { reportId } });

    await h.publicSite.unpublishReport({ tenantSlug: host.slug, reportId });
    expect(await publicSiteJointVisits(partner.slug)).toEqual([]);

    // Published but no longer mentioned: nothing shows either.
    await h.publicSite.publishReport({ tenantSlug: host.slug, reportId });
    expect(await publicSiteJointVisits(partner.slug)).toHaveLength(1);
    await p.publicSite.unmentionJointVisit({ tenantSlug: partner.slug, hostTenantId: host.id, visitId });
    expect(await publicSiteJointVisits(partner.slug)).toEqual([]);

    const audit = await withTenant(partner.id, partner.owner.id, (tx) => tx.auditEvent.findMany({ where: { targetId: visitId, action: { startsWith: "publicSite." } }, select: { action: true }, orderBy: { createdAt: "asc" } }));
    expect(audit.map((a) => a.action)).toEqual(["publicSite.jointVisitMentioned", "publicSite.jointVisitUnmentioned"]);
    await h.publicSite.unpublishReport({ tenantSlug: host.slug, reportId });
  });

  it("a workspace that did not take part can neither list nor mention the visit, not even by writing the row", async () => {
    const s = await as(stranger.owner);
    expect(await s.publicSite.jointVisits({ tenantSlug: stranger.slug })).toEqual([]);
    expect(await codeOf(s.publicSite.mentionJointVisit({ tenantSlug: stranger.slug, hostTenantId: host.id, visitId }))).toBe("NOT_FOUND");
    // The host itself is no partner of its own visit.
    expect(await codeOf((await as(host.owner)).publicSite.mentionJointVisit({ tenantSlug: host.slug, hostTenantId: host.id, visitId }))).toBe("NOT_FOUND");
    // Past the procedure's check, the table's policy refuses the row.
    await expect(withTenant(stranger.id, stranger.owner.id, (tx) => tx.publicJointMention.create({ data: { tenantId: stranger.id, hostTenantId: host.id, visitId } }))).rejects.toThrow();
    expect(await publicSiteJointVisits(stranger.slug)).toEqual([]);
  });

  it("refuses a partner's member below coordinator, and a declined or ended participation", async () => {
    const monitor = await createTestUser();
    await addMember(partner.id, monitor, "monitor");
    expect(await codeOf((await as(monitor)).publicSite.mentionJointVisit({ tenantSlug: partner.slug, hostTenantId: host.id, visitId }))).toBe("FORBIDDEN");
    expect(await codeOf((await as(monitor)).publicSite.jointVisits({ tenantSlug: partner.slug }))).toBe("FORBIDDEN");

    const p = await as(partner.owner);
    const h = await as(host.owner);
    await p.publicSite.mentionJointVisit({ tenantSlug: partner.slug, hostTenantId: host.id, visitId });
    await h.publicSite.publishReport({ tenantSlug: host.slug, reportId });
    expect(await publicSiteJointVisits(partner.slug)).toHaveLength(1);
    await h.jointVisits.end({ tenantSlug: host.slug, visitId, partnerTenantId: partner.id });
    // An ended participation grants nothing: the mention no longer shows, and cannot be made again.
    expect(await publicSiteJointVisits(partner.slug)).toEqual([]);
    expect(await p.publicSite.jointVisits({ tenantSlug: partner.slug })).toEqual([]);
    await p.publicSite.unmentionJointVisit({ tenantSlug: partner.slug, hostTenantId: host.id, visitId });
    expect(await codeOf(p.publicSite.mentionJointVisit({ tenantSlug: partner.slug, hostTenantId: host.id, visitId }))).toBe("NOT_FOUND");
  });
});
