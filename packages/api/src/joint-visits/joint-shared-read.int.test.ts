import { beforeAll, describe, expect, it } from "vitest";
import { readInWorkspace } from "../core/shared-workspace.ts";
import { createCaller } from "../router.ts";
import { addMember, callerFor, codeOf, createTestUser, createTestWorkspace, type TestUser } from "../testing/index.ts";
import { createTestVisit } from "../testing/checklist.ts";

/**
 * A joint-visit procedure opens one host visit to its transaction (SET LOCAL ROLE vigil_joint and
 * app.joint_visit_id, scope.ts). In a page loader's shared read transaction (decision 0178) that
 * would outlive the procedure and widen what its siblings see: it must read in a transaction of its own.
 */
let host: { id: string; slug: string; owner: TestUser };
let partner: { id: string; slug: string; owner: TestUser };
let nominee: TestUser;
let visitId: string;

beforeAll(async () => {
  const make = async () => {
    const owner = await createTestUser();
    const ws = await createTestWorkspace(owner);
    await (await callerFor(owner)).caller.jointVisits.setAllowed({ tenantSlug: ws.slug, allow: true });
    return { id: ws.id, slug: ws.slug, owner };
  };
  [host, partner] = await Promise.all([make(), make()]);
  nominee = await createTestUser("Nominee");
  await addMember(partner.id, nominee, "monitor");
  visitId = (await createTestVisit(host.id, { placeName: "Shared-read prison" })).id;
  await (await callerFor(host.owner)).caller.jointVisits.invite({ tenantSlug: host.slug, visitId, partnerTenantId: partner.id, confirmSlug: partner.slug });
  const p = (await callerFor(partner.owner)).caller;
  await p.jointVisits.respond({ tenantSlug: partner.slug, hostTenantId: host.id, visitId, accept: true });
  await p.jointVisits.nominate({ tenantSlug: partner.slug, hostTenantId: host.id, visitId, userId: nominee.id, visitRole: "monitor" });
});

describe("a joint-visit query in a shared read transaction", () => {
  it("does not open the host's visit to the partner workspace's other procedures", async () => {
    const { ctx } = await callerFor(nominee);
    const codes = await readInWorkspace(ctx, partner.slug, async (shared) => {
      const caller = createCaller(shared);
      const joint = await codeOf(caller.jointVisits.get({ tenantSlug: partner.slug, visitId }));
      // The partner's own visit procedures: the host's visit is not in the partner's workspace.
      const own = await codeOf(caller.visits.get({ tenantSlug: partner.slug, visitId }));
      const list = await caller.visits.list({ tenantSlug: partner.slug });
      return { joint, own, listed: JSON.stringify(list).includes(visitId) };
    });
    expect(codes).toEqual({ joint: "OK", own: "NOT_FOUND", listed: false });
  });
});
