import { randomInt } from "node:crypto";
import { createSession } from "@vigil/auth";
import type pg from "pg";
import { createAuthorities, createSentReport } from "../testing/recommendations.ts";
import { createTestPlace, createTestTemplate, createTestVisit } from "../testing/visits.ts";
import { addMember, createTestUser, createTestWorkspace, type TestUser } from "../testing/index.ts";
import type { FuzzTargets } from "./json-schema-arbitrary.ts";

export type FuzzCaller = "signed-out" | "member of another workspace" | "monitor";

/**
 * A victim workspace with a little of everything (authorities, places, a template, visits, a sent
 * report with recommendations), a monitor in it, and a stranger who owns another workspace. The
 * fuzzer aims at the victim's slug and the ids of its rows, from outside and from inside.
 */
export async function createFuzzWorld(owner: pg.Client) {
  const victimOwner = await createTestUser("Victim Owner");
  const victim = await createTestWorkspace(victimOwner);
  const monitor = await createTestUser("Monitor");
  await addMember(victim.id, monitor, "monitor");
  const stranger = await createTestUser("Stranger");
  const strangersWorkspace = await createTestWorkspace(stranger);

  const authorities = await createAuthorities(victim.id);
  const place = await createTestPlace(victim.id, { region: "Rasinski" });
  await createTestTemplate(victim.id, ["police_custody"], { draft: true });
  await createTestVisit(victim.id, { status: "planned", team: [monitor] });
  await createTestVisit(victim.id, { status: "in_progress", team: [monitor, victimOwner] });
  const actor = { tenantId: victim.id, userId: victimOwner.id, role: "owner" as const, ipAddress: null };
  await createSentReport(actor, place.id, "2026-05-04", new Date("2026-05-20T10:00:00Z"), [
    { text: "Keep a complete custody register.", themeTags: ["records"], addressees: [authorities.institution.id] },
    { text: "Renovate the cells.", addressees: [authorities.ministry.id, authorities.institution.id] },
  ]);
  await createAuthorities(strangersWorkspace.id);
  await createTestPlace(strangersWorkspace.id);

  const uuids = await rowIds(owner, [victim.id, strangersWorkspace.id], [victimOwner.id, monitor.id, stranger.id]);
  const emails = [victimOwner.email, monitor.email, stranger.email, "nobody@example.org"];
  // Slugs are picked uniformly from these lists. The monitor aims at its own (the victim) workspace;
  // the stranger as often at the victim's as at its own, where as owner it reaches every handler.
  const targets: Record<FuzzCaller, FuzzTargets> = {
    "signed-out": { slugs: [victim.slug, victim.slug, strangersWorkspace.slug, "no-such-workspace"], uuids, emails },
    "member of another workspace": { slugs: [victim.slug, victim.slug, strangersWorkspace.slug, strangersWorkspace.slug, "no-such-workspace"], uuids, emails },
    monitor: { slugs: [victim.slug, victim.slug, victim.slug, victim.slug, strangersWorkspace.slug, "no-such-workspace"], uuids, emails },
  };
  /** Where each caller's deterministic worst-case inputs go: a workspace in which it gets past the door. */
  const home: Record<FuzzCaller, string> = { "signed-out": victim.slug, "member of another workspace": strangersWorkspace.slug, monitor: victim.slug };
  const users: Record<Exclude<FuzzCaller, "signed-out">, TestUser> = { "member of another workspace": stranger, monitor };
  return {
    victim,
    strangersWorkspace,
    targets,
    home,
    scope: { tenantIds: [victim.id, strangersWorkspace.id], userIds: [victimOwner.id, monitor.id, stranger.id] },
    /** A fresh session for every run, so a fuzzed sign-out or session revocation cannot end the next run's. */
    async cookieFor(caller: FuzzCaller): Promise<string | null> {
      if (caller === "signed-out") return null;
      // As if signed in with the code: the stranger owns a workspace, which takes a second factor (decision 0265).
      const { token } = await createSession(users[caller].id, {}, { secondFactor: true });
      return `vigil_session=${token}`;
    },
    /** Rate limits count per address; a documentation address of its own keeps other tests' limits apart. */
    ipAddress: `198.51.100.${randomInt(1, 255)}`,
  };
}

export type FuzzWorld = Awaited<ReturnType<typeof createFuzzWorld>>;

/** The ids of every row of these workspaces (and the users), read from the catalog's list of tables. */
async function rowIds(owner: pg.Client, tenantIds: string[], userIds: string[]): Promise<string[]> {
  const { rows: tables } = await owner.query<{ table_name: string }>(`
    SELECT c.table_name FROM information_schema.columns c
     WHERE c.table_schema = 'public' AND c.column_name = 'id' AND c.data_type = 'uuid'
       AND EXISTS (SELECT 1 FROM information_schema.columns t WHERE t.table_schema = 'public' AND t.table_name = c.table_name AND t.column_name = 'tenant_id')
     ORDER BY c.table_name`);
  const ids = new Set<string>([...tenantIds, ...userIds]);
  for (const { table_name: table } of tables) {
    const { rows } = await owner.query<{ id: string }>(`SELECT id FROM "${table}" WHERE tenant_id = ANY($1::uuid[]) ORDER BY id`, [tenantIds]);
    for (const row of rows) ids.add(row.id);
  }
  return [...ids].sort();
}
