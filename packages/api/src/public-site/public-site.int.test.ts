import { Readable } from "node:stream";
import { withTenant } from "@vigil/db";
import sharp from "sharp";
import { openAttachmentFile } from "../attachments/storage.ts";
import { describe, expect, it } from "vitest";
import { addMember, callerFor, codeOf, createTestUser, createTestWorkspace, refusalOf } from "../testing/index.ts";
import { createKrusevacVisit } from "../testing/recommendations.ts";
import { publicSiteFigures, publicSiteHome, publicSitePost, publicSitePostImage, publicSiteReport } from "./visitor.ts";

/**
 * The public site end to end at the API: the NPM turns it on, writes, schedules and publishes posts,
 * publishes a report with a withheld recommendation and response; the visitor's functions return
 * published content alone, and one answer (null) for everything else.
 */
const INTERVIEW_TEXT = "Detainee Marko Petrović alleges he was beaten";
const EVIDENCE_NAME = "cell-7-marko-petrovic.jpg";

async function krusevacWorkspace() {
  const owner = await createTestUser("Ana Coordinator");
  const workspace = await createTestWorkspace(owner);
  const ids = await withTenant(workspace.id, owner.id, async (tx) => {
    const tenantId = workspace.id;
    const { department, place, visit } = await createKrusevacVisit(tx, tenantId);
    await tx.visitTeamMember.create({ data: { tenantId, visitId: visit.id, userId: owner.id, visitRole: "lead" } });
    await tx.interview.create({ data: { tenantId, visitId: visit.id, pseudonym: "P-1", category: "detainee", consentGiven: true, allegations: [INTERVIEW_TEXT] } });
    await tx.attachment.create({ data: { tenantId, visitId: visit.id, fileName: EVIDENCE_NAME, contentType: "image/jpeg", sizeBytes: 3n, sha256: Buffer.alloc(32), storageKey: "k" } });
    const report = await tx.report.create({ data: { tenantId, visitId: visit.id, language: "sr-Cyrl", summary: "Night visit.", status: "sent", sentAt: new Date("2014-06-20") } });
    const texts = ["Renovate the detention premises.", "Keep the custody register complete.", "Withheld: a matter under investigation."];
    const recommendations: string[] = [];
    for (const [index, text] of texts.entries()) {
      const r = await tx.recommendation.create({ data: { tenantId, reportId: report.id, visitId: visit.id, placeId: place.id, number: index + 1, text, status: index === 1 ? "implemented" : "open" } });
      await tx.recommendationAddressee.create({ data: { tenantId, recommendationId: r.id, authorityId: department.id } });
      recommendations.push(r.id);
    }
    const answer = await tx.recommendationUpdate.create({
      data: { tenantId, recommendationId: recommendations[1]!, occurredOn: new Date("2014-08-25"), source: "authority_response", authorityId: department.id, resultingStatus: "implemented", text: "The register is complete." },
    });
    const privateAnswer = await tx.recommendationUpdate.create({
      data: { tenantId, recommendationId: recommendations[0]!, occurredOn: new Date("2014-08-25"), source: "authority_response", authorityId: department.id, resultingStatus: "not_implemented", text: "A private letter." },
    });
    return { report: report.id, recommendations, answer: answer.id, privateAnswer: privateAnswer.id, place: place.id };
  });
  const { caller } = await callerFor(owner);
  return { owner, workspace, caller, ...ids };
}

