import { router, tenantProcedure } from "../core/trpc.ts";
import { postImageSchema, postRefSchema, publishPostSchema, reportRefSchema, savePostSchema, siteSettingsSchema, withholdSchema } from "./inputs.ts";
import { forgetPublicSite } from "./page-cache.ts";
import { deletePost, getPost, listPosts, previewPost, previewPostImage, publishPost, savePost, setPostImage, unpublishPost } from "./posts.ts";
import { getReportPublication, listPublishableReports, previewReport, publishReport, setWithheld, unpublishReport } from "./reports.ts";
import { getSiteSettings, saveSiteSettings } from "./settings.ts";

/**
 * The NPM's side of its public site (issue 17): coordinators and above. A change that can alter what
 * visitors see forgets the site's cached pages.
 */
const coordinator = tenantProcedure("coordinator");

export const publicSiteRouter = router({
  settings: coordinator.query(({ ctx }) => getSiteSettings(ctx.tx, ctx.actor)),

  saveSettings: coordinator.input(siteSettingsSchema).mutation(async ({ ctx, input }) => {
    const settings = await saveSiteSettings(ctx.tx, ctx.actor, input);
    forgetPublicSite(ctx.tenant.slug);
    return settings;
  }),

  posts: coordinator.query(({ ctx }) => listPosts(ctx.tx)),

  post: coordinator.input(postRefSchema).query(({ ctx, input }) => getPost(ctx.tx, input.postId)),

  savePost: coordinator.input(savePostSchema).mutation(async ({ ctx, input }) => {
    const post = await savePost(ctx.tx, ctx.actor, input);
    forgetPublicSite(ctx.tenant.slug);
    return post;
  }),

  publishPost: coordinator.input(publishPostSchema).mutation(async ({ ctx, input }) => {
    const post = await publishPost(ctx.tx, ctx.actor, input.postId, input.publishAt);
    forgetPublicSite(ctx.tenant.slug);
    return post;
  }),

  unpublishPost: coordinator.input(postRefSchema).mutation(async ({ ctx, input }) => {
    const post = await unpublishPost(ctx.tx, ctx.actor, input.postId);
    forgetPublicSite(ctx.tenant.slug);
    return post;
  }),

  deletePost: coordinator.input(postRefSchema).mutation(async ({ ctx, input }) => {
    const result = await deletePost(ctx.tx, ctx.actor, input.postId);
    forgetPublicSite(ctx.tenant.slug);
    return result;
  }),

  /** Takes the file as a stream: callable on the server only (the post page's upload action), like attachments.upload. */
  setPostImage: tenantProcedure("coordinator", { receivesFile: true }).input(postImageSchema).mutation(async ({ ctx, input }) => {
    const post = await setPostImage(ctx.tx, ctx.actor, input.postId, input);
    forgetPublicSite(ctx.tenant.slug);
    return post;
  }),

  previewPost: coordinator.input(postRefSchema).query(({ ctx, input }) => previewPost(ctx.tx, input.postId)),

  /** The image of a post's preview, draft or not (the visitor's image route serves published posts only). */
  previewPostImage: coordinator.input(postRefSchema).query(({ ctx, input }) => previewPostImage(ctx.tx, input.postId)),

  reports: coordinator.query(({ ctx }) => listPublishableReports(ctx.tx)),

  report: coordinator.input(reportRefSchema).query(({ ctx, input }) => getReportPublication(ctx.tx, input.reportId)),

  setWithheld: coordinator.input(withholdSchema).mutation(async ({ ctx, input }) => {
    const publication = await setWithheld(ctx.tx, ctx.actor, input.reportId, input.withheldRecommendationIds, input.withheldUpdateIds);
    forgetPublicSite(ctx.tenant.slug);
    return publication;
  }),

  publishReport: coordinator.input(reportRefSchema).mutation(async ({ ctx, input }) => {
    const publication = await publishReport(ctx.tx, ctx.actor, input.reportId);
    forgetPublicSite(ctx.tenant.slug);
    return publication;
  }),

  unpublishReport: coordinator.input(reportRefSchema).mutation(async ({ ctx, input }) => {
    const publication = await unpublishReport(ctx.tx, ctx.actor, input.reportId);
    forgetPublicSite(ctx.tenant.slug);
    return publication;
  }),

  previewReport: coordinator.input(reportRefSchema).query(({ ctx, input }) => previewReport(ctx.tx, input.reportId)),
});
