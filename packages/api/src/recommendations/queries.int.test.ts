import { withTenant } from "@vigil/db";
import pg from "pg";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getRecommendation } from "./detail.ts";
import { recommendationsToVerify } from "./follow-up-visits.ts";
import { listRecommendations, placeRecommendationHistory } from "./list.ts";
import { createTestUser, createTestWorkspace } from "../testing/index.ts";
import { createAuthorities, createSentReport } from "../testing/recommendations.ts";
import { createTestPlace } from "../testing/visits.ts";

/**
 * No N+1: the number of SQL statements a page costs does not grow with its rows. Counted at the
 * driver (Prisma's adapter runs every statement through pg's Client#query), inside one tenant
 * transaction, for a page of 2 rows and a page of 20.
 */
let tenantId: string;
let placeId: string;
let visitId: string;
let recommendationId: string;
let counting = false;
let statements = 0;
const originalQuery = pg.Client.prototype.query;

beforeAll(async () => {
  const owner = await createTestUser();
  const workspace = await createTestWorkspace(owner);
  tenantId = workspace.id;
  const { ministry, institution } = await createAuthorities(tenantId);
  const place = await createTestPlace(tenantId);
  placeId = place.id;
  const actor = { tenantId, userId: owner.id, role: "owner" as const, ipAddress: null };
  const drafts = Array.from({ length: 12 }, (_, i) => ({ text: `Recommendation ${i}.`, themeTags: ["safeguards"], addressees: [institution.id, ministry.id] }));
  const first = await createSentReport(actor, place.id, "2014-06-12", new Date("2014-06-20"), drafts);
  const second = await createSentReport(actor, place.id, "2016-03-01", new Date("2016-03-10"), drafts);
  visitId = first.visitId;
  recommendationId = first.recommendations[0]!;
  await withTenant(tenantId, owner.id, async (tx) => {
    for (const id of [...first.recommendations, ...second.recommendations]) {
      await tx.recommendationUpdate.createMany({
        data: [1, 2].map((n) => ({ tenantId, recommendationId: id, occurredOn: new Date(`2015-0${n}-01`), source: "authority_response" as const, resultingStatus: "in_progress" as const, text: `Update ${n}.` })),
      });
    }
    // A follow-up of the first visit, to count the verification list too.
    const followUp = await tx.visit.create({ data: { tenantId, placeId: place.id, type: "follow_up", plannedStart: new Date("2015-01-15"), plannedEnd: new Date("2015-01-15"), followUpOfVisitId: first.visitId }, select: { id: true } });
    visitId = followUp.id;
  });
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (counting) statements += 1;
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
});

afterEach(() => {
  counting = false;
});

async function countStatements(work: Parameters<typeof withTenant>[2]) {
  return withTenant(tenantId, null, async (tx) => {
    statements = 0;
    counting = true;
    await work(tx);
    counting = false;
    return statements;
  });
}

describe("recommendation queries", () => {
  it("cost the same number of statements for 2 rows as for 20", async () => {
    const small = await countStatements((tx) => listRecommendations(tx, { limit: 2 }));
    const large = await countStatements((tx) => listRecommendations(tx, { limit: 20 }));
    expect(large).toBe(small);
    // recommendations, places, visits, then addressees and latest updates (one statement each).
    expect(small).toBeGreaterThan(0);
    expect(small).toBeLessThanOrEqual(8);
    const filtered = await countStatements((tx) => listRecommendations(tx, { limit: 20, tag: "safeguards", overdue: true, status: ["open"] }));
    expect(filtered).toBe(small);

    const historySmall = await countStatements((tx) => placeRecommendationHistory(tx, placeId, 2));
    const historyLarge = await countStatements((tx) => placeRecommendationHistory(tx, placeId, 24));
    expect(historyLarge).toBe(historySmall);

    // One statement per relation of the detail (report, visit, follow-ups, place, addressees, timeline with
    // its authorities, visits, authors, documents and their uploaders, the recommendation it repeats and
    // those repeating it with their visits: decision 0192), never one per timeline entry.
    expect(await countStatements((tx) => getRecommendation(tx, recommendationId))).toBeLessThanOrEqual(17);
    expect(await countStatements((tx) => recommendationsToVerify(tx, visitId))).toBeLessThanOrEqual(14);
  });
});
