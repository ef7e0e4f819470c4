import { Readable } from "node:stream";
import { withTenant } from "@vigil/db";
import sharp from "sharp";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { attachmentsPrefix } from "../attachments/workspace-files.ts";
import { createTestOperator } from "../platform/testing.ts";
import { renderReportPdf } from "../reports/pdf.ts";
import { objectStorage } from "../storage/settings.ts";
import { addMember, callerFor, codeOf, createTestUser, createTestWorkspace, refusalOf } from "../testing/index.ts";
import { cachedPublicPage, cachePublicPage, publicPageKey } from "./page-cache.ts";
import { publicReportPdfDocument, publicSiteHome, publicSitePost, publicSiteReport } from "./visitor.ts";

/**
 * Findings of the public site's review (docs/decisions/0268): findings never reach the public report
 * nor its PDF; racing saves of one slug get a translated conflict; a suspended workspace's site is
 * gone; racing image replacements leave no orphaned file; a draft's image is served to its
 * workspace's coordinators only.
 */
const FINDING_TEXT = "Detainee Jovan Jovanović showed bruises on both arms";

async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  return text.replace(/\s+/g, " ");
}

async function siteWithReport() {
  const owner = await createTestUser("Ana Coordinator");
  const workspace = await createTestWorkspace(owner);
  const report = await withTenant(workspace.id, owner.id, async (tx) => {
    const tenantId = workspace.id;
    const place = await tx.place.create({ data: { tenantId, name: "Police Department Kruševac", type: "police_custody" } });
    const visit = await tx.visit.create({
      data: { tenantId, placeId: place.id, type: "ad_hoc", plannedStart: new Date("2014-06-12"), plannedEnd: new Date("2014-06-12"), status: "report_drafting" },
    });
    await tx.finding.create({ data: { tenantId, visitId: visit.id, theme: "Ill-treatment", text: FINDING_TEXT, severity: "high" } });
    const sent = await tx.report.create({ data: { tenantId, visitId: visit.id, language: "en", summary: "Night visit.", status: "sent", sentAt: new Date("2014-06-20") } });
    await tx.recommendation.create({ data: { tenantId, reportId: sent.id, visitId: visit.id, placeId: place.id, number: 1, text: "Keep the custody register complete.", status: "open" } });
    return sent.id;
  });
  const { caller } = await callerFor(owner);
  await caller.publicSite.saveSettings({ tenantSlug: workspace.slug, enabled: true, languages: ["en"], mandate: {} });
  return { owner, workspace, caller, report };
}

function photo(background: string) {
  return sharp({ create: { width: 8, height: 4, channels: 3, background } }).jpeg().toBuffer();
}

