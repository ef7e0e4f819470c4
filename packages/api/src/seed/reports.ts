import { withTenant, type PlaceType, type TenantTx } from "@vigil/db";
import { recordRecommendationUpdate, sendReport } from "../recommendations/follow-up.ts";
import type { Actor } from "../core/actor.ts";
import { planVisit } from "../visits/planning.ts";
import { type DemoWorkspaceContext, ownerActor } from "./context.ts";
import { SERBIAN_REPORTS } from "./data/reports-serbia.ts";
import { UKRAINIAN_REPORTS } from "./data/reports-ukraine.ts";
import type { Day, DemoReport, DemoUpdate, NewVisit, VisitRef } from "./report-plans.ts";
import { day } from "./visits.ts";

const REPORTS: Record<string, { language: string; reports: DemoReport[] }> = {
  RS: { language: "sr-Cyrl", reports: SERBIAN_REPORTS },
  UA: { language: "uk", reports: UKRAINIAN_REPORTS },
};

/** The demo methodology (templates seed) that fits each place type; other places are visited without one. */
const TEMPLATE_FOR: Partial<Record<PlaceType, string>> = { police_custody: "Police custody", prison: "Prison", pre_trial_detention: "Prison" };

const date = (value: Day) => new Date(`${day(value)}T00:00:00Z`);

/** What the seed looks up by name, read once: the registry, the templates, and the visits found or planned so far. */
type Lookup = {
  actor: Actor;
  workspace: DemoWorkspaceContext;
  places: Map<string, { id: string; type: PlaceType }>;
  authorities: Map<string, string>;
  templateVersions: Map<string, string>;
  visits: Map<string, { id: string; placeId: string }>;
};

/**
 * Reports with numbered recommendations and their follow-up over the years (issue 4), for the
 * visits the visit seed planned and for older and newer visits planned here. Sending and every
 * timeline entry go through the follow-up services, so due dates, first responses, statuses and
 * the audit trail are what the app itself would have written. One transaction per report.
 */
export async function seedReports(workspace: DemoWorkspaceContext): Promise<void> {
  const demo = REPORTS[workspace.countryCode];
  if (!demo) return;
  const inWorkspace = <T>(work: (tx: TenantTx) => Promise<T>) => withTenant(workspace.tenantId, workspace.ownerId, work);
  const lookup = await inWorkspace(async (tx): Promise<Lookup> => {
    const [places, authorities, versions] = [
      await tx.place.findMany({ select: { id: true, name: true, type: true } }),
      await tx.authority.findMany({ select: { id: true, name: true } }),
      await tx.checklistTemplateVersion.findMany({ where: { version: 1 }, select: { id: true, template: { select: { name: true } } } }),
    ];
    return {
      actor: ownerActor(workspace),
      workspace,
      places: new Map(places.map((p) => [p.name, { id: p.id, type: p.type }])),
      authorities: new Map(authorities.map((a) => [a.name, a.id])),
      templateVersions: new Map(versions.map((v) => [v.template.name, v.id])),
      visits: new Map(),
    };
  });

  // A timeline entry naming a follow-up visit that a later report plans waits until the end,
  // with the entries after it (a recommendation's updates are recorded in their order).
  const waiting: { recommendationId: string; updates: DemoUpdate[] }[] = [];
  for (const plan of demo.reports) {
    await inWorkspace(async (tx) => {
      const recommendationIds = await writeReport(tx, lookup, demo.language, plan);
      if (!recommendationIds) return;
      for (const [index, recommendation] of plan.recommendations.entries()) {
        const recommendationId = recommendationIds[index]!;
        for (const [position, update] of recommendation.updates.entries()) {
          if (update.visit && !(await findVisit(tx, lookup, update.visit))) {
            waiting.push({ recommendationId, updates: recommendation.updates.slice(position) });
            break;
          }
          await recordUpdate(tx, lookup, recommendationId, update);
        }
      }
    });
  }
  if (waiting.length === 0) return;
  await inWorkspace(async (tx) => {
    for (const { recommendationId, updates } of waiting) for (const update of updates) await recordUpdate(tx, lookup, recommendationId, update);
  });
}

