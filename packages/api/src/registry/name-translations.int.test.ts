import { TRPCError } from "@trpc/server";
import { withTenant } from "@vigil/db";
import { translator } from "@vigil/i18n";
import { beforeAll, describe, expect, it } from "vitest";
import { describeError } from "../core/error-format.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, refusalOf, type TestUser, unique } from "../testing/index.ts";

// Places' and authorities' names in other interface languages (issue 16, section 5).
let owner: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let workspace: { id: string; slug: string };
let otherWorkspace: { id: string; slug: string };

beforeAll(async () => {
  owner = await createTestUser();
  workspace = await createTestWorkspace(owner);
  viewer = await createTestUser();
  await addMember(workspace.id, viewer, "viewer");
  outsider = await createTestUser();
  otherWorkspace = await createTestWorkspace(outsider);
});

const as = async (user: TestUser) => (await callerFor(user)).caller;

/** The translated field error a refused input shows, in Ukrainian. */
async function fieldErrorsOf(call: Promise<unknown>) {
  const error = await call.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return describeError(error, translator("uk")).fieldErrors;
}

describe("name translations", () => {
  it("are stored on a place, returned by get and list, replaced on update and kept when an update leaves them out", async () => {
    const c = await as(owner);
    const tenantSlug = workspace.slug;
    const name = unique("Belgrade District Prison");
    const place = await c.places.create({
      tenantSlug, name, type: "prison",
      nameTranslations: { uk: " Окружний затвор у Београду ", "sr-Cyrl": "Окружни затвор у Београду", en: "" },
    });
    const shown = await c.places.get({ tenantSlug, placeId: place.id });
    // Trimmed, and the empty field (a form's untouched input) is left out.
    expect(shown.nameTranslations).toEqual({ uk: "Окружний затвор у Београду", "sr-Cyrl": "Окружни затвор у Београду" });
    expect(shown.name).toBe(name);
    expect((await c.places.list({ tenantSlug, search: name })).places[0]?.nameTranslations).toEqual(shown.nameTranslations);
    // The name in another language finds the place too, in any case; a language code alone does not.
    expect((await c.places.list({ tenantSlug, search: "окружний ЗАТВОР" })).places.map((p) => p.id)).toEqual([place.id]);
    expect((await c.places.list({ tenantSlug, search: "sr-Cyrl" })).places.map((p) => p.id)).not.toContain(place.id);

    await c.places.update({ tenantSlug, placeId: place.id, name, type: "prison", nameTranslations: { "sr-Latn": "Okružni zatvor u Beogradu" } });
    expect((await c.places.get({ tenantSlug, placeId: place.id })).nameTranslations).toEqual({ "sr-Latn": "Okružni zatvor u Beogradu" });
    await c.places.update({ tenantSlug, placeId: place.id, name, type: "prison", capacity: 1600 });
    expect((await c.places.get({ tenantSlug, placeId: place.id })).nameTranslations).toEqual({ "sr-Latn": "Okružni zatvor u Beogradu" });
  });

  it("are stored on an authority and returned with its list and with the places it is responsible for", async () => {
    const c = await as(owner);
    const tenantSlug = workspace.slug;
    const ministry = await c.authorities.create({ tenantSlug, kind: "ministry", name: unique("Ministry of Justice"), nameTranslations: { "sr-Cyrl": "Министарство правде" } });
    const institution = await c.authorities.create({ tenantSlug, kind: "institution", name: unique("Penal Sanctions"), parentId: ministry.id, nameTranslations: { uk: "Управління з виконання кримінальних санкцій" } });
    await c.authorities.update({ tenantSlug, authorityId: ministry.id, kind: "ministry", name: ministry.name, nameTranslations: { uk: "Міністерство юстиції" } });
    const listed = await c.authorities.list({ tenantSlug });
    expect(listed.find((a) => a.id === ministry.id)?.nameTranslations).toEqual({ uk: "Міністерство юстиції" });
    expect(listed.find((a) => a.id === institution.id)?.parent?.nameTranslations).toEqual({ uk: "Міністерство юстиції" });
    const place = await c.places.create({ tenantSlug, name: unique("Prison"), type: "prison", authorityId: institution.id });
    expect((await c.places.get({ tenantSlug, placeId: place.id })).authority?.nameTranslations).toEqual({ uk: "Управління з виконання кримінальних санкцій" });
  });

  it("refuse an unknown language, a too long or unsafe name with a translated error, and store nothing", async () => {
    const c = await as(owner);
    const tenantSlug = workspace.slug;
    const name = unique("Refused place");
    const badKey = c.places.create({ tenantSlug, name, type: "prison", nameTranslations: { de: "Bezirksgefängnis" } as never });
    expect(await fieldErrorsOf(badKey)).toEqual({ nameTranslations: "Це значення недійсне." });
    const tooLong = await fieldErrorsOf(c.places.create({ tenantSlug, name, type: "prison", nameTranslations: { uk: "я".repeat(301) } }));
    expect(Object.keys(tooLong)).toEqual(["nameTranslations.uk"]);
    expect(await refusalOf(c.places.create({ tenantSlug, name, type: "prison", nameTranslations: { en: "A\u202Eb" } }))).toMatch(/^BAD_REQUEST/);
    expect((await c.places.list({ tenantSlug, search: name })).places).toEqual([]);

    const authority = await c.authorities.create({ tenantSlug, kind: "ministry", name: unique("Ministry"), nameTranslations: { en: "Ministry" } });
    expect(await refusalOf(c.authorities.update({ tenantSlug, authorityId: authority.id, kind: "ministry", name: authority.name, nameTranslations: { fr: "Ministère" } as never }))).toMatch(/^BAD_REQUEST/);
    expect((await c.authorities.list({ tenantSlug })).find((a) => a.id === authority.id)?.nameTranslations).toEqual({ en: "Ministry" });
    // The database refuses the same, whoever writes.
    const where = { tenantId_id: { tenantId: workspace.id, id: authority.id } };
    for (const nameTranslations of [{ de: "Ministerium" }, { uk: " " }, { uk: 1 }, ["Ministry"]]) {
      await expect(withTenant(workspace.id, null, (tx) => tx.authority.update({ where, data: { nameTranslations } }))).rejects.toThrow();
    }
  });

  it("cannot be read or changed from another workspace, nor changed by a viewer", async () => {
    const c = await as(owner);
    const tenantSlug = workspace.slug;
    const place = await c.places.create({ tenantSlug, name: unique("Place"), type: "prison", nameTranslations: { uk: "Заклад" } });
    const authority = await c.authorities.create({ tenantSlug, kind: "ministry", name: unique("Ministry"), nameTranslations: { uk: "Міністерство" } });
    const o = await as(outsider);
    for (const slug of [otherWorkspace.slug, workspace.slug]) {
      expect(await refusalOf(o.places.get({ tenantSlug: slug, placeId: place.id }))).toBe("NOT_FOUND errors.notFound");
      expect(await refusalOf(o.places.update({ tenantSlug: slug, placeId: place.id, name: "Stolen", type: "prison", nameTranslations: { uk: "Вкрадено" } }))).toBe("NOT_FOUND errors.notFound");
    }
    expect(await refusalOf(o.authorities.update({ tenantSlug: otherWorkspace.slug, authorityId: authority.id, kind: "ministry", name: "Stolen", nameTranslations: { uk: "Вкрадено" } }))).toBe("NOT_FOUND errors.notFound");
    expect((await o.authorities.list({ tenantSlug: otherWorkspace.slug })).some((a) => a.id === authority.id)).toBe(false);

    const v = await as(viewer);
    expect((await v.places.get({ tenantSlug, placeId: place.id })).nameTranslations).toEqual({ uk: "Заклад" });
    expect(await refusalOf(v.places.update({ tenantSlug, placeId: place.id, name: place.name, type: "prison", nameTranslations: { uk: "Інше" } }))).toBe("FORBIDDEN errors.forbidden");
    expect(await refusalOf(v.authorities.update({ tenantSlug, authorityId: authority.id, kind: "ministry", name: authority.name, nameTranslations: { uk: "Інше" } }))).toBe("FORBIDDEN errors.forbidden");

    expect((await c.places.get({ tenantSlug, placeId: place.id })).nameTranslations).toEqual({ uk: "Заклад" });
    expect((await c.authorities.list({ tenantSlug })).find((a) => a.id === authority.id)?.nameTranslations).toEqual({ uk: "Міністерство" });
  });
});
