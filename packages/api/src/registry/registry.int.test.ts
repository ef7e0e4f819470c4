import { withTenant } from "@vigil/db";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, callerFor, createTestUser, createTestWorkspace, refusalOf, type TestUser, unique } from "../testing/index.ts";

let owner: TestUser;
let viewer: TestUser;
let monitor: TestUser;
let outsider: TestUser;
let workspace: { id: string; slug: string };
let otherWorkspace: { id: string; slug: string };

beforeAll(async () => {
  owner = await createTestUser();
  workspace = await createTestWorkspace(owner);
  viewer = await createTestUser();
  await addMember(workspace.id, viewer, "viewer");
  monitor = await createTestUser();
  await addMember(workspace.id, monitor, "monitor");
  outsider = await createTestUser();
  otherWorkspace = await createTestWorkspace(outsider);
});

const as = async (user: TestUser) => (await callerFor(user)).caller;

describe("places", () => {
  it("are created with their responsible authority, shown with their (empty) visits, edited and audited", async () => {
    const c = await as(owner);
    const tenantSlug = workspace.slug;
    const ministry = await c.authorities.create({ tenantSlug, kind: "ministry", name: "Ministry of Interior", contactEmail: "Office@Interior.example" });
    const department = await c.authorities.create({ tenantSlug, kind: "institution", name: "Police Department Kruševac", parentId: ministry.id });
    const place = await c.places.create({ tenantSlug, name: "Police Department Kruševac", type: "police_custody", region: "Rasina", municipality: "Kruševac", capacity: 6, authorityId: department.id, notes: "" });

    const shown = await c.places.get({ tenantSlug, placeId: place.id });
    expect(shown).toMatchObject({ name: "Police Department Kruševac", type: "police_custody", region: "Rasina", capacity: 6, notes: null, visits: [] });
    expect(shown.authority).toMatchObject({ name: "Police Department Kruševac", parent: { name: "Ministry of Interior" } });

    await c.places.update({ tenantSlug, placeId: place.id, name: "Police Department Kruševac", type: "police_custody", region: "Rasina", capacity: 8, authorityId: department.id });
    expect((await c.places.get({ tenantSlug, placeId: place.id })).capacity).toBe(8);
    const authorities = await c.authorities.list({ tenantSlug });
    expect(authorities.find((a) => a.id === ministry.id)?.contactEmail).toBe("office@interior.example");

    const actions = await withTenant(workspace.id, null, (tx) => tx.auditEvent.findMany({ where: { targetId: place.id }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } }));
    expect(actions).toEqual([{ action: "place.created", actorId: owner.id }, { action: "place.updated", actorId: owner.id }]);
  });

  it("refuses bad input by field, and an authority of another workspace", async () => {
    const c = await as(owner);
    expect(await refusalOf(c.places.create({ tenantSlug: workspace.slug, name: " ", type: "prison" }))).toMatch(/^BAD_REQUEST/);
    expect(await refusalOf(c.places.create({ tenantSlug: workspace.slug, name: "X", type: "prison", capacity: -1 }))).toMatch(/^BAD_REQUEST/);
    const foreign = await (await as(outsider)).authorities.create({ tenantSlug: otherWorkspace.slug, kind: "ministry", name: "Foreign ministry" });
    expect(await refusalOf(c.places.create({ tenantSlug: workspace.slug, name: "X", type: "prison", authorityId: foreign.id }))).toBe("BAD_REQUEST placeErrors.unknownAuthority");
  });

  it("are archived and unarchived, never deleted, and the list filters on it", async () => {
    const c = await as(owner);
    const tenantSlug = workspace.slug;
    const name = unique("Archived prison");
    const place = await c.places.create({ tenantSlug, name, type: "prison" });
    await c.places.setArchived({ tenantSlug, placeId: place.id, archived: true });
    expect((await c.places.list({ tenantSlug, search: name })).places).toEqual([]);
    expect((await c.places.list({ tenantSlug, search: name, archived: "archived" })).places.map((p) => p.id)).toEqual([place.id]);
    await c.places.setArchived({ tenantSlug, placeId: place.id, archived: false });
    expect((await c.places.list({ tenantSlug, search: name })).places.map((p) => p.id)).toEqual([place.id]);
    // The application role has no DELETE on places at all.
    await expect(withTenant(workspace.id, null, (tx) => tx.place.delete({ where: { tenantId_id: { tenantId: workspace.id, id: place.id } } }))).rejects.toThrow();
  });

  it("are searched by name (case-insensitive) and filtered by type and region", async () => {
    const c = await as(owner);
    const tenantSlug = workspace.slug;
    const tag = unique("zabela");
    const region = unique("Braničevo");
    await c.places.create({ tenantSlug, name: `Correctional Institution Požarevac–${tag}`, type: "prison", region });
    await c.places.create({ tenantSlug, name: `Police station ${tag}`, type: "police_custody", region });
    expect((await c.places.list({ tenantSlug, search: tag.toUpperCase() })).places).toHaveLength(2);
    expect((await c.places.list({ tenantSlug, search: tag, type: "prison" })).places.map((p) => p.type)).toEqual(["prison"]);
    expect((await c.places.list({ tenantSlug, region })).places).toHaveLength(2);
    expect(await c.places.regions({ tenantSlug })).toContain(region);
  });

  it("are listed page by page in name order, without gaps or repeats (keyset cursor)", async () => {
    const owner2 = await createTestUser();
    const ws = await createTestWorkspace(owner2);
    const c = await as(owner2);
    // Equal names make the id the tie-breaker.
    const names = ["Alpha", "Bravo", "Bravo", "Charlie", "Delta", "Echo", "Echo"];
    for (const name of names) await c.places.create({ tenantSlug: ws.slug, name, type: "other" });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await c.places.list({ tenantSlug: ws.slug, limit: 3, cursor });
      seen.push(...page.places.map((p) => p.name));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(names);
    expect(pages).toBe(3);
    expect(await refusalOf(c.places.list({ tenantSlug: ws.slug, cursor: "not-a-cursor" }))).toBe("BAD_REQUEST errors.badRequest");
  });

  it("cannot be read or changed by another workspace's member, even with the ids", async () => {
    const place = await (await as(owner)).places.create({ tenantSlug: workspace.slug, name: unique("Secret place"), type: "prison" });
    const c = await as(outsider);
    for (const tenantSlug of [otherWorkspace.slug, workspace.slug]) {
      expect(await refusalOf(c.places.get({ tenantSlug, placeId: place.id }))).toBe("NOT_FOUND errors.notFound");
      expect(await refusalOf(c.places.update({ tenantSlug, placeId: place.id, name: "Stolen", type: "other" }))).toBe("NOT_FOUND errors.notFound");
      expect(await refusalOf(c.places.setArchived({ tenantSlug, placeId: place.id, archived: true }))).toBe("NOT_FOUND errors.notFound");
    }
    expect((await c.places.list({ tenantSlug: otherWorkspace.slug })).places.some((p) => p.id === place.id)).toBe(false);
    expect((await c.places.regions({ tenantSlug: otherWorkspace.slug }))).toEqual([]);
    const unchanged = await (await as(owner)).places.get({ tenantSlug: workspace.slug, placeId: place.id });
    expect(unchanged.archivedAt).toBeNull();
  });

  it("a viewer or monitor reads the registry but cannot change it", async () => {
    const place = await (await as(owner)).places.create({ tenantSlug: workspace.slug, name: unique("Place"), type: "prison" });
    for (const user of [viewer, monitor]) {
      const c = await as(user);
      expect((await c.places.get({ tenantSlug: workspace.slug, placeId: place.id })).id).toBe(place.id);
      expect(await refusalOf(c.places.create({ tenantSlug: workspace.slug, name: "X", type: "prison" }))).toBe("FORBIDDEN errors.forbidden");
      expect(await refusalOf(c.places.update({ tenantSlug: workspace.slug, placeId: place.id, name: "X", type: "prison" }))).toBe("FORBIDDEN errors.forbidden");
      expect(await refusalOf(c.places.setArchived({ tenantSlug: workspace.slug, placeId: place.id, archived: true }))).toBe("FORBIDDEN errors.forbidden");
    }
  });
});