describe("public site review", () => {
  it("leaves the visit's findings out of the public report, its preview and its PDF", async () => {
    const w = await siteWithReport();
    const preview = await w.caller.publicSite.previewReport({ tenantSlug: w.workspace.slug, reportId: w.report });
    expect(JSON.stringify(preview)).not.toContain(FINDING_TEXT);
    // Before anything is withheld or published, the preview already holds what publishing will show.
    expect(preview.recommendations.map((r) => r.text)).toEqual(["Keep the custody register complete."]);
    await w.caller.publicSite.publishReport({ tenantSlug: w.workspace.slug, reportId: w.report });
    const report = await publicSiteReport(w.workspace.slug, w.report);
    expect(report).toEqual({ ...preview, publishedAt: report?.publishedAt });
    expect(JSON.stringify(report)).not.toContain(FINDING_TEXT);

    const text = await pdfText(await renderReportPdf(publicReportPdfDocument(w.workspace, report!, "en"), { publicVersion: true }));
    expect(text).toContain("Keep the custody register complete.");
    expect(text).not.toContain("Jovanović");
    expect(text).not.toContain("Ill-treatment");
  });

  it("answers racing saves of one slug with one post and a translated conflict, never a 500", async () => {
    const w = await siteWithReport();
    const save = () => w.caller.publicSite.savePost({ tenantSlug: w.workspace.slug, slug: "same-address", translations: [{ language: "en", title: "News", body: "" }] });
    const outcomes = await Promise.all([save(), save(), save(), save()].map((call) => refusalOf(call)));
    expect(outcomes.filter((o) => o === "OK")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "OK")).toEqual(Array(3).fill("CONFLICT publicSiteErrors.slugTaken"));
    expect((await w.caller.publicSite.posts({ tenantSlug: w.workspace.slug })).map((p) => p.slug)).toEqual(["same-address"]);
  });

  it("takes a suspended workspace's site offline: home, posts and reports read as the one 404", async () => {
    const w = await siteWithReport();
    const post = await w.caller.publicSite.savePost({ tenantSlug: w.workspace.slug, slug: "visit-news", translations: [{ language: "en", title: "News", body: "" }] });
    await w.caller.publicSite.publishPost({ tenantSlug: w.workspace.slug, postId: post.id });
    await w.caller.publicSite.publishReport({ tenantSlug: w.workspace.slug, reportId: w.report });
    expect(await publicSiteHome(w.workspace.slug)).not.toBeNull();

    // A page a visitor had just loaded, in this process's cache: the suspension must not leave it served.
    const cachedKey = publicPageKey(w.workspace.slug, "", "en");
    cachePublicPage(w.workspace.slug, cachedKey, { status: 200, contentType: "text/html", body: "<p>News</p>", etag: '"n"', language: "en" });
    const { caller: operator } = await callerFor(await createTestOperator());
    await operator.platform.suspend({ workspaceId: w.workspace.id, reason: "Unpaid invoice" });
    expect(cachedPublicPage(cachedKey)).toBeUndefined();
    expect(await publicSiteHome(w.workspace.slug)).toBeNull();
    expect(await publicSitePost(w.workspace.slug, "visit-news")).toBeNull();
    expect(await publicSiteReport(w.workspace.slug, w.report)).toBeNull();

    await operator.platform.liftSuspension({ workspaceId: w.workspace.id });
    expect(await publicSitePost(w.workspace.slug, "visit-news")).not.toBeNull();
  });

  it("keeps exactly one file when two image replacements race", async () => {
    const w = await siteWithReport();
    const post = await w.caller.publicSite.savePost({ tenantSlug: w.workspace.slug, slug: "with-image", translations: [{ language: "en", title: "Image", body: "" }] });
    const upload = async (background: string) =>
      w.caller.publicSite.setPostImage({ tenantSlug: w.workspace.slug, postId: post.id, fileName: "cell.jpg", content: Readable.from([await photo(background)]), alt: {} });
    await Promise.all([upload("#8a8a8a"), upload("#204060")]);
    const kept = await withTenant(w.workspace.id, w.owner.id, (tx) => tx.publicPost.findFirst({ where: { id: post.id }, select: { imageStorageKey: true } }));
    const files = await objectStorage().list(attachmentsPrefix(w.workspace.id));
    expect(files.map((f) => f.key)).toEqual([`attachments/${kept?.imageStorageKey}`]);
  });

  it("shows a draft's image to its workspace's coordinators only", async () => {
    const w = await siteWithReport();
    const post = await w.caller.publicSite.savePost({ tenantSlug: w.workspace.slug, slug: "draft-image", translations: [{ language: "en", title: "Draft", body: "" }] });
    expect(await codeOf(w.caller.publicSite.previewPostImage({ tenantSlug: w.workspace.slug, postId: post.id }))).toBe("NOT_FOUND");
    await w.caller.publicSite.setPostImage({ tenantSlug: w.workspace.slug, postId: post.id, fileName: "cell.jpg", content: Readable.from([await photo("#8a8a8a")]), alt: {} });
    expect(await w.caller.publicSite.previewPostImage({ tenantSlug: w.workspace.slug, postId: post.id })).toMatchObject({ contentType: "image/jpeg" });

    const monitor = await createTestUser();
    await addMember(w.workspace.id, monitor, "monitor");
    expect(await codeOf((await callerFor(monitor)).caller.publicSite.previewPostImage({ tenantSlug: w.workspace.slug, postId: post.id }))).toBe("FORBIDDEN");
    const other = await createTestUser();
    const otherWorkspace = await createTestWorkspace(other);
    expect(await codeOf((await callerFor(other)).caller.publicSite.previewPostImage({ tenantSlug: otherWorkspace.slug, postId: post.id }))).toBe("NOT_FOUND");
  });
});
