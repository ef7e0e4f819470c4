import type { TenantTx } from "@vigil/db";
import { fail } from "../core/errors.ts";
import type { Actor } from "../core/actor.ts";
import { recordAudit } from "../core/audit.ts";
import { workspaceEntitlements } from "../core/entitlements.ts";
import { forumDirectory, workspaceNames } from "./directory.ts";

/**
 * Forums and networks (decision 0110): an organiser's workspace invites others; what the forum holds
 * (participants, agenda, templates, documents, benchmark) is readable only by the organiser and the
 * workspaces that accepted, which row-level security enforces through is_forum_member().
 */

/** Below this many contributing workspaces a benchmark figure is withheld (decision 0111); the SQL function holds the same number. */
export const BENCHMARK_MIN_CONTRIBUTORS = 3;

export type ForumInput = { name: string; startsOn?: string | null; endsOn?: string | null; place?: string | null; description?: string | null };

const dateOrNull = (value?: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);
const forumFields = { id: true, tenantId: true, name: true, startsOn: true, endsOn: true, place: true, description: true, createdAt: true } as const;

/**
 * Organising forums is a plan feature ("forums", the Network plan); taking part in one is not. Checked
 * by the procedure, so that the demo seed can organise its forum whatever the billing settings.
 */
export async function assertMayOrganiseForums(tx: TenantTx) {
  if (!(await workspaceEntitlements(tx)).features.includes("forums")) fail("FORBIDDEN", "forumErrors.planRequired");
}

export async function createForum(tx: TenantTx, actor: Actor, input: ForumInput) {
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) fail("BAD_REQUEST", "forumErrors.endsBeforeStart", {}, "endsOn");
  const forum = await tx.forum.create({
    data: { tenantId: actor.tenantId, name: input.name, startsOn: dateOrNull(input.startsOn), endsOn: dateOrNull(input.endsOn), place: input.place || null, description: input.description || null },
    select: { id: true },
  });
  // The organiser takes part in its own forum (its templates, documents and benchmark figures count).
  await tx.forumParticipant.create({ data: { tenantId: actor.tenantId, forumId: forum.id, participantTenantId: actor.tenantId, status: "accepted", respondedAt: new Date() } });
  await recordAudit(tx, actor, { action: "forum.created", targetType: "forum", targetId: forum.id, details: { name: input.name } });
  return forum;
}

/** The forums the workspace organises or takes part in, and the invitations waiting for its answer. */
export async function listForums(tx: TenantTx, actor: Actor) {
  const rows = await tx.forumParticipant.findMany({
    where: { participantTenantId: actor.tenantId },
    select: { status: true, benchmarkOptIn: true, forum: { select: forumFields } },
  });
  const names = await workspaceNames(tx);
  return rows
    .map((row) => ({ ...row.forum, organiserName: names.get(row.forum.tenantId)?.name ?? "", organiser: row.forum.tenantId === actor.tenantId, status: row.status }))
    .sort((a, b) => (b.startsOn?.getTime() ?? 0) - (a.startsOn?.getTime() ?? 0) || a.name.localeCompare(b.name));
}

async function visibleForum(tx: TenantTx, forumId: string) {
  const forum = await tx.forum.findFirst({ where: { id: forumId }, select: forumFields });
  if (!forum) fail("NOT_FOUND", "errors.notFound");
  return forum;
}

/**
 * A forum the current workspace organises or takes part in (accepted); NOT_FOUND otherwise, as for
 * a forum it cannot see. What members add to a forum (documents, library publications) asks this.
 */
export async function memberForum(tx: TenantTx, forumId: string) {
  const forum = await visibleForum(tx, forumId);
  const [row] = await tx.$queryRaw<{ member: boolean }[]>`SELECT is_forum_member(${forum.tenantId}::uuid, ${forumId}::uuid) AS member`;
  if (!row?.member) fail("NOT_FOUND", "errors.notFound");
  return forum;
}

async function organisedForum(tx: TenantTx, actor: Actor, forumId: string) {
  const forum = await tx.forum.findFirst({ where: { id: forumId, tenantId: actor.tenantId }, select: forumFields });
  if (!forum) fail("NOT_FOUND", "errors.notFound");
  return forum;
}

/**
 * The forum page. An invited (or declining) workspace sees only the forum's name and details, to
 * answer; members see everything, the benchmark as aggregated figures only.
 */
