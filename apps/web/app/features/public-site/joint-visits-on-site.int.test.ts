import { callerFor, createJointVisitWithSentReport, createWorkspaceWithSite } from "@vigil/api/testing";
import type { AppLoadContext } from "react-router";
import { describe, expect, it } from "vitest";
import { loader as homeLoader } from "./site-home";

/**
 * A partner's home page lists the joint visit it mentions while the host publishes the report, and
 * the host's unpublishing takes it off the partner's cached page at once (docs/decisions/0257).
 */
const context = { ipAddress: null, requestId: "joint-visits-on-site-test", cspNonce: undefined } as unknown as AppLoadContext;
type Loader = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => Promise<Response>;
const home = async (slug: string) => (await (homeLoader as unknown as Loader)({ request: new Request(`http://localhost:3000/p/${slug}?lang=en`), context, params: { site: slug } })).text();

describe("joint visits on a partner's site", () => {
  it("appear once mentioned and published, and leave the cached page when the host unpublishes", async () => {
    const [host, partner] = await Promise.all([createWorkspaceWithSite(["sr-Cyrl", "en"]), createWorkspaceWithSite(["uk", "en"])]);
    const { visitId, reportId } = await createJointVisitWithSentReport(host, partner);
    const hostCaller = (await callerFor(host.owner)).caller;
    const partnerCaller = (await callerFor(partner.owner)).caller;
    const link = `href="/p/${host.slug}/reports/${reportId}"`;

    await partnerCaller.publicSite.mentionJointVisit({ tenantSlug: partner.slug, hostTenantId: host.id, visitId });
    expect(await home(partner.slug)).not.toContain(link);
    await hostCaller.publicSite.publishReport({ tenantSlug: host.slug, reportId });
    const shown = await home(partner.slug);
    expect(shown).toContain(link);
    expect(shown).toContain("Joint visits");
    // Served from the cache now; the host's unpublishing must reach it at once.
    expect(await home(partner.slug)).toBe(shown);
    await hostCaller.publicSite.unpublishReport({ tenantSlug: host.slug, reportId });
    const after = await home(partner.slug);
    expect(after).not.toContain(link);
    expect(after).not.toContain(host.slug);
  });
});