describe("authorities", () => {
  it("an institution names its ministry; a ministry has no parent; archived ones leave the default list", async () => {
    const c = await as(owner);
    const tenantSlug = workspace.slug;
    const ministry = await c.authorities.create({ tenantSlug, kind: "ministry", name: unique("Ministry of Health") });
    const hospital = await c.authorities.create({ tenantSlug, kind: "institution", name: unique("Gornja Toponica"), parentId: ministry.id });
    expect(await refusalOf(c.authorities.create({ tenantSlug, kind: "ministry", name: "M", parentId: ministry.id }))).toBe("BAD_REQUEST authorityErrors.ministryHasNoParent");
    expect(await refusalOf(c.authorities.create({ tenantSlug, kind: "institution", name: "I", parentId: hospital.id }))).toBe("BAD_REQUEST authorityErrors.parentNotMinistry");
    expect(await refusalOf(c.authorities.update({ tenantSlug, authorityId: ministry.id, kind: "institution", name: "M" }))).toBe("CONFLICT authorityErrors.hasInstitutions");
    expect(await refusalOf(c.authorities.create({ tenantSlug, kind: "ministry", name: "M", contactEmail: "not-an-address" }))).toMatch(/^BAD_REQUEST/);

    await c.authorities.update({ tenantSlug, authorityId: hospital.id, kind: "institution", name: "Special Hospital Gornja Toponica", parentId: ministry.id, contactEmail: "info@toponica.example" });
    await c.authorities.setArchived({ tenantSlug, authorityId: hospital.id, archived: true });
    expect((await c.authorities.list({ tenantSlug })).some((a) => a.id === hospital.id)).toBe(false);
    const all = await c.authorities.list({ tenantSlug, includeArchived: true });
    expect(all.find((a) => a.id === hospital.id)).toMatchObject({ name: "Special Hospital Gornja Toponica", contactEmail: "info@toponica.example", parent: { id: ministry.id } });
  });

  it("cannot be read or changed from another workspace, and a viewer cannot change them", async () => {
    const authority = await (await as(owner)).authorities.create({ tenantSlug: workspace.slug, kind: "ministry", name: unique("Ministry") });
    const c = await as(outsider);
    expect((await c.authorities.list({ tenantSlug: otherWorkspace.slug, includeArchived: true })).some((a) => a.id === authority.id)).toBe(false);
    expect(await refusalOf(c.authorities.update({ tenantSlug: otherWorkspace.slug, authorityId: authority.id, kind: "ministry", name: "Stolen" }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(c.authorities.setArchived({ tenantSlug: otherWorkspace.slug, authorityId: authority.id, archived: true }))).toBe("NOT_FOUND errors.notFound");
    // An institution cannot name another workspace's ministry.
    expect(await refusalOf(c.authorities.create({ tenantSlug: otherWorkspace.slug, kind: "institution", name: "I", parentId: authority.id }))).toBe("BAD_REQUEST authorityErrors.parentNotMinistry");
    const v = await as(viewer);
    expect(await refusalOf(v.authorities.create({ tenantSlug: workspace.slug, kind: "ministry", name: "X" }))).toBe("FORBIDDEN errors.forbidden");
    expect(await refusalOf(v.authorities.update({ tenantSlug: workspace.slug, authorityId: authority.id, kind: "ministry", name: "X" }))).toBe("FORBIDDEN errors.forbidden");
    expect((await (await as(owner)).authorities.list({ tenantSlug: workspace.slug })).find((a) => a.id === authority.id)?.name).toBe(authority.name);
  });
});
