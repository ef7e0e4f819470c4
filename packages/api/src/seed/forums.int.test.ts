import { privilegedDb } from "@vigil/db/privileged";
import { expect, it } from "vitest";
import { BENCHMARK_MIN_CONTRIBUTORS } from "../forums/forums.ts";
import { callerFor, enrolTestTwoFactor } from "../testing/index.ts";
import { seedDemoData } from "./demo.ts";

async function signedIn(email: string, options: { owner?: boolean } = {}) {
  const user = await privilegedDb().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  // Owners must use a second factor before they work in a workspace (others stay unenrolled: the demo test signs Ana in with a password only).
  if (options.owner) await enrolTestTwoFactor(user.id);
  const { createSession } = await import("@vigil/auth");
  const { token } = await createSession(user.id, {}, { secondFactor: options.owner === true });
  return (await callerFor({ token })).caller;
}

it("seeds the Belgrade forum with the police custody template shared with its participants", async () => {
  await seedDemoData();
  // Ana is a coordinator in Serbia's workspace: she sees the forum and its template.
  const ana = await signedIn("ana.nikolic@see-npm-network.example");
  const forums = await ana.forums.list({ tenantSlug: "npm-serbia" });
  const belgrade = forums.find((f) => f.name === "First South-East European OPCAT Forum")!;
  expect(belgrade).toMatchObject({ place: "Belgrade", organiser: true, status: "accepted" });
  expect(belgrade.startsOn?.toISOString().slice(0, 10)).toBe("2014-11-27");
  const forum = await ana.forums.get({ tenantSlug: "npm-serbia", forumId: belgrade.id });
  if (!forum.member) throw new Error("Serbia organises the forum");
  expect(forum.agenda).toHaveLength(4);
  expect(forum.publications.map((p) => p.placeTypes)).toEqual([["police_custody"]]);
  expect(forum.participants.filter((p) => p.status === "accepted")).toHaveLength(4);
  // The benchmark never shows a figure below the minimum; visits to police custody in 2014 reach it.
  expect(forum.benchmark.figures.every((f) => f.contributors >= BENCHMARK_MIN_CONTRIBUTORS)).toBe(true);
  expect(forum.benchmark.figures.find((f) => f.metric === "visits" && f.placeType === "police_custody" && f.year === 2014)).toBeDefined();

  // The demo's NPMs are verified (decision 0155): Ukraine in Serbia's directories, and the contributors.
  expect((await ana.jointVisits.directory({ tenantSlug: "npm-serbia" })).find((w) => w.slug === "npm-ukraine")).toMatchObject({ verified: true, countryCode: "UA" });
  expect(forum.participants.map((p) => p.name)).toContain("Ombudswoman of the Republic of Croatia — NPM");

  // Ukraine's NPM is invited and has not answered: its owner sees the invitation, not the content.
  const olena = await signedIn("olena.kovalenko@npm-ukraine.example", { owner: true });
  expect((await olena.forums.list({ tenantSlug: "npm-ukraine" })).find((f) => f.id === belgrade.id)).toMatchObject({ status: "invited" });
  expect((await olena.forums.get({ tenantSlug: "npm-ukraine", forumId: belgrade.id })).member).toBe(false);
  // Serbia's prison template is in everyone's library.
  const library = await olena.library.browse({ tenantSlug: "npm-ukraine", placeType: "prison" });
  expect(library.publications.some((p) => p.forumId === null && p.publisherName.includes("Serbia"))).toBe(true);
}, 60_000); // the whole demo, as demo.int.test.ts: a few seconds alone, much longer on a busy machine
