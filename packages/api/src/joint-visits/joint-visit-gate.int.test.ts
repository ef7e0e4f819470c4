import { Readable } from "node:stream";
import { withTenant } from "@vigil/db";
import { beforeAll, describe, expect, it } from "vitest";
import { createSession } from "@vigil/auth";
import { SECOND_FACTOR_DUE, TWO_FACTOR_REQUIRED } from "../core/two-factor-policy.ts";
import { addMember, callerFor, codeOf, createTestUser, createTestWorkspace, enrolTestTwoFactor, refusalOf, type TestUser } from "../testing/index.ts";
import { createTestVisit } from "../testing/checklist.ts";

/**
 * The gate of jointVisitProcedure (joint-visit-procedure.ts), from the sides the isolation matrix in
 * joint-visits.int.test.ts does not take: a nominee who is only a viewer in their own workspace, and a
 * nominee naming another visit of the same host, one they were not nominated for.
 */
type Ws = { id: string; slug: string; owner: TestUser };
let host: Ws, partner: Ws;
let viewerNominee: TestUser, monitorNominee: TestUser;
let visitId: string, otherVisitId: string;

const as = async (user: TestUser) => (await callerFor(user)).caller;
type Caller = Awaited<ReturnType<typeof as>>;

async function workspace(): Promise<Ws> {
  const owner = await createTestUser();
  const ws = await createTestWorkspace(owner);
  await (await as(owner)).jointVisits.setAllowed({ tenantSlug: ws.slug, allow: true });
  return { id: ws.id, slug: ws.slug, owner };
}

const pdf = () => Readable.from([Buffer.from("%PDF-1.4\n%%EOF\n")]);

/** Every write a partner makes on a host's visit. */
const WRITES = {
  saveAnswer: (c: Caller, slug: string, visit: string) => c.jointVisits.saveAnswer({ tenantSlug: slug, visitId: visit, questionId: "cell-size", value: "9 m²", note: null, baseRevision: 0 }),
  createFinding: (c: Caller, slug: string, visit: string) => c.jointVisits.createFinding({ tenantSlug: slug, visitId: visit, theme: "Health", text: "No doctor.", severity: "high" }),
  uploadEvidence: (c: Caller, slug: string, visit: string) => c.jointVisits.uploadEvidence({ tenantSlug: slug, visitId: visit, fileName: "a.pdf", content: pdf() }),
  addRecommendation: (c: Caller, slug: string, visit: string) => c.jointVisits.addRecommendation({ tenantSlug: slug, visitId: visit, text: "Hire a doctor.", priority: "high" }),
};
const READS = {
  get: (c: Caller, slug: string, visit: string) => c.jointVisits.get({ tenantSlug: slug, visitId: visit }),
  checklist: (c: Caller, slug: string, visit: string) => c.jointVisits.checklist({ tenantSlug: slug, visitId: visit }),
  findings: (c: Caller, slug: string, visit: string) => c.jointVisits.findings({ tenantSlug: slug, visitId: visit }),
  report: (c: Caller, slug: string, visit: string) => c.jointVisits.report({ tenantSlug: slug, visitId: visit }),
  interviews: (c: Caller, slug: string, visit: string) => c.jointVisits.interviews({ tenantSlug: slug, visitId: visit }),
};

async function rowsWritten(): Promise<number> {
  return withTenant(host.id, null, async (tx) => {
    const [answers, findings, attachments, recommendations] = await Promise.all([
      tx.checklistAnswer.count({ where: { authorTenantId: partner.id } }),
      tx.finding.count({ where: { authorTenantId: partner.id } }),
      tx.attachment.count({ where: { authorTenantId: partner.id } }),
      tx.recommendation.count({ where: { authorTenantId: partner.id } }),
    ]);
    return answers + findings + attachments + recommendations;
  });
}

