import type pg from "pg";

/** How big a synthetic workspace is. Recommendations come five to a report. */
export type Scale = { visits: number; recommendations: number; updates: number; checklistAnswers: number; places: number; institutions: number };

/** About ten times Serbia's history (issue 4 §5). */
export const BIG: Scale = { visits: 5_000, recommendations: 20_000, updates: 100_000, checklistAnswers: 1_000_000, places: 600, institutions: 300 };
/** A workspace of normal size, beside the big one. */
export const NORMAL: Scale = { visits: 80, recommendations: 200, updates: 1_000, checklistAnswers: 6_000, places: 20, institutions: 10 };

const MINISTRIES = 8;
const PER_REPORT = 5;
const UPCOMING = 20;

/**
 * Fills a workspace with generate_series, as the table owner (which bypasses row-level security):
 * seconds instead of minutes. Ids are md5 hashes of (tenant, kind, number), so rows can refer to
 * each other without lookups. Visits spread from mid-2010 to mid-2026, the last few are planned
 * ahead; every twentieth is cancelled; reports are sent a month after the visit with a 60-day
 * deadline; statuses follow a plausible mix, and unanswered ones are overdue.
 */
export async function fillWorkspace(db: pg.Client, tenantId: string, scale: Scale): Promise<void> {
  const id = (kind: string, n: string) => `md5('${tenantId}:${kind}:' || (${n}))::uuid`;
  const placeOfVisit = (i: string) => `(1 + ((${i}) * 7) % ${scale.places})`;
  const reportedVisits = scale.recommendations / PER_REPORT;
  const run = (sql: string) => db.query(sql);

  await run(`INSERT INTO authorities (tenant_id, id, kind, name)
    SELECT '${tenantId}', ${id("m", "i")}, 'ministry', 'Ministry ' || i FROM generate_series(1, ${MINISTRIES}) i`);
  await run(`INSERT INTO authorities (tenant_id, id, kind, name, parent_id)
    SELECT '${tenantId}', ${id("a", "i")}, 'institution', 'Institution ' || i, ${id("m", `1 + i % ${MINISTRIES}`)}
      FROM generate_series(1, ${scale.institutions}) i`);
  await run(`INSERT INTO places (tenant_id, id, name, type, region, authority_id)
    SELECT '${tenantId}', ${id("p", "i")}, 'Place ' || lpad(i::text, 5, '0'), (enum_range(NULL::place_type))[1 + i % 10],
           'Region ' || (i % 25), ${id("a", `1 + i % ${scale.institutions}`)}
      FROM generate_series(1, ${scale.places}) i`);

  // Past visits spread over 16 years; the last UPCOMING ones are planned from tomorrow on.
  const past = scale.visits - UPCOMING;
  await run(`INSERT INTO visits (tenant_id, id, place_id, type, planned_start, planned_end, status, night_visit)
    SELECT '${tenantId}', ${id("v", "i")}, ${id("p", placeOfVisit("i"))}, (enum_range(NULL::visit_type))[1 + i % 4], s, s + i % 3,
           CASE WHEN i > ${past} THEN 'planned' WHEN i % 20 = 0 THEN 'cancelled' WHEN s > current_date - 90 THEN 'report_sent' ELSE 'closed' END::visit_status,
           i % 6 = 0
      FROM generate_series(1, ${scale.visits}) i,
           LATERAL (SELECT CASE WHEN i > ${past} THEN current_date + (i - ${past}) * 3
                                ELSE date '2010-07-01' + (i::bigint * 5800 / ${past})::int END AS s) d`);

  // The visits that have a sent report: the first ones that were not cancelled.
  await run(`CREATE TEMP TABLE reported ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY i) AS k, i FROM generate_series(1, ${past}) i WHERE i % 20 <> 0 ORDER BY i LIMIT ${reportedVisits}`);
  await run(`INSERT INTO reports (tenant_id, id, visit_id, language, status, sent_at, summary)
    SELECT '${tenantId}', ${id("r", "k")}, ${id("v", "r.i")}, 'sr-Cyrl', 'sent', v.planned_end + 30, 'Report ' || k
      FROM reported r JOIN visits v ON v.tenant_id = '${tenantId}' AND v.id = ${id("v", "r.i")}`);

  const statusOf = (j: string) => `(CASE WHEN (${j}) % 20 < 7 THEN 'implemented' WHEN (${j}) % 20 < 10 THEN 'partially_implemented'
      WHEN (${j}) % 20 < 13 THEN 'not_implemented' WHEN (${j}) % 20 = 13 THEN 'rejected' WHEN (${j}) % 20 < 16 THEN 'accepted'
      WHEN (${j}) % 20 < 18 THEN 'in_progress' ELSE 'open' END)::recommendation_status`;
  await run(`INSERT INTO recommendations (tenant_id, id, report_id, visit_id, place_id, number, text, theme_tags, priority, status, due_date, first_response_at)
    SELECT '${tenantId}', ${id("rec", "j")}, ${id("r", "r.k")}, ${id("v", "r.i")}, ${id("p", placeOfVisit("r.i"))}, 1 + (j - 1) % ${PER_REPORT},
           'Recommendation ' || j || ': ' || (ARRAY['improve the conditions of detention', 'record every arrival and release', 'ensure access to a doctor',
             'allow daily outdoor exercise', 'train staff on the rights of detained persons'])[1 + j % 5],
           ARRAY[(ARRAY['conditions', 'safeguards', 'health', 'regime', 'staff'])[1 + j % 5]],
           (enum_range(NULL::recommendation_priority))[1 + j % 3], ${statusOf("j")},
           (rep.sent_at::date + 60),
           CASE WHEN ${statusOf("j")} = 'open' AND j % 2 = 0 THEN NULL ELSE rep.sent_at::date + 40 END
      FROM generate_series(1, ${scale.recommendations}) j
      JOIN reported r ON r.k = 1 + (j - 1) / ${PER_REPORT}
      JOIN reports rep ON rep.tenant_id = '${tenantId}' AND rep.id = ${id("r", "r.k")}`);
  // Addressed to the place's institution, every second one also to the ministry above it.
  await run(`INSERT INTO recommendation_addressees (tenant_id, recommendation_id, authority_id)
    SELECT r.tenant_id, r.id, p.authority_id FROM recommendations r JOIN places p ON p.tenant_id = r.tenant_id AND p.id = r.place_id
     WHERE r.tenant_id = '${tenantId}'
    UNION ALL
    SELECT r.tenant_id, r.id, a.parent_id FROM recommendations r JOIN places p ON p.tenant_id = r.tenant_id AND p.id = r.place_id
      JOIN authorities a ON a.tenant_id = p.tenant_id AND a.id = p.authority_id
     WHERE r.tenant_id = '${tenantId}' AND r.number % 2 = 0`);
  const perRecommendation = Math.max(1, Math.floor(scale.updates / scale.recommendations));
  await run(`INSERT INTO recommendation_updates (tenant_id, recommendation_id, occurred_on, source, resulting_status, text)
    SELECT '${tenantId}', ${id("rec", `1 + (u - 1) / ${perRecommendation}`)}, date '2011-01-01' + (u % 5500),
           (enum_range(NULL::recommendation_update_source))[1 + u % 3], ${statusOf(`1 + (u - 1) / ${perRecommendation}`)}, 'Update ' || u
      FROM generate_series(1, ${scale.updates}) u`);
  const perVisit = Math.ceil(scale.checklistAnswers / past);
  await run(`INSERT INTO checklist_answers (tenant_id, visit_id, question_id, value)
    SELECT '${tenantId}', ${id("v", `1 + (n - 1) / ${perVisit}`)}, 'q' || ((n - 1) % ${perVisit}), to_jsonb((ARRAY['yes', 'no', 'partly'])[1 + n % 3])
      FROM generate_series(1, ${scale.checklistAnswers}) n`);
  // Two interviews on every tenth visit; one in ten with a reprisal risk to follow up.
  await run(`INSERT INTO interviews (tenant_id, visit_id, pseudonym, category, consent_given, reprisal_risk, follow_up_due)
    SELECT '${tenantId}', ${id("v", "i")}, 'D-' || n, 'detainee', true, (i + n) % 10 = 0,
           CASE WHEN (i + n) % 10 = 0 THEN v.planned_end + 30 END
      FROM generate_series(10, ${past}, 10) i CROSS JOIN generate_series(1, 2) n
      JOIN visits v ON v.tenant_id = '${tenantId}' AND v.id = ${id("v", "i")}`);
}
