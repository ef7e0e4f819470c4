import { router, tenantProcedure } from "../core/trpc.ts";
import { jointVisitRefSchema, postImageSchema, postRefSchema, publishPostSchema, reportRefSchema, savePostSchema, siteSettingsSchema, withholdSchema } from "./inputs.ts";
import { listMentionableJointVisits, mentionJointVisit, unmentionJointVisit } from "./joint-mentions.ts";
import { forgetPublicSiteOnCommit } from "./page-cache.ts";
import { deletePost, getPost, listPosts, previewPost, previewPostImage, publishPost, savePost, setPostImage, unpublishPost } from "./posts.ts";
import { getReportPublication, listPublishableReports, previewReport, publishReport, setWithheld, unpublishReport } from "./reports.ts";
import { getSiteSettings, saveSiteSettings } from "./settings.ts";

/**
 * The NPM's side of its public site (issue 17): coordinators and above. A change that can alter what
 * visitors see forgets the site's cached pages: such procedures are built on `siteChange`, which
 * forgets them once the change has committed.
 */
const coordinator = tenantProcedure("coordinator");

const siteChange = (options: Parameters<typeof tenantProcedure>[1] = {}) =>
  tenantProcedure("coordinator", options).use(async ({ ctx, next }) => {
    const result = await next();
    if (result.ok) forgetPublicSiteOnCommit(ctx.tx, ctx.tenant.slug);
    return result;
  });
const changing = siteChange();

export const publicSiteRouter = router({
  settings: coordinator.query(({ ctx }) => getSiteSettings(ctx.tx, ctx.actor)),

  saveSettings: changing.input(siteSettingsSchema).mutation(({ ctx, input }) => saveSiteSettings(ctx.tx, ctx.actor, input)),

  posts: coordinator.query(({ ctx }) => listPosts(ctx.tx)),

  post: coordinator.input(postRefSchema).query(({ ctx, input }) => getPost(ctx.tx, input.postId)),

  savePost: changing.input(savePostSchema).mutation(({ ctx, input }) => savePost(ctx.tx, ctx.actor, input)),

  publishPost: changing.input(publishPostSchema).mutation(({ ctx, input }) => publishPost(ctx.tx, ctx.actor, input.postId, input.publishAt)),

  unpublishPost: changing.input(postRefSchema).mutation(({ ctx, input }) => unpublishPost(ctx.tx, ctx.actor, input.postId)),

  deletePost: changing.input(postRefSchema).mutation(({ ctx, input }) => deletePost(ctx.tx, ctx.actor, input.postId)),

  /** Takes the file as a stream: callable on the server only (the post page's upload action), like attachments.upload. */
  setPostImage: siteChange({ receivesFile: true }).input(postImageSchema).mutation(({ ctx, input }) => setPostImage(ctx.tx, ctx.actor, input.postId, input)),

  previewPost: coordinator.input(postRefSchema).query(({ ctx, input }) => previewPost(ctx.tx, input.postId)),

  /** The image of a post's preview, draft or not (the visitor's image route serves published posts only). */
  previewPostImage: coordinator.input(postRefSchema).query(({ ctx, input }) => previewPostImage(ctx.tx, input.postId)),

  reports: coordinator.query(({ ctx }) => listPublishableReports(ctx.tx)),

  report: coordinator.input(reportRefSchema).query(({ ctx, input }) => getReportPublication(ctx.tx, input.reportId)),

  setWithheld: changing.input(withholdSchema).mutation(({ ctx, input }) => setWithheld(ctx.tx, ctx.actor, input.reportId, input.withheldRecommendationIds, input.withheldUpdateIds)),

  publishReport: changing.input(reportRefSchema).mutation(({ ctx, input }) => publishReport(ctx.tx, ctx.actor, input.reportId)),

  unpublishReport: changing.input(reportRefSchema).mutation(({ ctx, input }) => unpublishReport(ctx.tx, ctx.actor, input.reportId)),

  previewReport: coordinator.input(reportRefSchema).query(({ ctx, input }) => previewReport(ctx.tx, input.reportId)),

  /** The joint visits this workspace took part in as a partner, and which of them its site mentions. */
  jointVisits: coordinator.query(({ ctx }) => listMentionableJointVisits(ctx.tx)),

  mentionJointVisit: changing.input(jointVisitRefSchema).mutation(({ ctx, input }) => mentionJointVisit(ctx.tx, ctx.actor, input.hostTenantId, input.visitId)),

  unmentionJointVisit: changing.input(jointVisitRefSchema).mutation(({ ctx, input }) => unmentionJointVisit(ctx.tx, ctx.actor, input.hostTenantId, input.visitId)),
});