beforeAll(async () => {
  [host, partner] = await Promise.all([workspace(), workspace()]);
  [viewerNominee, monitorNominee] = await Promise.all([createTestUser("Viewer nominee"), createTestUser("Monitor nominee")]);
  await addMember(partner.id, viewerNominee, "viewer");
  await addMember(partner.id, monitorNominee, "monitor");
  visitId = (await createTestVisit(host.id, { placeName: "Gate prison" })).id;
  otherVisitId = (await createTestVisit(host.id, { placeName: "Gate prison, other visit" })).id;
  const h = await as(host.owner);
  // The partner is invited to, and accepts, BOTH visits; its members are nominated for the first only.
  for (const visit of [visitId, otherVisitId]) {
    await h.jointVisits.invite({ tenantSlug: host.slug, visitId: visit, partnerTenantId: partner.id, confirmSlug: partner.slug });
    await (await as(partner.owner)).jointVisits.respond({ tenantSlug: partner.slug, hostTenantId: host.id, visitId: visit, accept: true });
  }
  const p = await as(partner.owner);
  await p.jointVisits.nominate({ tenantSlug: partner.slug, hostTenantId: host.id, visitId, userId: viewerNominee.id, visitRole: "monitor" });
  await p.jointVisits.nominate({ tenantSlug: partner.slug, hostTenantId: host.id, visitId, userId: monitorNominee.id, visitRole: "monitor" });
});

describe("the joint-visit gate", () => {
  it("lets a nominee who is a viewer in their own workspace read the visit, and write nothing", async () => {
    const c = await as(viewerNominee);
    for (const [name, read] of Object.entries(READS)) expect(await codeOf(read(c, partner.slug, visitId)), name).toBe("OK");
    for (const [name, write] of Object.entries(WRITES)) expect(await codeOf(write(c, partner.slug, visitId)), name).toBe("FORBIDDEN");
    expect(await rowsWritten()).toBe(0);
  });

  it("opens only the visit the member was nominated for, not another visit of the same accepted partnership", async () => {
    const c = await as(monitorNominee);
    for (const [name, read] of Object.entries(READS)) expect(await codeOf(read(c, partner.slug, otherVisitId)), name).toBe("NOT_FOUND");
    for (const [name, write] of Object.entries(WRITES)) expect(await codeOf(write(c, partner.slug, otherVisitId)), name).toBe("NOT_FOUND");
    expect(await rowsWritten()).toBe(0);
    // And the visit they were nominated for is open to them.
    expect(await codeOf(READS.get(c, partner.slug, visitId))).toBe("OK");
  });

  it("is closed to the nominee through the host's slug, and to the partner's admin who is not nominated", async () => {
    expect(await codeOf(READS.get(await as(monitorNominee), host.slug, visitId))).toBe("NOT_FOUND");
    const admin = await as(partner.owner);
    for (const [name, write] of Object.entries(WRITES)) expect(await codeOf(write(admin, partner.slug, visitId)), name).toBe("NOT_FOUND");
    expect(await rowsWritten()).toBe(0);
  });
});

describe("a host that requires two-factor sign-in", () => {
  const requireTwoFactor = (required: boolean) =>
    withTenant(host.id, null, (tx) => tx.tenant.update({ where: { id: host.id }, data: { requireTwoFactor: required }, select: { id: true } }));

  it("requires it of the partner's nominees too, on this session, while the partner's own workspace does not", async () => {
    const nominee = await createTestUser("Nominee without two-factor");
    await addMember(partner.id, nominee, "monitor");
    await (await as(partner.owner)).jointVisits.nominate({ tenantSlug: partner.slug, hostTenantId: host.id, visitId, userId: nominee.id, visitRole: "monitor" });
    await requireTwoFactor(true);
    try {
      const c = await as(nominee);
      for (const [name, read] of Object.entries(READS)) expect(await refusalOf(read(c, partner.slug, visitId)), name).toBe(`FORBIDDEN ${TWO_FACTOR_REQUIRED}`);
      for (const [name, write] of Object.entries(WRITES)) expect(await refusalOf(write(c, partner.slug, visitId)), name).toBe(`FORBIDDEN ${TWO_FACTOR_REQUIRED}`);
      expect(await rowsWritten()).toBe(0);
      // Enrolled, a session signed in with the password alone is asked for the code; one that gave it works.
      await enrolTestTwoFactor(nominee.id);
      const passwordOnly = await createSession(nominee.id);
      expect(await refusalOf(READS.get((await callerFor(passwordOnly)).caller, partner.slug, visitId))).toBe(`FORBIDDEN ${SECOND_FACTOR_DUE}`);
      expect(await codeOf(READS.get(await as(nominee), partner.slug, visitId))).toBe("OK");
    } finally {
      await requireTwoFactor(false);
    }
  });
});
