import { privilegedDb } from "@vigil/db/privileged";
import { expect, it } from "vitest";
import { publicSiteHome, publicSiteReport } from "../public-site/visitor.ts";
import { callerFor } from "../testing/index.ts";
import { DEMO_PASSWORD, DEMO_WORKSPACES, seedDemoData } from "./demo.ts";

it("loads two demo workspaces with an owner and a monitor each and one person in both, once", async () => {
  await seedDemoData();
  await seedDemoData();

  const tenants = await privilegedDb().tenant.findMany({ where: { slug: { in: DEMO_WORKSPACES.map((w) => w.slug) } }, include: { memberships: { include: { user: true } } } });
  expect(tenants.map((t) => [t.slug, t.defaultLocale]).sort()).toEqual([["npm-serbia", "sr-Cyrl"], ["npm-ukraine", "uk"]]);
  for (const tenant of tenants) {
    const roles = tenant.memberships.map((m) => m.role).sort();
    expect(roles).toEqual(["coordinator", "monitor", "owner"]);
  }
  const [serbia, ukraine] = tenants.map((t) => new Set(t.memberships.map((m) => m.user.email)));
  expect([...serbia!].filter((email) => ukraine!.has(email))).toEqual(["ana.nikolic@see-npm-network.example"]);

  // The README's demo sign-in works.
  const { caller, resHeaders } = await callerFor(null);
  await caller.auth.signIn({ email: "ana.nikolic@see-npm-network.example", password: DEMO_PASSWORD });
  expect(resHeaders.get("set-cookie")).toMatch(/vigil_session=/);
  expect(await privilegedDb().user.count({ where: { email: { endsWith: ".example" } } })).toBe(5);

  // The public sites tell the demo's story (issue 17): Serbia's in three languages with the Kruševac
  // report published and its timeline, Ukraine's in two with one post.
  const serbiaSite = await publicSiteHome("npm-serbia");
  expect(serbiaSite?.languages).toEqual(["sr-Cyrl", "sr-Latn", "en"]);
  expect(serbiaSite?.posts).toHaveLength(6);
  expect(serbiaSite?.posts.every((post) => post.translations["sr-Cyrl"] && post.translations["sr-Latn"] && post.translations.en)).toBe(true);
  expect(serbiaSite?.reports).toHaveLength(1);
  const krusevac = await publicSiteReport("npm-serbia", serbiaSite!.reports[0]!.id);
  expect(krusevac?.visit.startsOn).toBe("2014-06-12");
  expect(krusevac?.recommendations.some((r) => r.timeline.length > 0)).toBe(true);
  const ukraineSite = await publicSiteHome("npm-ukraine");
  expect(ukraineSite?.languages).toEqual(["uk", "en"]);
  expect(ukraineSite?.posts.map((post) => post.slug)).toEqual(["spilni-vizyty-serbiia"]);
}, 60_000); // the whole demo, once: a few seconds alone, much longer on a busy machine
