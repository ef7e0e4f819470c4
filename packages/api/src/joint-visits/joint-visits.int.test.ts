import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { withTenant } from "@vigil/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, callerFor, codeOf, createTestUser, createTestWorkspace, type TestUser } from "../testing/index.ts";
import { createTestVisit } from "../testing/checklist.ts";

/**
 * Joint visits through the API (docs/decisions/0100-joint-visits.md): invite, answer, nominate,
 * work together, share interviews, end; and the isolation matrix of every cross-workspace
 * procedure for the host, the accepted partner (nominated and not), a declined partner, an
 * uninvited workspace and an ended partnership.
 */
type Ws = { id: string; slug: string; name: string; owner: TestUser };
let host: Ws, partner: Ws, declined: Ws, ended: Ws, uninvited: Ws, closed: Ws;
let nominee: TestUser, bystander: TestUser, endedNominee: TestUser;
let visitId: string;
let evidenceId: string;
let recommendationId: string;
let attachmentsDir: string;

const pdf = () => Readable.from([Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")]);

async function workspace(allow: boolean): Promise<Ws> {
  const owner = await createTestUser();
  const ws = await createTestWorkspace(owner);
  if (allow) await (await callerFor(owner)).caller.jointVisits.setAllowed({ tenantSlug: ws.slug, allow: true });
  return { id: ws.id, slug: ws.slug, name: ws.name, owner };
}

const as = async (user: TestUser) => (await callerFor(user)).caller;

/** Every procedure a partner uses on the host's visit, called with `slug` (the caller's own workspace). */
const PARTNER_WORK = {
  get: (c: Awaited<ReturnType<typeof as>>, slug: string) => c.jointVisits.get({ tenantSlug: slug, visitId }),
  checklist: (c: Awaited<ReturnType<typeof as>>, slug: string) => c.jointVisits.checklist({ tenantSlug: slug, visitId }),
  findings: (c: Awaited<ReturnType<typeof as>>, slug: string) => c.jointVisits.findings({ tenantSlug: slug, visitId }),
  history: (c: Awaited<ReturnType<typeof as>>, slug: string) => c.jointVisits.history({ tenantSlug: slug, visitId, questionId: "cell-count" }),
  report: (c: Awaited<ReturnType<typeof as>>, slug: string) => c.jointVisits.report({ tenantSlug: slug, visitId }),
  interviews: (c: Awaited<ReturnType<typeof as>>, slug: string) => c.jointVisits.interviews({ tenantSlug: slug, visitId }),
  saveAnswer: (c: Awaited<ReturnType<typeof as>>, slug: string) =>
    c.jointVisits.saveAnswer({ tenantSlug: slug, visitId, questionId: "cell-size", value: "9 m²", note: null, baseRevision: 0 }),
  createFinding: (c: Awaited<ReturnType<typeof as>>, slug: string) =>
    c.jointVisits.createFinding({ tenantSlug: slug, visitId, theme: "Healthcare", text: "No doctor at night.", severity: "medium" }),
  uploadEvidence: (c: Awaited<ReturnType<typeof as>>, slug: string) => c.jointVisits.uploadEvidence({ tenantSlug: slug, visitId, fileName: "scan.pdf", content: pdf() }),
  openEvidence: (c: Awaited<ReturnType<typeof as>>, slug: string) => c.jointVisits.openEvidence({ tenantSlug: slug, visitId, attachmentId: evidenceId }),
  addRecommendation: (c: Awaited<ReturnType<typeof as>>, slug: string) => c.jointVisits.addRecommendation({ tenantSlug: slug, visitId, text: "Hire a night doctor.", priority: "high" }),
  updateRecommendation: (c: Awaited<ReturnType<typeof as>>, slug: string) =>
    c.jointVisits.updateRecommendation({ tenantSlug: slug, visitId, recommendationId, text: "Hire a night doctor within six months.", priority: "high" }),
};

beforeAll(async () => {
  attachmentsDir = await mkdtemp(path.join(os.tmpdir(), "vigil-joint-evidence-"));
  process.env.ATTACHMENTS_DIR = attachmentsDir;
  [host, partner, declined, ended, uninvited, closed] = await Promise.all([workspace(true), workspace(true), workspace(true), workspace(true), workspace(true), workspace(false)]);
  [nominee, bystander, endedNominee] = await Promise.all([createTestUser("Oksana"), createTestUser("Bystander"), createTestUser("Ended nominee")]);
  await addMember(partner.id, nominee, "monitor");
  await addMember(partner.id, bystander, "monitor");
  await addMember(ended.id, endedNominee, "monitor");
  visitId = (await createTestVisit(host.id, { placeName: "District Prison Sremska Mitrovica" })).id;
  await withTenant(host.id, host.owner.id, (tx) => tx.interview.create({ data: { tenantId: host.id, visitId, pseudonym: "D-1", category: "detainee", consentGiven: true } }));
});

afterAll(async () => {
  delete process.env.ATTACHMENTS_DIR;
  await rm(attachmentsDir, { recursive: true, force: true });
});

describe("joint visits", () => {
  it("the host invites only from the directory of workspaces that allow joint visits", async () => {
    const c = await as(host.owner);
    const directory = await c.jointVisits.directory({ tenantSlug: host.slug });
    expect(directory.map((entry) => entry.id)).toEqual(expect.arrayContaining([partner.id, declined.id, ended.id]));
    expect(directory.map((entry) => entry.id)).not.toContain(closed.id);
    expect(directory.map((entry) => entry.id)).not.toContain(host.id);
    expect(await codeOf(c.jointVisits.invite({ tenantSlug: host.slug, visitId, partnerTenantId: closed.id }))).toBe("BAD_REQUEST");

    // Test workspaces are unverified: the host confirms each by typing its slug (verified-workspaces.int.test.ts).
    for (const ws of [partner, declined, ended]) await c.jointVisits.invite({ tenantSlug: host.slug, visitId, partnerTenantId: ws.id, confirmSlug: ws.slug });
    expect(await codeOf(c.jointVisits.invite({ tenantSlug: host.slug, visitId, partnerTenantId: partner.id }))).toBe("CONFLICT");
    const { partners, invitable } = await c.jointVisits.partners({ tenantSlug: host.slug, visitId });
    expect(partners.map((p) => [p.partner?.name, p.status])).toHaveLength(3);
    expect(invitable.map((entry) => entry.id)).not.toContain(partner.id);
  });

  it("the partner's list carries the host's place with the names the host gave it in other languages", async () => {
    const ukrainian = "Окружна в'язниця Сремська Митровиця";
    await withTenant(host.id, host.owner.id, (tx) => tx.place.updateMany({ where: { visits: { some: { id: visitId } } }, data: { nameTranslations: { uk: ukrainian } } }));
    const [entry] = await (await as(partner.owner)).jointVisits.list({ tenantSlug: partner.slug });
    expect(entry?.place).toEqual({ name: "District Prison Sremska Mitrovica", nameTranslations: { uk: ukrainian } });
  });

  it("the partner's admins see the invitation, labelled with the host, and answer it; then nominate their own members", async () => {
    const p = await as(partner.owner);
    const [entry] = await p.jointVisits.list({ tenantSlug: partner.slug });
    expect(entry).toMatchObject({ visitId, status: "invited", place: { name: "District Prison Sremska Mitrovica" }, host: { id: host.id }, nominated: false });
    expect(await as(uninvited.owner).then((c) => c.jointVisits.list({ tenantSlug: uninvited.slug }))).toEqual([]);

    expect(await codeOf(p.jointVisits.nominate({ tenantSlug: partner.slug, hostTenantId: host.id, visitId, userId: nominee.id, visitRole: "doctor" }))).toBe("CONFLICT");
    // A monitor of the partner may not answer for it.
    expect(await codeOf((await as(nominee)).jointVisits.respond({ tenantSlug: partner.slug, hostTenantId: host.id, visitId, accept: true }))).toBe("FORBIDDEN");
    await p.jointVisits.respond({ tenantSlug: partner.slug, hostTenantId: host.id, visitId, accept: true });
    await (await as(declined.owner)).jointVisits.respond({ tenantSlug: declined.slug, hostTenantId: host.id, visitId, accept: false });
    await (await as(ended.owner)).jointVisits.respond({ tenantSlug: ended.slug, hostTenantId: host.id, visitId, accept: true });
    expect(await codeOf(p.jointVisits.respond({ tenantSlug: partner.slug, hostTenantId: host.id, visitId, accept: false }))).toBe("CONFLICT");

    await p.jointVisits.nominate({ tenantSlug: partner.slug, hostTenantId: host.id, visitId, userId: nominee.id, visitRole: "doctor" });
    // Only its own members.
    expect(await codeOf(p.jointVisits.nominate({ tenantSlug: partner.slug, hostTenantId: host.id, visitId, userId: uninvited.owner.id, visitRole: "monitor" }))).toBe("BAD_REQUEST");
    await (await as(ended.owner)).jointVisits.nominate({ tenantSlug: ended.slug, hostTenantId: host.id, visitId, userId: endedNominee.id, visitRole: "lawyer" });

    const mine = await (await as(nominee)).jointVisits.list({ tenantSlug: partner.slug });
    expect(mine).toMatchObject([{ visitId, status: "accepted", nominated: true, members: [{ userId: nominee.id, visitRole: "doctor" }] }]);
    const hostView = await (await as(host.owner)).jointVisits.partners({ tenantSlug: host.slug, visitId });
    expect(hostView.partners.find((row) => row.partnerTenantId === partner.id)).toMatchObject({ status: "accepted", members: [{ name: "Oksana", visitRole: "doctor" }] });
  });

  it("the nominated member works on the visit from their own workspace; the host sees their answers and findings", async () => {
    const n = await as(nominee);
    const view = await n.jointVisits.get({ tenantSlug: partner.slug, visitId });
    expect(view).toMatchObject({ host: { id: host.id }, visitRole: "doctor", shareInterviews: false, visit: { id: visitId, place: { name: "District Prison Sremska Mitrovica" } } });
    const checklist = await n.jointVisits.checklist({ tenantSlug: partner.slug, visitId });
    expect(checklist.canEdit).toBe(true);
    await n.jointVisits.saveAnswer({ tenantSlug: partner.slug, visitId, questionId: "cell-count", value: 12, note: "Counted on site", baseRevision: 0 });
    await n.jointVisits.createFinding({ tenantSlug: partner.slug, visitId, theme: "Healthcare", text: "No doctor at night.", severity: "medium" });

    // The host answers on the same checklist, and sees the partner's answer attributed to them.
    const h = await as(host.owner);
    await h.checklist.save({ tenantSlug: host.slug, visitId, questionId: "cell-size", value: "9 m²", note: null, baseRevision: 0 });
    const hostChecklist = await h.checklist.get({ tenantSlug: host.slug, visitId });
    expect(hostChecklist.answers.find((a) => a.questionId === "cell-count")).toMatchObject({ value: 12, updatedBy: { id: nominee.id, name: "Oksana" } });
    expect((await n.jointVisits.checklist({ tenantSlug: partner.slug, visitId })).answers.map((a) => a.questionId).sort()).toEqual(["cell-count", "cell-size"]);
    const hostFindings = await h.findings.list({ tenantSlug: host.slug, visitId });
    expect(hostFindings.findings.map((f) => [f.theme, f.createdBy?.name])).toContainEqual(["Healthcare", "Oksana"]);

    // The rows belong to the host's visit: nothing lands in the partner's workspace.
    const inPartner = await withTenant(partner.id, null, (tx) => tx.checklistAnswer.count());
    expect(inPartner).toBe(0);
    // ...yet attributed to the person AND their workspace (docs/decisions/0105-joint-attribution.md).
    expect((await n.jointVisits.checklist({ tenantSlug: partner.slug, visitId })).answers.find((a) => a.questionId === "cell-count")?.authorWorkspace).toEqual({ id: partner.id, name: partner.name });
    const history = await h.checklist.history({ tenantSlug: host.slug, visitId, questionId: "cell-count" });
    expect(history.map((e) => [e.revision, e.changedBy?.name, e.authorWorkspace?.name ?? null])).toEqual([[1, "Oksana", partner.name]]);
    const hostOwn = await h.checklist.history({ tenantSlug: host.slug, visitId, questionId: "cell-size" });
    expect(hostOwn.map((e) => [e.changedBy?.name, e.authorWorkspace])).toEqual([[host.owner.name, null]]);
    const hostAnswers = (await h.checklist.get({ tenantSlug: host.slug, visitId })).answers;
    expect(hostAnswers.find((a) => a.questionId === "cell-count")?.authorWorkspace).toEqual({ id: partner.id, name: partner.name });
    expect(hostAnswers.find((a) => a.questionId === "cell-size")?.authorWorkspace).toBeNull();
    expect((await n.jointVisits.history({ tenantSlug: partner.slug, visitId, questionId: "cell-count" })).map((e) => e.authorWorkspace?.name)).toEqual([partner.name]);
    expect(hostFindings.findings.find((f) => f.theme === "Healthcare")?.authorWorkspace).toEqual({ id: partner.id, name: partner.name });
    expect((await n.jointVisits.findings({ tenantSlug: partner.slug, visitId })).findings.find((f) => f.theme === "Healthcare")?.authorWorkspace?.name).toBe(partner.name);
    // The database records the workspace, whatever the application writes into the column.
    const forged = await withTenant(host.id, host.owner.id, (tx) =>
      tx.finding.create({ data: { tenantId: host.id, visitId, theme: "Forged", text: "x", severity: "low", authorTenantId: partner.id }, select: { authorTenantId: true } }),
    );
    expect(forged.authorTenantId).toBeNull();
    // Nobody outside the visit learns the workspaces' names.
    const outsider = await withTenant(uninvited.id, uninvited.owner.id, (tx) => tx.$queryRaw<unknown[]>`SELECT * FROM visit_workspace_names(${visitId}::uuid)`);
    expect(outsider).toEqual([]);
    // And the host's visit does not leak into the partner's ordinary lists.
    const partnerVisits = await n.visits.list({ tenantSlug: partner.slug });
    expect(JSON.stringify(partnerVisits)).not.toContain(visitId);
    expect(await codeOf(n.visits.get({ tenantSlug: partner.slug, visitId }))).toBe("NOT_FOUND");
    expect(await codeOf(n.checklist.get({ tenantSlug: partner.slug, visitId }))).toBe("NOT_FOUND");
  });

  it("partner actions and every step are audited in both workspaces", async () => {
    const actions = async (tenantId: string) =>
      (await withTenant(tenantId, null, (tx) => tx.auditEvent.findMany({ where: { action: { not: "workspace.created" } }, select: { action: true, actorId: true } }))).map((e) => e.action);
    const inHost = await actions(host.id);
    const inPartner = await actions(partner.id);
    for (const action of ["jointVisit.invited", "jointVisit.accepted", "jointVisit.memberNominated"]) {
      expect(inHost, action).toContain(action);
      expect(inPartner, action).toContain(action);
    }
    // The partner's work: the service's own event in the host's log, and a mirror in the partner's.
    expect(inHost).toEqual(expect.arrayContaining(["checklist.answerSaved", "finding.created"]));
    expect(inPartner.filter((a) => a === "jointVisit.partnerAction")).toHaveLength(2);
    const hostEvents = await withTenant(host.id, null, (tx) => tx.auditEvent.findMany({ where: { action: "checklist.answerSaved", actorId: nominee.id } }));
    expect(hostEvents).toHaveLength(1);
    expect(await actions(declined.id)).toContain("jointVisit.declined");
  });

  it("interviews stay with the host until it shares them", async () => {
    const n = await as(nominee);
    expect(await n.jointVisits.interviews({ tenantSlug: partner.slug, visitId })).toEqual({ shared: false, interviews: [] });
    // Sharing is an admin's decision: a host coordinator may not.
    const coordinator = await createTestUser();
    await addMember(host.id, coordinator, "coordinator");
    expect(await codeOf((await as(coordinator)).jointVisits.setInterviewSharing({ tenantSlug: host.slug, visitId, partnerTenantId: partner.id, share: true }))).toBe("FORBIDDEN");
    await (await as(host.owner)).jointVisits.setInterviewSharing({ tenantSlug: host.slug, visitId, partnerTenantId: partner.id, share: true });
    const shared = await n.jointVisits.interviews({ tenantSlug: partner.slug, visitId });
    expect(shared.interviews.map((i) => i.pseudonym)).toEqual(["D-1"]);
    await (await as(host.owner)).jointVisits.setInterviewSharing({ tenantSlug: host.slug, visitId, partnerTenantId: partner.id, share: false });
    expect((await n.jointVisits.interviews({ tenantSlug: partner.slug, visitId })).interviews).toEqual([]);
  });

  it("the nominated member uploads evidence to the visit and downloads the visit's evidence, nothing else", async () => {
    const n = await as(nominee);
    const h = await as(host.owner);
    const finding = (await n.jointVisits.findings({ tenantSlug: partner.slug, visitId })).findings.find((f) => f.theme === "Healthcare")!;
    const uploaded = await n.jointVisits.uploadEvidence({ tenantSlug: partner.slug, visitId, findingId: finding.id, fileName: "night-roster.pdf", content: pdf() });
    evidenceId = uploaded.id;
    // The host sees it on its own visit, attributed to the person and the partner workspace.
    const hostFinding = (await h.findings.list({ tenantSlug: host.slug, visitId })).findings.find((f) => f.id === finding.id)!;
    expect(hostFinding.attachments.map((a) => [a.fileName, a.uploadedBy?.name, a.authorWorkspace?.name])).toEqual([["night-roster.pdf", "Oksana", partner.name]]);
    expect((await h.attachments.open({ tenantSlug: host.slug, attachmentId: evidenceId })).fileName).toBe("night-roster.pdf");

    // The partner downloads its own upload and the host's evidence of the same visit.
    const hostFile = await h.attachments.upload({ tenantSlug: host.slug, visitId, findingId: null, fileName: "host.pdf", content: pdf() });
    expect((await n.jointVisits.openEvidence({ tenantSlug: partner.slug, visitId, attachmentId: evidenceId })).storageKey).toContain(host.id);
    expect((await n.jointVisits.openEvidence({ tenantSlug: partner.slug, visitId, attachmentId: hostFile.id })).fileName).toBe("host.pdf");
    const downloads = await withTenant(host.id, null, (tx) => tx.auditEvent.findMany({ where: { action: "attachment.downloaded", actorId: nominee.id }, select: { targetId: true } }));
    expect(downloads.map((d) => d.targetId).sort()).toEqual([evidenceId, hostFile.id].sort());

    // Not another visit's evidence of the host, nor a file of the partner's own workspace, through this route.
    const otherVisit = (await createTestVisit(host.id, { placeName: "Another place" })).id;
    const otherFile = await h.attachments.upload({ tenantSlug: host.slug, visitId: otherVisit, findingId: null, fileName: "other.pdf", content: pdf() });
    expect(await codeOf(n.jointVisits.openEvidence({ tenantSlug: partner.slug, visitId, attachmentId: otherFile.id }))).toBe("NOT_FOUND");
    const ownVisit = (await createTestVisit(partner.id, { placeName: "Partner's own place" })).id;
    const ownFile = await (await as(partner.owner)).attachments.upload({ tenantSlug: partner.slug, visitId: ownVisit, findingId: null, fileName: "own.pdf", content: pdf() });
    expect(await codeOf(n.jointVisits.openEvidence({ tenantSlug: partner.slug, visitId, attachmentId: ownFile.id }))).toBe("NOT_FOUND");
    // The ordinary download procedure does not open the host's file from the partner's workspace.
    expect(await codeOf(n.attachments.open({ tenantSlug: partner.slug, attachmentId: evidenceId }))).toBe("NOT_FOUND");
    // A finding of another visit cannot receive the partner's upload.
    expect(await codeOf(n.jointVisits.uploadEvidence({ tenantSlug: partner.slug, visitId, findingId: otherFile.id, fileName: "x.pdf", content: pdf() }))).toBe("NOT_FOUND");
  });

  it("the nominated member adds and edits recommendations in the host's draft; the rest of the report stays the host's", async () => {
    const n = await as(nominee);
    const h = await as(host.owner);
    // Before the host starts the draft there is nothing to add to.
    expect(await codeOf(n.jointVisits.addRecommendation({ tenantSlug: partner.slug, visitId, text: "Too early.", priority: "low" }))).toBe("CONFLICT");
    await h.reports.saveDraft({ tenantSlug: host.slug, visitId, language: "en", summary: "Joint visit with a partner.", expectedUpdatedAt: null });
    const authority = await withTenant(host.id, null, (tx) => tx.authority.create({ data: { tenantId: host.id, kind: "ministry", name: "Ministry of Justice" }, select: { id: true } }));
    const hostOwn = await h.reports.addRecommendation({ tenantSlug: host.slug, visitId, text: "Repair the cells.", themeTags: ["material conditions"], priority: "medium", authorityIds: [authority.id] });

    const added = await n.jointVisits.addRecommendation({ tenantSlug: partner.slug, visitId, text: "Hire a night doctor.", themeTags: ["healthcare"], priority: "high" });
    recommendationId = added.id;
    expect(added.number).toBe(2);
    // The partner edits the host's recommendation: text and priority; the host's tags and addressees stay.
    await n.jointVisits.updateRecommendation({ tenantSlug: partner.slug, visitId, recommendationId: hostOwn.id, text: "Repair the cells before winter.", priority: "high" });
    const report = (await h.reports.get({ tenantSlug: host.slug, visitId })).report!;
    expect(report.recommendations.map((r) => [r.number, r.text, r.priority, r.themeTags, r.addressees.map((a) => a.id)])).toEqual([
      [1, "Repair the cells before winter.", "high", ["material conditions"], [authority.id]],
      [2, "Hire a night doctor.", "high", ["healthcare"], []],
    ]);
    // The host's editor says who drafted what, with the partner's workspace.
    expect(report.recommendations.map((r) => [r.createdBy?.name, r.authorWorkspace?.name ?? null])).toEqual([[host.owner.name, null], ["Oksana", partner.name]]);
    expect(report.summary).toBe("Joint visit with a partner.");
    const partnerView = await n.jointVisits.report({ tenantSlug: partner.slug, visitId });
    expect(partnerView?.recommendations.map((r) => [r.number, r.createdBy?.name, r.authorWorkspace?.name ?? null])).toEqual([[1, host.owner.name, null], [2, "Oksana", partner.name]]);
    const audited = await withTenant(host.id, null, (tx) => tx.auditEvent.findMany({ where: { actorId: nominee.id, action: { startsWith: "report." } }, select: { action: true } }));
    expect(audited.map((a) => a.action).sort()).toEqual(["report.recommendationAdded", "report.recommendationUpdated"]);

    // Only this visit's recommendations: not the partner's own workspace's, not another host visit's.
    const ownVisit = (await createTestVisit(partner.id, { placeName: "Own report place" })).id;
    const p = await as(partner.owner);
    await p.reports.saveDraft({ tenantSlug: partner.slug, visitId: ownVisit, language: "en", summary: "Own.", expectedUpdatedAt: null });
    const ownRecommendation = await p.reports.addRecommendation({ tenantSlug: partner.slug, visitId: ownVisit, text: "Own.", themeTags: [], priority: "low", authorityIds: [] });
    expect(await codeOf(n.jointVisits.updateRecommendation({ tenantSlug: partner.slug, visitId, recommendationId: ownRecommendation.id, text: "Hijacked", priority: "low" }))).toBe("NOT_FOUND");
    // The database refuses a partner's write to a report that is no longer a draft, whatever the application does.
    const refused = await withTenant(partner.id, nominee.id, async (tx) => {
      // Exactly as enterJointVisit enters the joint visit (0121): the joint policies apply to vigil_joint only.
      await tx.$executeRaw`SELECT set_config('app.joint_visit_id', ${visitId}, true)`;
      await tx.$executeRawUnsafe("SET LOCAL ROLE vigil_joint");
      return tx.$executeRaw`UPDATE reports SET status = 'sent', sent_at = now() WHERE visit_id = ${visitId}::uuid`.then(() => "OK", () => "REFUSED");
    });
    expect(refused).toBe("REFUSED");
  });

  it("the isolation matrix: only the accepted partner's nominated member reaches the visit", async () => {
    // End the `ended` partnership first: its nominee had access, now has none.
    expect(await codeOf(PARTNER_WORK.get(await as(endedNominee), ended.slug))).toBe("OK");
    await (await as(host.owner)).jointVisits.end({ tenantSlug: host.slug, visitId, partnerTenantId: ended.id });

    const cases: [string, TestUser, string, "OK" | "NOT_FOUND"][] = [
      ["accepted partner, nominated member", nominee, partner.slug, "OK"],
      ["accepted partner, member not nominated", bystander, partner.slug, "NOT_FOUND"],
      ["accepted partner, its admin (not nominated)", partner.owner, partner.slug, "NOT_FOUND"],
      ["declined partner", declined.owner, declined.slug, "NOT_FOUND"],
      ["uninvited workspace", uninvited.owner, uninvited.slug, "NOT_FOUND"],
      ["ended partnership, its nominee", endedNominee, ended.slug, "NOT_FOUND"],
      // The host works through its own procedures (visits, checklist, findings), not as a partner.
      ["the host itself", host.owner, host.slug, "NOT_FOUND"],
      // Naming the partner's slug without being its member.
      ["uninvited user naming the partner", uninvited.owner, partner.slug, "NOT_FOUND"],
    ];
    for (const [label, user, slug, expected] of cases) {
      const c = await as(user);
      for (const [name, call] of Object.entries(PARTNER_WORK)) {
        // Writes are checked first by role; the nominated monitor may write.
        expect(await codeOf(call(c, slug)).then((code) => (code === "CONFLICT" ? "OK" : code)), `${label}: ${name}`).toBe(expected);
      }
    }

    // Host-side procedures cannot be used on the host's visit from another workspace.
    const p = await as(partner.owner);
    expect(await codeOf(p.jointVisits.partners({ tenantSlug: partner.slug, visitId }))).toBe("NOT_FOUND");
    expect(await codeOf(p.jointVisits.end({ tenantSlug: partner.slug, visitId, partnerTenantId: partner.id }))).toBe("NOT_FOUND");
    expect(await codeOf(p.jointVisits.setInterviewSharing({ tenantSlug: partner.slug, visitId, partnerTenantId: partner.id, share: true }))).toBe("NOT_FOUND");
    expect(await codeOf(p.jointVisits.invite({ tenantSlug: partner.slug, visitId, partnerTenantId: uninvited.id }))).toBe("NOT_FOUND");
    // Partner-side procedures: an uninvited workspace cannot answer or nominate on someone else's invitation.
    const u = await as(uninvited.owner);
    expect(await codeOf(u.jointVisits.respond({ tenantSlug: uninvited.slug, hostTenantId: host.id, visitId, accept: true }))).toBe("NOT_FOUND");
    expect(await codeOf(u.jointVisits.nominate({ tenantSlug: uninvited.slug, hostTenantId: host.id, visitId, userId: uninvited.owner.id, visitRole: "monitor" }))).toBe("NOT_FOUND");
    expect(await codeOf(u.jointVisits.withdraw({ tenantSlug: uninvited.slug, hostTenantId: host.id, visitId, userId: nominee.id }))).toBe("NOT_FOUND");
    // A declined or ended partner cannot nominate or re-accept.
    expect(await codeOf((await as(declined.owner)).jointVisits.nominate({ tenantSlug: declined.slug, hostTenantId: host.id, visitId, userId: declined.owner.id, visitRole: "monitor" }))).toBe("CONFLICT");
    expect(await codeOf((await as(ended.owner)).jointVisits.respond({ tenantSlug: ended.slug, hostTenantId: host.id, visitId, accept: true }))).toBe("CONFLICT");
    expect(await (await as(ended.owner)).jointVisits.list({ tenantSlug: ended.slug })).toEqual([]);
  });

  it("an invitation after a decline starts with interviews not shared, as a first one does (0148)", async () => {
    const again = await workspace(true);
    const visit = (await createTestVisit(host.id, { placeName: "Police Station Niš" })).id;
    const h = await as(host.owner);
    const invite = () => h.jointVisits.invite({ tenantSlug: host.slug, visitId: visit, partnerTenantId: again.id, confirmSlug: again.slug });
    await invite();
    await h.jointVisits.setInterviewSharing({ tenantSlug: host.slug, visitId: visit, partnerTenantId: again.id, share: true });
    await (await as(again.owner)).jointVisits.respond({ tenantSlug: again.slug, hostTenantId: host.id, visitId: visit, accept: false });
    await invite();
    const { partners } = await h.jointVisits.partners({ tenantSlug: host.slug, visitId: visit });
    expect(partners.map((p) => [p.partnerTenantId, p.status, p.shareInterviews])).toEqual([[again.id, "invited", false]]);
  });

  it("ending the partnership removes the partner's access at once; the rows stay the host's", async () => {
    const n = await as(nominee);
    expect(await codeOf(n.jointVisits.get({ tenantSlug: partner.slug, visitId }))).toBe("OK");
    await (await as(host.owner)).jointVisits.end({ tenantSlug: host.slug, visitId, partnerTenantId: partner.id });
    for (const [name, call] of Object.entries(PARTNER_WORK)) expect(await codeOf(call(n, partner.slug)), name).toBe("NOT_FOUND");
    expect(await n.jointVisits.list({ tenantSlug: partner.slug })).toEqual([]);
    // What the partner entered stays in the host's visit, attributed.
    const hostChecklist = await (await as(host.owner)).checklist.get({ tenantSlug: host.slug, visitId });
    expect(hostChecklist.answers.find((a) => a.questionId === "cell-count")?.updatedBy?.name).toBe("Oksana");
    const ends = await withTenant(partner.id, null, (tx) => tx.auditEvent.count({ where: { action: "jointVisit.ended" } }));
    expect(ends).toBe(1);
    // Ended is final: the host cannot invite the same partner to this visit again.
    expect(await codeOf((await as(host.owner)).jointVisits.invite({ tenantSlug: host.slug, visitId, partnerTenantId: partner.id }))).toBe("CONFLICT");
    // Nor does the ended partner write into the host's audit log any more (record_joint_audit, decision 0149).
    const hostWithdrawals = () => withTenant(host.id, null, (tx) => tx.auditEvent.count({ where: { action: "jointVisit.memberWithdrawn", actorId: partner.owner.id } }));
    const before = await hostWithdrawals();
    const p = await as(partner.owner);
    expect(await codeOf(p.jointVisits.withdraw({ tenantSlug: partner.slug, hostTenantId: host.id, visitId, userId: nominee.id }))).toBe("CONFLICT");
    expect(await codeOf(p.jointVisits.nominate({ tenantSlug: partner.slug, hostTenantId: host.id, visitId, userId: bystander.id, visitRole: "monitor" }))).toBe("CONFLICT");
    expect(await hostWithdrawals()).toBe(before);
  });
});