/** One timeline entry, through the follow-up service (status, first response, audit). */
async function recordUpdate(tx: TenantTx, lookup: Lookup, recommendationId: string, update: DemoUpdate) {
  await recordRecommendationUpdate(tx, lookup.actor, {
    recommendationId,
    occurredOn: date(update.on),
    source: update.source,
    authorityId: update.from ? (lookup.authorities.get(update.from) ?? null) : null,
    visitId: update.visit ? ((await findVisit(tx, lookup, update.visit))?.id ?? null) : null,
    resultingStatus: update.status,
    text: update.text,
  });
}

/** One report with its recommendations and addressees, sent if the plan says so; null if its visit's place is missing. */
async function writeReport(tx: TenantTx, lookup: Lookup, language: string, plan: DemoReport): Promise<string[] | null> {
  const visit = "type" in plan.visit ? await planPastVisit(tx, lookup, plan.visit) : await findVisit(tx, lookup, plan.visit);
  if (!visit) return null;
  if (plan.followUpOf) {
    const followed = await findVisit(tx, lookup, plan.followUpOf);
    await tx.visit.updateMany({ where: { id: visit.id }, data: { followUpOfVisitId: followed?.id ?? null } });
  }
  // Drafted when sent (old reports keep their own year in lists and charts), or today for a draft.
  const draftedAt = plan.sentOn === null ? new Date() : date(plan.sentOn);
  const tenantId = lookup.workspace.tenantId;
  const report = await tx.report.create({
    data: { tenantId, visitId: visit.id, language, summary: plan.summary, createdAt: draftedAt, updatedAt: draftedAt },
    select: { id: true },
  });
  const recommendations = await tx.recommendation.createManyAndReturn({
    data: plan.recommendations.map((r, index) => ({
      tenantId, reportId: report.id, visitId: visit.id, placeId: visit.placeId, number: index + 1, text: r.text, themeTags: r.themes,
      priority: r.priority, createdById: lookup.workspace.ownerId, createdAt: draftedAt, updatedAt: draftedAt,
    })),
    select: { id: true, number: true },
  });
  const ids = recommendations.sort((a, b) => a.number - b.number).map((r) => r.id);
  await tx.recommendationAddressee.createMany({
    data: plan.recommendations.flatMap((r, index) =>
      r.to.flatMap((name) => {
        const authorityId = lookup.authorities.get(name);
        return authorityId ? [{ tenantId, recommendationId: ids[index]!, authorityId }] : [];
      }),
    ),
  });
  if (plan.sentOn !== null) await sendReport(tx, lookup.actor, report.id, new Date(`${day(plan.sentOn)}T10:00:00Z`));
  return ids;
}

/**
 * A visit from the NPM's past, recorded after the fact: planned through the visit service (so its
 * place, template and team are checked and the planning audited), then given the status its
 * records show, without replaying each step of the cycle (that would quadruple the seed's writes).
 */
async function planPastVisit(tx: TenantTx, lookup: Lookup, visit: NewVisit) {
  const place = lookup.places.get(visit.place);
  if (!place) return null;
  const template = TEMPLATE_FOR[place.type];
  const [lead, ...monitors] = visit.team.flatMap((email) => lookup.workspace.memberIds.get(email) ?? []);
  const { id } = await planVisit(tx, lookup.actor, {
    placeId: place.id,
    type: visit.type,
    announced: visit.announced ?? false,
    nightVisit: visit.nightVisit ?? false,
    plannedStart: day(visit.start),
    plannedEnd: day(visit.end),
    objectives: visit.objectives,
    templateVersionId: template ? (lookup.templateVersions.get(template) ?? null) : null,
    team: [
      ...(lead ? [{ kind: "member" as const, userId: lead, visitRole: "lead" as const }] : []),
      ...monitors.map((userId) => ({ kind: "member" as const, userId, visitRole: "monitor" as const })),
    ],
  });
  if (visit.status !== "planned") await tx.visit.updateMany({ where: { id }, data: { status: visit.status } });
  const planned = { id, placeId: place.id };
  lookup.visits.set(visitKey(visit), planned);
  return planned;
}

function visitKey(ref: VisitRef) {
  return `${ref.place}|${day(ref.start)}`;
}

async function findVisit(tx: TenantTx, lookup: Lookup, ref: VisitRef) {
  const key = visitKey(ref);
  if (!lookup.visits.has(key)) {
    const place = lookup.places.get(ref.place);
    const visit = place ? await tx.visit.findFirst({ where: { placeId: place.id, plannedStart: date(ref.start) }, select: { id: true, placeId: true } }) : null;
    if (!visit) return null;
    lookup.visits.set(key, visit);
  }
  return lookup.visits.get(key)!;
}
