import { withTenant } from "@vigil/db";
import { beforeAll, describe, expect, it } from "vitest";
import { BENCHMARK_MIN_CONTRIBUTORS } from "./forums.ts";
import { setWorkspaceVerification } from "../workspaces/verification.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, refusalOf, type TestUser } from "../testing/index.ts";
import { createTestTemplate } from "../testing/visits.ts";

/**
 * Forums and networks (issue 5 §3): only the organiser and accepted participants see what a forum
 * holds; invited, declined and uninvited workspaces do not, through the API and in the database. The
 * benchmark shows a figure only when enough workspaces contribute to it.
 */
type Workspace = { id: string; slug: string; owner: TestUser };
const as = async (user: TestUser) => (await callerFor(user)).caller;

async function workspace(name: string): Promise<Workspace> {
  const owner = await createTestUser(name);
  return { ...(await createTestWorkspace(owner)), owner };
}

/** Police-custody visits carried out in 2014, and recommendations in a sent report (`implemented` of `total`). */
async function addFigures(tenantId: string, figures: { visits: number; implemented: number; total: number }) {
  await withTenant(tenantId, null, async (tx) => {
    const place = await tx.place.create({ data: { tenantId, name: "Police Station", type: "police_custody" } });
    const visits = [];
    for (let i = 0; i < figures.visits; i++) {
      visits.push(await tx.visit.create({ data: { tenantId, placeId: place.id, type: "in_depth", plannedStart: new Date("2014-06-12"), plannedEnd: new Date("2014-06-12"), status: "report_sent" } }));
    }
    // Planned and cancelled visits are not counted.
    await tx.visit.create({ data: { tenantId, placeId: place.id, type: "in_depth", plannedStart: new Date("2014-07-01"), plannedEnd: new Date("2014-07-01"), status: "cancelled" } });
    const report = await tx.report.create({ data: { tenantId, visitId: visits[0]!.id, language: "en", status: "sent", sentAt: new Date("2014-07-01") } });
    for (let n = 1; n <= figures.total; n++) {
      await tx.recommendation.create({
        data: { tenantId, reportId: report.id, visitId: visits[0]!.id, placeId: place.id, number: n, text: `Recommendation ${n}`, status: n <= figures.implemented ? "implemented" : "open" },
      });
    }
  });
}

let organiser: Workspace;
let accepted: Workspace;
let invited: Workspace;
let declined: Workspace;
let uninvited: Workspace;
let acceptedViewer: TestUser;
let forumId: string;

beforeAll(async () => {
  [organiser, accepted, invited, declined, uninvited] = (await Promise.all(["Serbia", "Ukraine", "Montenegro", "Croatia", "Elsewhere"].map(workspace))) as [Workspace, Workspace, Workspace, Workspace, Workspace];
  acceptedViewer = await createTestUser("Ukraine viewer");
  await addMember(accepted.id, acceptedViewer, "viewer");
  const c = await as(organiser.owner);
  forumId = (await c.forums.create({ tenantSlug: organiser.slug, name: "First South-East European OPCAT Forum", startsOn: "2014-11-27", endsOn: "2014-11-27", place: "Belgrade", description: "Methodology." })).id;
  await c.forums.invite({ tenantSlug: organiser.slug, forumId, workspaceIds: [accepted.id, invited.id, declined.id] });
  await (await as(accepted.owner)).forums.respond({ tenantSlug: accepted.slug, forumId, accept: true });
  await (await as(declined.owner)).forums.respond({ tenantSlug: declined.slug, forumId, accept: false });
  await c.forums.addAgendaItem({ tenantSlug: organiser.slug, forumId, title: "Police custody methodology", startsAt: "10:00" });
  await (await as(accepted.owner)).forums.shareDocument({ tenantSlug: accepted.slug, forumId, title: "Annual report 2013", url: "https://example.org/report.pdf" });
  const template = await createTestTemplate(organiser.id, ["police_custody"]);
  await c.library.publish({ tenantSlug: organiser.slug, versionId: template.versionId, forumId });
});