describe("public site", () => {
  it("is off by default: the slug, its posts and reports all read as null", async () => {
    const w = await krusevacWorkspace();
    expect(await w.caller.publicSite.settings({ tenantSlug: w.workspace.slug })).toEqual({ enabled: false, languages: [], mandate: {} });
    expect(await publicSiteHome(w.workspace.slug)).toBeNull();
    expect(await publicSiteHome("no-such-site")).toBeNull();
    await w.caller.publicSite.publishReport({ tenantSlug: w.workspace.slug, reportId: w.report });
    expect(await publicSiteReport(w.workspace.slug, w.report)).toBeNull();
    expect(await publicSiteFigures(w.workspace.slug)).toBeNull();
  });

  it("refuses to turn on without a language, with a translated message naming the field", async () => {
    const w = await krusevacWorkspace();
    expect(await refusalOf(w.caller.publicSite.saveSettings({ tenantSlug: w.workspace.slug, enabled: true, languages: [], mandate: {} }))).toMatch(/^BAD_REQUEST/);
    expect((await w.caller.publicSite.settings({ tenantSlug: w.workspace.slug })).enabled).toBe(false);
  });

  it("shows published posts only: a draft and a scheduled post are null, unpublishing removes one", async () => {
    const w = await krusevacWorkspace();
    const slug = w.workspace.slug;
    await w.caller.publicSite.saveSettings({ tenantSlug: slug, enabled: true, languages: ["sr-Cyrl", "en"], mandate: { en: "The NPM of Serbia." } });
    const draft = await w.caller.publicSite.savePost({ tenantSlug: slug, slug: "draft-post", translations: [{ language: "en", title: "Draft", body: "Not yet." }] });
    const later = await w.caller.publicSite.savePost({ tenantSlug: slug, slug: "later-post", translations: [{ language: "en", title: "Later", body: "Soon." }] });
    const now = await w.caller.publicSite.savePost({
      tenantSlug: slug, slug: "night-visit", reportId: w.report, placeId: w.place,
      translations: [{ language: "en", title: "Night visit", body: "**Visited** at night." }, { language: "sr-Cyrl", title: "Ноћна посета", body: "Текст." }],
    });
    expect(await refusalOf(w.caller.publicSite.savePost({ tenantSlug: slug, slug: "night-visit", translations: [{ language: "en", title: "Again", body: "" }] }))).toBe("CONFLICT publicSiteErrors.slugTaken");
    await w.caller.publicSite.publishPost({ tenantSlug: slug, postId: later.id, publishAt: new Date(Date.now() + 86_400_000).toISOString() });
    const published = await w.caller.publicSite.publishPost({ tenantSlug: slug, postId: now.id });
    expect(published.state).toBe("published");
    expect((await w.caller.publicSite.post({ tenantSlug: slug, postId: later.id })).state).toBe("scheduled");

    expect(await publicSitePost(slug, draft.slug)).toBeNull();
    expect(await publicSitePost(slug, later.slug)).toBeNull();
    const post = await publicSitePost(slug, "night-visit");
    expect(post?.translations.en?.title).toBe("Night visit");
    expect(post?.translations["sr-Cyrl"]?.title).toBe("Ноћна посета");
    // The report is not published: the post does not link to it.
    expect(post?.report).toBeNull();
    expect(post?.place?.name).toBe("Police Department Kruševac");
    const home = await publicSiteHome(slug);
    expect(home?.posts.map((p) => p.slug)).toEqual(["night-visit"]);
    expect(home?.languages).toEqual(["sr-Cyrl", "en"]);

    await w.caller.publicSite.unpublishPost({ tenantSlug: slug, postId: now.id });
    expect(await publicSitePost(slug, "night-visit")).toBeNull();
    // Turning the site off hides everything at once.
    await w.caller.publicSite.publishPost({ tenantSlug: slug, postId: now.id });
    await w.caller.publicSite.saveSettings({ tenantSlug: slug, enabled: false, languages: ["en"], mandate: {} });
    expect(await publicSitePost(slug, "night-visit")).toBeNull();
  });

  it("publishes a report without interview text, evidence names, team members or withheld items", async () => {
    const w = await krusevacWorkspace();
    const slug = w.workspace.slug;
    await w.caller.publicSite.saveSettings({ tenantSlug: slug, enabled: true, languages: ["en"], mandate: {} });
    const [, , withheld] = w.recommendations as [string, string, string];
    await w.caller.publicSite.setWithheld({ tenantSlug: slug, reportId: w.report, withheldRecommendationIds: [withheld], withheldUpdateIds: [w.privateAnswer] });
    // The preview is what will be public, before it is.
    const preview = await w.caller.publicSite.previewReport({ tenantSlug: slug, reportId: w.report });
    expect(preview.recommendations.map((r) => r.number)).toEqual([1, 2]);
    expect(await publicSiteReport(slug, w.report)).toBeNull();

    await w.caller.publicSite.publishReport({ tenantSlug: slug, reportId: w.report });
    const report = await publicSiteReport(slug, w.report);
    expect(report).toEqual(preview === null ? null : { ...preview, publishedAt: report?.publishedAt });
    const text = JSON.stringify(report);
    for (const secret of [INTERVIEW_TEXT, EVIDENCE_NAME, "P-1", "Ana Coordinator", "Withheld: a matter", "A private letter", withheld, w.privateAnswer]) expect(text).not.toContain(secret);
    expect(report?.recommendations[1]?.timeline.map((e) => e.text)).toEqual(["The register is complete."]);
    expect(report?.recommendations[0]?.timeline).toEqual([]);

    const figures = await publicSiteFigures(slug);
    expect(figures).toContainEqual({ dimension: "year", key: "2014", names: null, total: 2, implemented: 1, partiallyImplemented: 0 });
    expect(figures).toContainEqual(expect.objectContaining({ dimension: "authority", total: 2, implemented: 1 }));

    // Ids of another report's items are refused; nothing changes.
    expect(await codeOf(w.caller.publicSite.setWithheld({ tenantSlug: slug, reportId: w.report, withheldRecommendationIds: [w.report], withheldUpdateIds: [] }))).toBe("BAD_REQUEST");

    await w.caller.publicSite.unpublishReport({ tenantSlug: slug, reportId: w.report });
    expect(await publicSiteReport(slug, w.report)).toBeNull();
    expect(await publicSiteFigures(slug)).toEqual([]);

    const audit = await withTenant(w.workspace.id, w.owner.id, (tx) => tx.auditEvent.findMany({ where: { targetId: w.report }, select: { action: true }, orderBy: { createdAt: "asc" } }));
    expect(audit.map((a) => a.action)).toEqual(["publicSite.reportWithheldChanged", "publicSite.reportPublished", "publicSite.reportUnpublished"]);
  });

  it("refuses a monitor, and another workspace's coordinator sees none of it", async () => {
    const w = await krusevacWorkspace();
    const monitor = await createTestUser();
    await addMember(w.workspace.id, monitor, "monitor");
    const { caller: monitorCaller } = await callerFor(monitor);
    expect(await codeOf(monitorCaller.publicSite.publishReport({ tenantSlug: w.workspace.slug, reportId: w.report }))).toBe("FORBIDDEN");
    const other = await createTestUser();
    const otherWorkspace = await createTestWorkspace(other);
    const { caller: otherCaller } = await callerFor(other);
    expect(await codeOf(otherCaller.publicSite.publishReport({ tenantSlug: otherWorkspace.slug, reportId: w.report }))).toBe("NOT_FOUND");
    expect(await codeOf(otherCaller.publicSite.previewReport({ tenantSlug: otherWorkspace.slug, reportId: w.report }))).toBe("NOT_FOUND");
    expect(await codeOf(otherCaller.publicSite.savePost({ tenantSlug: otherWorkspace.slug, slug: "x", reportId: w.report, translations: [{ language: "en", title: "X", body: "" }] }))).toBe("BAD_REQUEST");
  });

  it("keeps a post's image without its metadata, refuses what is not a photo, and shows it only once the post is public", async () => {
    const w = await krusevacWorkspace();
    const slug = w.workspace.slug;
    await w.caller.publicSite.saveSettings({ tenantSlug: slug, enabled: true, languages: ["en"], mandate: {} });
    const post = await w.caller.publicSite.savePost({ tenantSlug: slug, slug: "with-image", translations: [{ language: "en", title: "Image", body: "" }] });
    const photo = await sharp({ create: { width: 8, height: 4, channels: 3, background: "#8a8a8a" } })
      .jpeg().withExif({ IFD0: { Make: "PhoneMaker", Model: "Phone 12" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "44/1 49/1 0/1" } }).toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    expect(await refusalOf(w.caller.publicSite.setPostImage({ tenantSlug: slug, postId: post.id, fileName: "a.pdf", content: Readable.from([Buffer.from("%PDF-1.7 not an image")]) }))).toBe("BAD_REQUEST publicSiteErrors.imageType");
    await w.caller.publicSite.setPostImage({ tenantSlug: slug, postId: post.id, fileName: "cell.jpg", content: Readable.from([photo]), alt: { en: "A cell" } });
    expect(await publicSitePostImage(slug, "with-image")).toBeNull();
    await w.caller.publicSite.publishPost({ tenantSlug: slug, postId: post.id });
    const image = await publicSitePostImage(slug, "with-image");
    expect(image?.contentType).toBe("image/jpeg");
    const kept = Buffer.concat(await (await openAttachmentFile(image!.storageKey)).toArray());
    expect((await sharp(kept).metadata()).exif).toBeUndefined();
    const document = await publicSitePost(slug, "with-image");
    expect(document).toMatchObject({ hasImage: true, imageAlt: { en: "A cell" } });
    expect(JSON.stringify(document)).not.toContain(image!.storageKey);
  });
});