export async function getForum(tx: TenantTx, actor: Actor, forumId: string) {
  const forum = await visibleForum(tx, forumId);
  const own = await tx.forumParticipant.findFirst({ where: { tenantId: forum.tenantId, forumId, participantTenantId: actor.tenantId }, select: { status: true, benchmarkOptIn: true } });
  const names = await workspaceNames(tx);
  const organiser = forum.tenantId === actor.tenantId;
  const head = { ...forum, organiser, organiserName: names.get(forum.tenantId)?.name ?? "", myStatus: own?.status ?? null, benchmarkOptIn: own?.benchmarkOptIn ?? false };
  if (own?.status !== "accepted") return { ...head, member: false as const };
  // One after another: a transaction's one connection cannot run queries side by side.
  const participants = await tx.forumParticipant.findMany({ where: { tenantId: forum.tenantId, forumId }, select: { participantTenantId: true, status: true, invitedAt: true, respondedAt: true } });
  const agenda = await tx.forumAgendaItem.findMany({ where: { tenantId: forum.tenantId, forumId }, select: { id: true, position: true, startsAt: true, title: true, description: true }, orderBy: [{ position: "asc" }, { id: "asc" }] });
  const publications = await tx.libraryPublication.findMany({ where: { forumTenantId: forum.tenantId, forumId, unpublishedAt: null }, select: { id: true, tenantId: true, name: true, version: true, languages: true, placeTypes: true, publishedAt: true }, orderBy: [{ name: "asc" }, { version: "desc" }] });
  const documents = await tx.forumDocument.findMany({ where: { forumTenantId: forum.tenantId, forumId }, select: { id: true, tenantId: true, title: true, url: true, note: true, sharedAt: true }, orderBy: [{ sharedAt: "desc" }, { id: "asc" }] });
  return {
    ...head,
    member: true as const,
    // The organiser sees whom it invited and their answers; participants see who takes part.
    participants: participants
      .filter((p) => organiser || p.status === "accepted")
      .map((p) => ({ tenantId: p.participantTenantId, name: names.get(p.participantTenantId)?.name ?? "", status: p.status, respondedAt: p.respondedAt }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    agenda,
    publications: publications.map((p) => ({ ...p, publisherName: names.get(p.tenantId)?.name ?? "", own: p.tenantId === actor.tenantId })),
    documents: documents.map((d) => ({ ...d, sharedByName: names.get(d.tenantId)?.name ?? "", own: d.tenantId === actor.tenantId })),
    benchmark: await forumBenchmark(tx, forum.tenantId, forumId),
  };
}

/** Workspaces the organiser may invite: all but itself and those already invited or taking part. */
export async function invitableWorkspaces(tx: TenantTx, actor: Actor, forumId: string) {
  await organisedForum(tx, actor, forumId);
  const invited = new Set((await tx.forumParticipant.findMany({ where: { tenantId: actor.tenantId, forumId, status: { not: "declined" } }, select: { participantTenantId: true } })).map((p) => p.participantTenantId));
  // Verified first (the directory's order), with country and slug so look-alike names can be told apart.
  return (await forumDirectory(tx)).filter((entry) => !invited.has(entry.id)).map(({ id, name, slug, countryCode, verified }) => ({ id, name, slug, countryCode, verified }));
}

export async function inviteToForum(tx: TenantTx, actor: Actor, forumId: string, workspaceIds: string[]) {
  await organisedForum(tx, actor, forumId);
  const directory = await workspaceNames(tx);
  for (const workspaceId of workspaceIds) {
    if (!directory.has(workspaceId) || workspaceId === actor.tenantId) fail("BAD_REQUEST", "forumErrors.unknownWorkspace", {}, "workspaceIds");
    const existing = await tx.forumParticipant.findFirst({ where: { tenantId: actor.tenantId, forumId, participantTenantId: workspaceId }, select: { status: true } });
    if (existing && existing.status !== "declined") continue;
    // A declined invitation may be sent again: the organiser cannot answer for the participant, so it starts over.
    if (existing) await tx.forumParticipant.delete({ where: { tenantId_forumId_participantTenantId: { tenantId: actor.tenantId, forumId, participantTenantId: workspaceId } } });
    await tx.forumParticipant.create({ data: { tenantId: actor.tenantId, forumId, participantTenantId: workspaceId } });
    await recordAudit(tx, actor, { action: "forum.invited", targetType: "forum", targetId: forumId, details: { workspaceId, workspaceName: directory.get(workspaceId)!.name } });
  }
  return { invited: workspaceIds.length };
}

/** The organiser withdraws an invitation or removes a participant: access ends at once. */
export async function removeParticipant(tx: TenantTx, actor: Actor, forumId: string, workspaceId: string) {
  await organisedForum(tx, actor, forumId);
  if (workspaceId === actor.tenantId) fail("BAD_REQUEST", "forumErrors.organiserStays");
  const { count } = await tx.forumParticipant.deleteMany({ where: { tenantId: actor.tenantId, forumId, participantTenantId: workspaceId } });
  if (count === 0) fail("NOT_FOUND", "errors.notFound");
  await recordAudit(tx, actor, { action: "forum.participantRemoved", targetType: "forum", targetId: forumId, details: { workspaceId } });
  return { removed: workspaceId };
}

/** The invited workspace's answer (its own row; the database lets it change nothing else). */
export async function respondToInvitation(tx: TenantTx, actor: Actor, forumId: string, accept: boolean) {
  const forum = await visibleForum(tx, forumId);
  const { count } = await tx.forumParticipant.updateMany({
    where: { tenantId: forum.tenantId, forumId, participantTenantId: actor.tenantId, status: "invited" },
    data: { status: accept ? "accepted" : "declined", respondedAt: new Date() },
  });
  if (count === 0) fail("CONFLICT", "forumErrors.notInvited");
  await recordAudit(tx, actor, { action: accept ? "forum.accepted" : "forum.declined", targetType: "forum", targetId: forumId, details: { organiserId: forum.tenantId, name: forum.name } });
  return { status: accept ? "accepted" : "declined" };
}

/** The workspace's consent to its figures entering the forum's anonymised benchmark. */
export async function setBenchmarkOptIn(tx: TenantTx, actor: Actor, forumId: string, optIn: boolean) {
  const forum = await visibleForum(tx, forumId);
  const { count } = await tx.forumParticipant.updateMany({ where: { tenantId: forum.tenantId, forumId, participantTenantId: actor.tenantId, status: "accepted" }, data: { benchmarkOptIn: optIn } });
  if (count === 0) fail("NOT_FOUND", "errors.notFound");
  await recordAudit(tx, actor, { action: optIn ? "forum.benchmarkJoined" : "forum.benchmarkLeft", targetType: "forum", targetId: forumId });
  return { optIn };
}

export async function addAgendaItem(tx: TenantTx, actor: Actor, forumId: string, item: { title: string; startsAt?: string | null; description?: string | null }) {
  await organisedForum(tx, actor, forumId);
  const last = await tx.forumAgendaItem.aggregate({ where: { tenantId: actor.tenantId, forumId }, _max: { position: true } });
  const created = await tx.forumAgendaItem.create({
    data: { tenantId: actor.tenantId, forumId, position: (last._max.position ?? 0) + 1, title: item.title, startsAt: item.startsAt || null, description: item.description || null },
    select: { id: true },
  });
  await recordAudit(tx, actor, { action: "forum.agendaItemAdded", targetType: "forum", targetId: forumId, details: { title: item.title } });
  return created;
}

export async function removeAgendaItem(tx: TenantTx, actor: Actor, forumId: string, itemId: string) {
  await organisedForum(tx, actor, forumId);
  const { count } = await tx.forumAgendaItem.deleteMany({ where: { tenantId: actor.tenantId, forumId, id: itemId } });
  if (count === 0) fail("NOT_FOUND", "errors.notFound");
  await recordAudit(tx, actor, { action: "forum.agendaItemRemoved", targetType: "forum", targetId: forumId });
  return { id: itemId };
}

export async function shareDocument(tx: TenantTx, actor: Actor, forumId: string, document: { title: string; url?: string | null; note?: string | null }) {
  const forum = await memberForum(tx, forumId);
  const created = await tx.forumDocument.create({
    data: { tenantId: actor.tenantId, forumTenantId: forum.tenantId, forumId, title: document.title, url: document.url || null, note: document.note || null },
    select: { id: true },
  });
  await recordAudit(tx, actor, { action: "forum.documentShared", targetType: "forum", targetId: forumId, details: { title: document.title } });
  return created;
}

/** The sharer takes its own document back. */
export async function removeDocument(tx: TenantTx, actor: Actor, documentId: string) {
  const document = await tx.forumDocument.findFirst({ where: { id: documentId, tenantId: actor.tenantId }, select: { forumId: true } });
  if (!document) fail("NOT_FOUND", "errors.notFound");
  await tx.forumDocument.delete({ where: { tenantId_id: { tenantId: actor.tenantId, id: documentId } } });
  await recordAudit(tx, actor, { action: "forum.documentRemoved", targetType: "forum", targetId: document.forumId });
  return { id: documentId };
}

type BenchmarkFigure = { metric: "implementation_rate" | "visits"; placeType: string; year: number | null; numerator: number; denominator: number | null; contributors: number };

/**
 * The anonymised figures, computed by the database across the accepted participants that opted in;
 * a figure with fewer than BENCHMARK_MIN_CONTRIBUTORS contributing workspaces never leaves it.
 */
async function forumBenchmark(tx: TenantTx, forumTenantId: string, forumId: string) {
  const rows = await tx.$queryRaw<{ metric: string; place_type: string; year: number | null; numerator: bigint; denominator: bigint | null; contributors: number }[]>`
    SELECT metric, place_type::text AS place_type, year, numerator, denominator, contributors FROM forum_benchmark(${forumTenantId}::uuid, ${forumId}::uuid)`;
  const optedIn = await tx.forumParticipant.count({ where: { tenantId: forumTenantId, forumId, status: "accepted", benchmarkOptIn: true } });
  // Withheld for good once a summed workspace left (decision 0156); the screen says so instead of "not enough".
  const forum = await tx.forum.findFirst({ where: { tenantId: forumTenantId, id: forumId }, select: { benchmarkWithheldAt: true } });
  return {
    minimum: BENCHMARK_MIN_CONTRIBUTORS,
    optedIn,
    withheld: forum?.benchmarkWithheldAt != null,
    figures: rows.map((row): BenchmarkFigure => ({
      metric: row.metric as BenchmarkFigure["metric"], placeType: row.place_type, year: row.year, numerator: Number(row.numerator),
      denominator: row.denominator === null ? null : Number(row.denominator), contributors: row.contributors,
    })),
  };
}