describe("forums", () => {
  it("the organiser and accepted participants see participants, agenda, templates and documents", async () => {
    for (const [ws, user] of [[organiser, organiser.owner], [accepted, acceptedViewer]] as const) {
      const forum = await (await as(user)).forums.get({ tenantSlug: ws.slug, forumId });
      expect(forum.member, ws.slug).toBe(true);
      if (!forum.member) continue;
      expect(forum).toMatchObject({ name: "First South-East European OPCAT Forum", place: "Belgrade" });
      expect(forum.agenda.map((a) => a.title)).toEqual(["Police custody methodology"]);
      expect(forum.publications).toHaveLength(1);
      expect(forum.documents.map((d) => d.title)).toEqual(["Annual report 2013"]);
      expect(forum.participants.filter((p) => p.status === "accepted").map((p) => p.tenantId).sort()).toEqual([organiser.id, accepted.id].sort());
    }
    // Only the organiser sees pending and declined invitations.
    const asAccepted = await (await as(accepted.owner)).forums.get({ tenantSlug: accepted.slug, forumId });
    expect(asAccepted.member && asAccepted.participants.map((p) => p.tenantId)).not.toContain(invited.id);
    const asOrganiser = await (await as(organiser.owner)).forums.get({ tenantSlug: organiser.slug, forumId });
    expect(asOrganiser.member && asOrganiser.participants.find((p) => p.tenantId === declined.id)?.status).toBe("declined");
    // The forum's template is in the participant's library, not in an outsider's.
    const pub = asOrganiser.member ? asOrganiser.publications[0]!.id : "";
    expect((await (await as(accepted.owner)).library.browse({ tenantSlug: accepted.slug, forumId })).publications.map((p) => p.id)).toEqual([pub]);
    expect(await refusalOf((await as(uninvited.owner)).library.get({ tenantSlug: uninvited.slug, publicationId: pub }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf((await as(invited.owner)).library.get({ tenantSlug: invited.slug, publicationId: pub }))).toBe("NOT_FOUND errors.notFound");
  });

  it("invited and declined workspaces see only the forum's name; an uninvited one sees nothing", async () => {
    for (const ws of [invited, declined]) {
      const forum = await (await as(ws.owner)).forums.get({ tenantSlug: ws.slug, forumId });
      expect(forum.member, ws.slug).toBe(false);
      expect(forum).not.toHaveProperty("agenda");
      expect(forum).not.toHaveProperty("benchmark");
    }
    expect(await refusalOf((await as(uninvited.owner)).forums.get({ tenantSlug: uninvited.slug, forumId }))).toBe("NOT_FOUND errors.notFound");
    expect((await (await as(uninvited.owner)).forums.list({ tenantSlug: uninvited.slug })).map((f) => f.id)).not.toContain(forumId);
    expect((await (await as(invited.owner)).forums.list({ tenantSlug: invited.slug })).find((f) => f.id === forumId)).toMatchObject({ status: "invited", organiser: false });
    // Outsiders cannot share into it, nor answer for it, nor invite.
    expect(await refusalOf((await as(uninvited.owner)).forums.shareDocument({ tenantSlug: uninvited.slug, forumId, title: "Spam" }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf((await as(invited.owner)).forums.shareDocument({ tenantSlug: invited.slug, forumId, title: "Too early" }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf((await as(uninvited.owner)).forums.respond({ tenantSlug: uninvited.slug, forumId, accept: true }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf((await as(accepted.owner)).forums.invite({ tenantSlug: accepted.slug, forumId, workspaceIds: [uninvited.id] }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf((await as(acceptedViewer)).forums.respond({ tenantSlug: accepted.slug, forumId, accept: false }))).toBe("FORBIDDEN errors.forbidden");
  });

  it("in the database, with the application's role, only members read the forum's rows, and nobody answers for another", async () => {
    const visible = (tenantId: string) =>
      withTenant(tenantId, null, async (tx) => ({
        agenda: await tx.forumAgendaItem.count({ where: { forumId } }),
        documents: await tx.forumDocument.count({ where: { forumId } }),
        publications: await tx.libraryPublication.count({ where: { forumId } }),
        participants: await tx.forumParticipant.count({ where: { forumId } }),
        forum: await tx.forum.count({ where: { id: forumId } }),
      }));
    expect(await visible(accepted.id)).toEqual({ agenda: 1, documents: 1, publications: 1, participants: 4, forum: 1 });
    // The invited and the declined see their own invitation and the forum's name, nothing else.
    for (const ws of [invited, declined]) expect(await visible(ws.id), ws.slug).toEqual({ agenda: 0, documents: 0, publications: 0, participants: 1, forum: 1 });
    expect(await visible(uninvited.id)).toEqual({ agenda: 0, documents: 0, publications: 0, participants: 0, forum: 0 });

    // The organiser cannot accept for a participant; a participant cannot accept for another.
    expect(await withTenant(organiser.id, null, (tx) => tx.$executeRaw`UPDATE forum_participants SET status = 'accepted' WHERE participant_tenant_id = ${invited.id}::uuid`)).toBe(0);
    expect(await withTenant(accepted.id, null, (tx) => tx.$executeRaw`UPDATE forum_participants SET status = 'accepted' WHERE participant_tenant_id = ${invited.id}::uuid`)).toBe(0);
    await expect(withTenant(invited.id, null, (tx) => tx.$executeRaw`UPDATE forum_participants SET participant_tenant_id = ${uninvited.id}::uuid WHERE participant_tenant_id = ${invited.id}::uuid`)).rejects.toThrow(/permission denied/);
    // An outsider cannot invite itself, nor insert a document into the forum.
    await expect(withTenant(uninvited.id, null, (tx) => tx.$executeRaw`INSERT INTO forum_participants (tenant_id, forum_id, participant_tenant_id, status) VALUES (${organiser.id}::uuid, ${forumId}::uuid, ${uninvited.id}::uuid, 'accepted')`)).rejects.toThrow(/row-level security/);
    await expect(withTenant(uninvited.id, null, (tx) => tx.$executeRaw`INSERT INTO forum_documents (tenant_id, forum_tenant_id, forum_id, title) VALUES (${uninvited.id}::uuid, ${organiser.id}::uuid, ${forumId}::uuid, 'x')`)).rejects.toThrow(/row-level security/);
    // Nor read the benchmark.
    expect(await withTenant(uninvited.id, null, (tx) => tx.$queryRaw<unknown[]>`SELECT * FROM forum_benchmark(${organiser.id}::uuid, ${forumId}::uuid)`)).toEqual([]);
  });

  it("removing a participant ends its access at once; a declined workspace may be invited again", async () => {
    const c = await as(organiser.owner);
    const other = await workspace("Bosnia");
    await c.forums.invite({ tenantSlug: organiser.slug, forumId, workspaceIds: [other.id] });
    await (await as(other.owner)).forums.respond({ tenantSlug: other.slug, forumId, accept: true });
    expect((await (await as(other.owner)).forums.get({ tenantSlug: other.slug, forumId })).member).toBe(true);
    await c.forums.removeParticipant({ tenantSlug: organiser.slug, forumId, workspaceId: other.id });
    expect(await refusalOf((await as(other.owner)).forums.get({ tenantSlug: other.slug, forumId }))).toBe("NOT_FOUND errors.notFound");

    await c.forums.invite({ tenantSlug: organiser.slug, forumId, workspaceIds: [declined.id] });
    expect((await (await as(declined.owner)).forums.list({ tenantSlug: declined.slug })).find((f) => f.id === forumId)?.status).toBe("invited");
    await (await as(declined.owner)).forums.respond({ tenantSlug: declined.slug, forumId, accept: false });
    const audit = await withTenant(organiser.id, null, (tx) => tx.auditEvent.findMany({ where: { targetId: forumId }, select: { action: true } }));
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(["forum.created", "forum.invited", "forum.agendaItemAdded", "forum.participantRemoved"]));
    const answers = await withTenant(declined.id, null, (tx) => tx.auditEvent.findMany({ where: { targetId: forumId }, select: { action: true } }));
    expect(answers.map((a) => a.action)).toEqual(["forum.declined", "forum.declined"]);
  });
});

describe("the anonymised benchmark", () => {
  it(`shows a figure only when ${BENCHMARK_MIN_CONTRIBUTORS} verified workspaces other than the viewer's contribute`, async () => {
    expect(BENCHMARK_MIN_CONTRIBUTORS).toBe(3);
    const host = await workspace("Network secretariat");
    const members = await Promise.all(["North", "South", "East", "West"].map((name) => workspace(name)));
    for (const m of members) await setWorkspaceVerification({ slug: m.slug });
    const c = await as(host.owner);
    const network = (await c.forums.create({ tenantSlug: host.slug, name: "SEE NPM Network" })).id;
    await c.forums.invite({ tenantSlug: host.slug, forumId: network, workspaceIds: members.map((m) => m.id) });
    const figures = [
      { visits: 2, implemented: 1, total: 4 },
      { visits: 3, implemented: 2, total: 2 },
      { visits: 5, implemented: 0, total: 3 },
      { visits: 7, implemented: 7, total: 7 },
    ];
    for (const [i, m] of members.entries()) {
      await (await as(m.owner)).forums.respond({ tenantSlug: m.slug, forumId: network, accept: true });
      await addFigures(m.id, figures[i]!);
    }
    const benchmark = async (viewer: Workspace) => {
      const forum = await (await as(viewer.owner)).forums.get({ tenantSlug: viewer.slug, forumId: network });
      if (!forum.member) throw new Error("not a member");
      return forum.benchmark;
    };
    // Opting in needs an accepted invitation and an admin.
    const optIn = async (i: number) => (await as(members[i]!.owner)).forums.setBenchmarkOptIn({ tenantSlug: members[i]!.slug, forumId: network, optIn: true });
    await optIn(0);
    await optIn(1);
    // The fourth workspace has figures but did not opt in: it never counts.
    expect(await benchmark(host)).toEqual({ minimum: 3, optedIn: 2, withheld: false, figures: [] });

    await optIn(2);
    const sums = [
      { metric: "implementation_rate", placeType: "police_custody", year: null, numerator: 1 + 2 + 0, denominator: 4 + 2 + 3, contributors: 3 },
      { metric: "visits", placeType: "police_custody", year: 2014, numerator: 2 + 3 + 5, denominator: null, contributors: 3 },
    ];
    // The organiser contributes nothing: three others, so it sees the sums.
    expect(await benchmark(host)).toEqual({ minimum: 3, optedIn: 3, withheld: false, figures: sums });
    // A contributor knows its own figures and could subtract them: for it only two others remain.
    expect((await benchmark(members[0]!)).figures).toEqual([]);
    // The fourth opting in changes nothing (decision 0156): the host saw the three; a sum with the
    // fourth would give its exact figures by subtraction. Newcomers enter only three at a time.
    await optIn(3);
    expect(await benchmark(host)).toEqual({ minimum: 3, optedIn: 4, withheld: false, figures: sums });

    // A workspace of the summed set leaving withholds the forum's benchmark for good.
    await (await as(members[2]!.owner)).forums.setBenchmarkOptIn({ tenantSlug: members[2]!.slug, forumId: network, optIn: false });
    expect((await benchmark(host)).figures).toEqual([]);
    await optIn(2);
    expect(await benchmark(host)).toMatchObject({ withheld: true, figures: [] });
    // A workspace that was only invited cannot opt in.
    const late = await workspace("Late");
    await c.forums.invite({ tenantSlug: host.slug, forumId: network, workspaceIds: [late.id] });
    expect(await refusalOf((await as(late.owner)).forums.setBenchmarkOptIn({ tenantSlug: late.slug, forumId: network, optIn: true }))).toBe("NOT_FOUND errors.notFound");
  });

  /*
   * The differencing attack of issue 13: an organiser registers two workspaces of its own, invites a
   * real NPM, opts all three in, and subtracts its known figures from the sum to read the real NPM's
   * exact count. Unverified workspaces add nothing, so the sum is never shown; nor when the organiser
   * is itself verified and contributes, because its own figures do not count toward its minimum.
   */
  it("never reveals one real NPM's figures to an organiser who controls the other contributors", async () => {
    const serbia = await workspace("Serbia");
    await setWorkspaceVerification({ slug: serbia.slug });
    const attacker = await workspace("Attacker");
    const fakes = await Promise.all(["Fake one", "Fake two"].map((name) => workspace(name)));
    const c = await as(attacker.owner);
    const trap = (await c.forums.create({ tenantSlug: attacker.slug, name: "Regional benchmark" })).id;
    await c.forums.invite({ tenantSlug: attacker.slug, forumId: trap, workspaceIds: [serbia.id, ...fakes.map((f) => f.id)] });
    await addFigures(serbia.id, { visits: 4, implemented: 3, total: 5 });
    for (const ws of [serbia, ...fakes]) {
      const m = await as(ws.owner);
      await m.forums.respond({ tenantSlug: ws.slug, forumId: trap, accept: true });
      await m.forums.setBenchmarkOptIn({ tenantSlug: ws.slug, forumId: trap, optIn: true });
    }
    for (const fake of fakes) await addFigures(fake.id, { visits: 1, implemented: 0, total: 1 });
    const seen = async () => {
      const forum = await c.forums.get({ tenantSlug: attacker.slug, forumId: trap });
      if (!forum.member) throw new Error("not a member");
      return forum.benchmark.figures;
    };
    expect(await seen()).toEqual([]);
    // Nor through the database function directly.
    const direct = await withTenant(attacker.id, attacker.owner.id, (tx) => tx.$queryRaw<unknown[]>`SELECT * FROM forum_benchmark(${attacker.id}::uuid, ${trap}::uuid)`);
    expect(direct).toEqual([]);

    // The attacker gets itself verified and contributes too: still only one other verified workspace.
    await setWorkspaceVerification({ slug: attacker.slug });
    await c.forums.setBenchmarkOptIn({ tenantSlug: attacker.slug, forumId: trap, optIn: true });
    await addFigures(attacker.id, { visits: 1, implemented: 1, total: 1 });
    expect(await seen()).toEqual([]);

    // Even with three other verified contributors, the fakes' figures never enter the sum.
    // (The summed set is fixed at Serbia, the attacker and Montenegro; the other three enter together.)
    const others = await Promise.all(["Montenegro", "Croatia", "Bosnia", "Albania"].map((name) => workspace(name)));
    await c.forums.invite({ tenantSlug: attacker.slug, forumId: trap, workspaceIds: others.map((o) => o.id) });
    for (const ws of others) {
      await setWorkspaceVerification({ slug: ws.slug });
      await addFigures(ws.id, { visits: 2, implemented: 1, total: 2 });
      const m = await as(ws.owner);
      await m.forums.respond({ tenantSlug: ws.slug, forumId: trap, accept: true });
      await m.forums.setBenchmarkOptIn({ tenantSlug: ws.slug, forumId: trap, optIn: true });
    }
    const visits = (await seen()).find((f) => f.metric === "visits");
    expect(visits).toEqual({ metric: "visits", placeType: "police_custody", year: 2014, numerator: 4 + 1 + 2 * 4, denominator: null, contributors: 6 });
  });

  /*
   * Differencing across moments (review of decision 0156): four verified contributors with 1, 2, 3 and
   * 7 visits; the organiser reads the sum, removes one and reads again, or watches one opt in. The sum
   * is over a set fixed when first shown; a departure from it withholds the benchmark for good.
   */
  it("cannot be differenced by removing a contributor or watching one opt in", async () => {
    const organiser = await workspace("Organiser");
    const npms = await Promise.all(["One", "Two", "Three", "Seven"].map((name) => workspace(name)));
    const c = await as(organiser.owner);
    const forumId = (await c.forums.create({ tenantSlug: organiser.slug, name: "Watched" })).id;
    await c.forums.invite({ tenantSlug: organiser.slug, forumId, workspaceIds: npms.map((n) => n.id) });
    for (const [i, n] of npms.entries()) {
      await setWorkspaceVerification({ slug: n.slug });
      await addFigures(n.id, { visits: [1, 2, 3, 7][i]!, implemented: 0, total: 1 });
      const m = await as(n.owner);
      await m.forums.respond({ tenantSlug: n.slug, forumId, accept: true });
      await m.forums.setBenchmarkOptIn({ tenantSlug: n.slug, forumId, optIn: true });
    }
    const visits = async () => {
      const forum = await c.forums.get({ tenantSlug: organiser.slug, forumId });
      if (!forum.member) throw new Error("not a member");
      return forum.benchmark.figures.find((f) => f.metric === "visits")?.numerator ?? null;
    };
    const direct = () => withTenant(organiser.id, organiser.owner.id, (tx) => tx.$queryRaw<unknown[]>`SELECT * FROM forum_benchmark(${organiser.id}::uuid, ${forumId}::uuid)`);
    // The fourth opted in after the first three were shown: it is not in the sum (1 + 2 + 3, not 13).
    expect(await visits()).toBe(1 + 2 + 3);

    // The organiser cannot choose the summed set, nor lift a withholding, by editing its forum.
    await expect(withTenant(organiser.id, organiser.owner.id, (tx) => tx.$executeRaw`UPDATE forums SET benchmark_contributors = ${[npms[3]!.id, npms[0]!.id, npms[1]!.id]}::uuid[] WHERE id = ${forumId}::uuid`)).rejects.toThrow(/set by the database only/);

    // Removing one of the summed set leaves nothing to subtract from: no figure, now or later.
    await c.forums.removeParticipant({ tenantSlug: organiser.slug, forumId, workspaceId: npms[2]!.id });
    expect(await visits()).toBeNull();
    expect(await direct()).toEqual([]);
    await c.forums.invite({ tenantSlug: organiser.slug, forumId, workspaceIds: [npms[2]!.id] });
    const three = await as(npms[2]!.owner);
    await three.forums.respond({ tenantSlug: npms[2]!.slug, forumId, accept: true });
    await three.forums.setBenchmarkOptIn({ tenantSlug: npms[2]!.slug, forumId, optIn: true });
    expect(await direct()).toEqual([]);
    await expect(withTenant(organiser.id, organiser.owner.id, (tx) => tx.$executeRaw`UPDATE forums SET benchmark_withheld_at = NULL WHERE id = ${forumId}::uuid`)).rejects.toThrow(/set by the database only/);
  });
});
