import { randomUUID } from "node:crypto";
import { withTenant, type PlaceType, type RecommendationStatus } from "@vigil/db";
import { recordSystemAudit } from "../core/audit.ts";
import { addAgendaItem, createForum, inviteToForum, setBenchmarkOptIn, shareDocument } from "../forums/forums.ts";
import { publishToLibrary } from "../library/library.ts";
import { setWorkspaceVerification } from "../workspaces/verification.ts";
import { type DemoWorkspaceContext, ownerActor } from "./context.ts";

/**
 * The First South-East European OPCAT Forum (Belgrade, 27 November 2014), organised by Serbia's NPM,
 * with its police custody template shared with the participants; Serbia's prison template is in the
 * library for everyone. Three small SEE NPM workspaces without members, verified like the real NPMs
 * they stand for, take part so that the anonymised benchmark reaches its minimum group as Serbia sees
 * it: three verified contributors other than the viewer (decision 0156); Ukraine's NPM is invited and
 * has not answered yet, so its owner sees the invitation.
 */
const PARTICIPANTS = [
  { slug: "npm-montenegro", name: "Protector of Human Rights and Freedoms — NPM Montenegro", countryCode: "ME", visits: 3, recommendations: [3, 5] },
  { slug: "npm-north-macedonia", name: "Ombudsman — NPM North Macedonia", countryCode: "MK", visits: 4, recommendations: [2, 6] },
  { slug: "npm-croatia", name: "Ombudswoman of the Republic of Croatia — NPM", countryCode: "HR", visits: 2, recommendations: [1, 4] },
] as const;

const AGENDA = [
  { startsAt: "09:30", title: "Opening: the Protector of Citizens of Serbia and the OSCE Mission to Serbia" },
  { startsAt: "10:00", title: "Methodology of visits to police custody", description: "Presentation of the police custody checklist shared with the forum; discussion of interviews in private." },
  { startsAt: "11:30", title: "Following up recommendations with authorities" },
  { startsAt: "14:00", title: "Cooperation within the South-East Europe NPM Network" },
];

export async function seedLibraryAndForum(workspaces: DemoWorkspaceContext[]): Promise<void> {
  const serbia = workspaces.find((w) => w.slug === "npm-serbia")!;
  const ukraine = workspaces.find((w) => w.slug === "npm-ukraine");
  const actor = ownerActor(serbia);
  const participantIds: string[] = [];
  for (const participant of PARTICIPANTS) participantIds.push(await memberlessWorkspace(participant));

  const forumId = await withTenant(serbia.tenantId, serbia.ownerId, async (tx) => {
    const forum = await createForum(tx, actor, {
      name: "First South-East European OPCAT Forum",
      startsOn: "2014-11-27",
      endsOn: "2014-11-27",
      place: "Belgrade",
      description: "NPMs of South-East Europe meet to share methodology for monitoring places of detention, starting with police custody.",
    });
    for (const item of AGENDA) await addAgendaItem(tx, actor, forum.id, item);
    await inviteToForum(tx, actor, forum.id, [...participantIds, ...(ukraine ? [ukraine.tenantId] : [])]);
    await shareDocument(tx, actor, forum.id, {
      title: "Optional Protocol to the Convention against Torture (OPCAT)",
      url: "https://www.ohchr.org/en/instruments-mechanisms/instruments/optional-protocol-convention-against-torture",
      note: "The text the forum's work rests on.",
    });
    const templates = await tx.checklistTemplateVersion.findMany({
      where: { version: { not: null } },
      select: { id: true, template: { select: { placeTypes: true } } },
      orderBy: { version: "desc" },
    });
    const policeCustody = templates.find((v) => v.template.placeTypes.includes("police_custody"));
    const prison = templates.find((v) => v.template.placeTypes.includes("prison") && !v.template.placeTypes.includes("police_custody"));
    if (policeCustody) await publishToLibrary(tx, actor, { versionId: policeCustody.id, forumId: forum.id });
    if (prison) await publishToLibrary(tx, actor, { versionId: prison.id });
    return forum.id;
  });
  // The memberless participants answer in their own tenants, once the invitations are committed.
  for (const participantId of participantIds) await acceptAndContribute(participantId, serbia.tenantId, forumId);
  // Serbia opts in last: the three participants make the benchmark's fixed contributor list (decision
  // 0156), so Serbia sees figures from three workspaces other than its own; had it opted in first, the
  // list would hold Serbia and two others, and the third would wait for two more newcomers.
  await withTenant(serbia.tenantId, serbia.ownerId, (tx) => setBenchmarkOptIn(tx, actor, forumId, true));
}

/** A workspace with no members: it can take part in a forum and contribute figures, and nobody signs in to it. */
async function memberlessWorkspace(participant: (typeof PARTICIPANTS)[number]): Promise<string> {
  const tenantId = randomUUID();
  await withTenant(tenantId, null, async (tx) => {
    await tx.tenant.create({ data: { id: tenantId, slug: participant.slug, name: participant.name, countryCode: participant.countryCode, defaultLocale: "en" } });
    await seedFigures(tx, tenantId, participant);
  });
  await setWorkspaceVerification({ slug: participant.slug, note: "Demo data" });
  return tenantId;
}

/** Police custody visits carried out in 2014 and recommendations in a sent report: what the benchmark aggregates. */
async function seedFigures(tx: Parameters<Parameters<typeof withTenant>[2]>[0], tenantId: string, participant: (typeof PARTICIPANTS)[number]) {
  const type: PlaceType = "police_custody";
  const place = await tx.place.create({ data: { tenantId, name: "Police Directorate", type }, select: { id: true } });
  const visitIds: string[] = [];
  for (let i = 0; i < participant.visits; i++) {
    const day = new Date(Date.UTC(2014, 2 + i * 2, 10));
    const visit = await tx.visit.create({ data: { tenantId, placeId: place.id, type: "in_depth", plannedStart: day, plannedEnd: day, status: "closed" }, select: { id: true } });
    visitIds.push(visit.id);
  }
  const report = await tx.report.create({ data: { tenantId, visitId: visitIds[0]!, language: "en", status: "sent", sentAt: new Date("2014-05-15") }, select: { id: true } });
  const [implemented, total] = participant.recommendations;
  for (let number = 1; number <= total; number++) {
    const status: RecommendationStatus = number <= implemented ? "implemented" : "in_progress";
    await tx.recommendation.create({ data: { tenantId, reportId: report.id, visitId: visitIds[0]!, placeId: place.id, number, text: `Recommendation ${number} on police custody`, status } });
  }
}

/** The participant's own answer and consent, written in its own tenant, as its admins would through the forum page. */
async function acceptAndContribute(tenantId: string, forumTenantId: string, forumId: string) {
  await withTenant(tenantId, null, async (tx) => {
    await tx.forumParticipant.update({
      where: { tenantId_forumId_participantTenantId: { tenantId: forumTenantId, forumId, participantTenantId: tenantId } },
      data: { status: "accepted", respondedAt: new Date(), benchmarkOptIn: true },
    });
    await recordSystemAudit(tx, tenantId, { action: "forum.accepted", targetType: "forum", targetId: forumId, details: { organiserId: forumTenantId } });
    await recordSystemAudit(tx, tenantId, { action: "forum.benchmarkJoined", targetType: "forum", targetId: forumId });
  });
}
